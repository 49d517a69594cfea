import type { Metadata } from "next";
import { NodeRoleNote } from "@/components/nodes/NodeRoleNote";
import { NodesTable } from "@/components/nodes/NodesTable";
import { ANCHOR_URL } from "@/components/nodes/commands";
import { ENVIRONMENT_HELP, NODE_STATUS_COUNT_WORDS } from "@/components/nodes/labels";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ButtonLink } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/PageHeader";
import { can } from "@/lib/auth/permissions";
import { ENVIRONMENT_LABELS } from "@/lib/catalog/labels";
import { formatNumber, plural } from "@/lib/format";
import type { NodeStatus } from "@/lib/generated/prisma/enums";
import { listNodes } from "@/lib/nodes/service";
import { requireStaff, titlePart } from "../../_lib/staff";
import { Section } from "@/components/ui/Section";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Nodos de ${titlePart((await params).code)}` };
}

const ENVIRONMENTS = ["dev", "prod"] as const;
const STATUSES: NodeStatus[] = ["ACTIVE", "PENDING", "REVOKED"];

/** The institution's nodes, by environment: status, network URL, current keys, dates. Members only; admins register nodes. */
export default async function InstitutionNodesPage({ params }: Props) {
  const { code: raw } = await params;
  const { actor, institution, roleLabel } = await requireStaff(raw, `/institucion/${raw}/nodos`);
  const canManage = can(actor, "node.manage", institution.code);
  const nodes = await listNodes(institution.code, actor);
  const base = `/institucion/${institution.code}/nodos`;

  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Inicio" }, { href: `/institucion/${institution.code}`, label: institution.name }, { label: "Nodos" }]} />
      <PageHeader
        title="Nodos"
        lead={`Los nodos que ${institution.name} ejecuta en sus servidores (node-agent) para intercambiar datos con otras instituciones: firman, cifran y verifican cada mensaje. Cada nodo pertenece a un ambiente.`}
      >
        <NodeRoleNote roleLabel={roleLabel} canManage={canManage} />
        {canManage && (
          <div className="mt-4">
            <ButtonLink href={`${base}/nuevo`}>Registrar un nodo</ButtonLink>
          </div>
        )}
      </PageHeader>

      <nav aria-label="Ambientes" className="mb-8">
        <ul className="flex flex-wrap gap-x-6 gap-y-1">
          {ENVIRONMENTS.map((env) => (
            <li key={env}>
              <a href={`#nodos-${env}`}>
                {ENVIRONMENT_LABELS[env]} ({formatNumber(nodes.filter((n) => n.environment === env).length)})
              </a>
            </li>
          ))}
        </ul>
      </nav>

      {ENVIRONMENTS.map((env) => {
        const list = nodes.filter((n) => n.environment === env);
        const counts = STATUSES.map((s) => ({ s, n: list.filter((x) => x.status === s).length })).filter((c) => c.n > 0);
        return (
          <section key={env} id={`nodos-${env}`} aria-labelledby={`titulo-${env}`} className="mb-12 scroll-mt-4">
            <h2 id={`titulo-${env}`} className="text-2xl font-bold">
              {ENVIRONMENT_LABELS[env]}
            </h2>
            <p className="mt-1 mb-4 text-ink-muted">
              {ENVIRONMENT_HELP[env]} {plural(list.length, "nodo", "nodos")}
              {counts.length > 0 && `: ${counts.map((c) => plural(c.n, ...NODE_STATUS_COUNT_WORDS[c.s])).join(", ")}`}.
            </p>
            {list.length === 0 ? (
              <p>
                {`La institución aún no tiene nodos de ${ENVIRONMENT_LABELS[env].toLowerCase()}.`}
                {canManage ? " Use «Registrar un nodo» para dar de alta uno." : ""}
              </p>
            ) : (
              <NodesTable nodes={list} base={base} caption={`Nodos de ${ENVIRONMENT_LABELS[env].toLowerCase()} de ${institution.name}`} />
            )}
          </section>
        );
      })}

      <Section id="titulo-ancla" title="Ancla de confianza" className="rounded-lg border border-line bg-surface p-5" headingClassName="text-xl font-bold">
        <p className="mt-1">
          Al instalar un nodo se le entrega el ancla de confianza: las claves públicas con que el portal firma la configuración de la red.{" "}
          <a href={ANCHOR_URL} download="anchor.json">
            Descargar el ancla de confianza (anchor.json)
          </a>
        </p>
      </Section>
    </>
  );
}
