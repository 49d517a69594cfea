import Link from "next/link";
import { ButtonLink } from "@/components/ui/Button";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/session";
import type { TService } from "@/lib/catalog/schemas";

/** The path of the request form for a service. */
export const requestFormPath = (serviceId: string) => `/acuerdos/nuevo?servicio=${serviceId}`;

/**
 * The "Solicitar acceso" box of a service's public page: how requests work (deadlines, open data)
 * and the way in for this person: the form, signing in, or why they cannot request it.
 */
export function RequestAccessCta({ service: s, actor }: { service: Pick<TService, "id" | "status" | "approvalPolicy" | "provider">; actor: Actor | null }) {
  if (s.status !== "PUBLISHED") return <p className="mt-2">Este servicio no recibe solicitudes nuevas.</p>;
  const form = requestFormPath(s.id);
  const eligible = actor ? actor.memberships.filter((m) => m.institutionCode !== s.provider.code && can(actor, "agreement.prepare", m.institutionCode)) : [];
  const ownOnly = !!actor && eligible.length === 0 && actor.memberships.some((m) => m.institutionCode === s.provider.code);
  return (
    <>
      <p className="mt-2">
        {s.approvalPolicy === "AUTOMATIC"
          ? "Son datos abiertos: al enviar la solicitud, el acuerdo queda vigente de inmediato."
          : `La solicitud la envía el/la administrador/a de su institución; ${s.provider.name} responde en un plazo de 15 días hábiles (prorrogable una vez por 5), y el acuerdo rige cuando lo firman ambas jefaturas de servicio.`}
      </p>
      <div className="mt-4">
        {!actor ? (
          <ButtonLink href={`/ingresar?desde=${encodeURIComponent(form)}`}>Ingrese para solicitar acceso</ButtonLink>
        ) : eligible.length > 0 ? (
          <>
            <ButtonLink href={form}>Solicitar acceso</ButtonLink>
            <p className="mt-2 text-sm text-ink-muted">
              {eligible.some((m) => can(actor, "agreement.submit", m.institutionCode))
                ? "Podrá guardarla como borrador o enviarla de inmediato."
                : "Podrá prepararla como borrador; la envía un/a administrador/a de su institución."}
            </p>
          </>
        ) : ownOnly ? (
          <p className="text-ink-muted">Es un servicio de su institución: lo consumen otras instituciones.</p>
        ) : (
          <p className="text-ink-muted">
            Solo los funcionarios/as de instituciones públicas pueden solicitar acceso. Revise sus roles en <Link href="/cuenta">Mi cuenta</Link>.
          </p>
        )}
      </div>
    </>
  );
}
