import Link from "next/link";
import { ButtonLink } from "@/components/ui/Button";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/session";
import type { ActiveRequest } from "@/lib/agreements/read";
import { AGREEMENT_STATUS_LABELS } from "@/lib/agreements/transitions";
import { ENVIRONMENT_LABELS } from "@/lib/catalog/labels";
import type { TService } from "@/lib/catalog/schemas";

/** The path of the request form for a service. */
export const requestFormPath = (serviceId: string) => `/acuerdos/nuevo?servicio=${serviceId}`;

/** The requests that already exist, each linked (the way to it instead of a new one). */
export function ExistingRequests({ existing, className }: { existing: readonly ActiveRequest[]; className?: string }) {
  if (existing.length === 0) return null;
  return (
    <div className={className}>
      <p className="font-medium">{existing.length === 1 ? "Su institución ya tiene una solicitud para este servicio:" : "Sus instituciones ya tienen solicitudes para este servicio:"}</p>
      <ul className="mt-1 space-y-1">
        {existing.map((request) => (
          <li key={request.id}>
            <Link href={`/acuerdos/${request.id}`}>
              Acuerdo {request.number}
              <span className="sr-only"> de {request.consumer.name}</span>
            </Link>{" "}
            <span className="text-sm text-ink-muted">
              {request.consumer.name} · {ENVIRONMENT_LABELS[request.environment]} · {AGREEMENT_STATUS_LABELS[request.status]}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The "Solicitar acceso" box of a service's public page: how requests work (deadlines, open data)
 * and the way in for this person: the form, signing in, or why they cannot request it. The
 * requests their institutions already have are linked; a new one is offered only while some
 * institution and environment has none (one active request per consumer, service and environment).
 */
export function RequestAccessCta({
  service: s,
  actor,
  existing = [],
}: {
  service: Pick<TService, "id" | "status" | "approvalPolicy" | "provider" | "environments">;
  actor: Actor | null;
  /** Active requests and agreements of the person's institutions for this service. */
  existing?: readonly ActiveRequest[];
}) {
  if (s.status !== "PUBLISHED") {
    return (
      <>
        <p className="mt-2">Este servicio no recibe solicitudes nuevas.</p>
        <ExistingRequests existing={existing} className="mt-3" />
      </>
    );
  }
  const form = requestFormPath(s.id);
  const mayPrepare = actor ? actor.memberships.filter((m) => m.institutionCode !== s.provider.code && can(actor, "agreement.prepare", m.institutionCode)) : [];
  // Institutions that can still ask for some environment.
  const eligible = mayPrepare.filter((m) => s.environments.some((env) => !existing.some((request) => request.consumer.code === m.institutionCode && request.environment === env)));
  const ownOnly = !!actor && mayPrepare.length === 0 && actor.memberships.some((m) => m.institutionCode === s.provider.code);
  return (
    <>
      <p className="mt-2">
        {s.approvalPolicy === "AUTOMATIC"
          ? "Son datos abiertos: al enviar la solicitud, el acuerdo queda vigente de inmediato."
          : `La solicitud la envía el/la administrador/a de su institución; ${s.provider.name} responde en un plazo de 15 días hábiles (prorrogable una vez por 5), y el acuerdo rige cuando lo firman ambas jefaturas de servicio.`}
      </p>
      <ExistingRequests existing={existing} className="mt-3" />
      <div className="mt-4">
        {!actor ? (
          <ButtonLink href={`/ingresar?desde=${encodeURIComponent(form)}`}>Ingrese para solicitar acceso</ButtonLink>
        ) : mayPrepare.length > 0 && eligible.length === 0 ? (
          <p className="text-ink-muted">Ya hay una solicitud activa para cada ambiente del servicio: siga su curso en el acuerdo.</p>
        ) : eligible.length > 0 ? (
          <>
            <ButtonLink href={form}>{existing.length > 0 ? "Solicitar acceso para otro ambiente" : "Solicitar acceso"}</ButtonLink>
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
