import { ButtonLink } from "@/components/ui/Button";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/session";
import { ENVIRONMENT_LABELS } from "@/lib/catalog/labels";
import { formatNumber, plural } from "@/lib/format";
import { listNodes } from "@/lib/nodes/service";
import { Section } from "@/components/ui/Section";

/** The "Nodos" card of the institution's area: active nodes per environment (server component; members only, like the page). */
export async function NodesCard({ institution, actor }: { institution: string; actor: Actor }) {
  const nodes = await listNodes(institution, actor);
  const base = `/institucion/${institution}/nodos`;
  const pending = nodes.filter((n) => n.status === "PENDING").length;
  return (
    <Section id="titulo-nodos" title="Nodos" className="rounded-lg border border-line bg-surface p-5" headingClassName="text-2xl font-bold">
      <p className="mt-1">Los nodos que la institución ejecuta en sus servidores para intercambiar datos en la red.</p>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {(["dev", "prod"] as const).map((env) => (
          <li key={env}>
            Activos en {ENVIRONMENT_LABELS[env].toLowerCase()}: <strong>{formatNumber(nodes.filter((n) => n.environment === env && n.status === "ACTIVE").length)}</strong>
          </li>
        ))}
      </ul>
      {pending > 0 && <p className="mt-2 text-sm">{plural(pending, "nodo pendiente de registro", "nodos pendientes de registro")}</p>}
      <div className="mt-4 flex flex-wrap gap-3">
        <ButtonLink href={base} variant="secondary">
          Ver nodos
        </ButtonLink>
        {can(actor, "node.manage", institution) && <ButtonLink href={`${base}/nuevo`}>Registrar un nodo</ButtonLink>}
      </div>
    </Section>
  );
}
