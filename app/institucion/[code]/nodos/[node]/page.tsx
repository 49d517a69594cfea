import type { Metadata } from "next";
import { NODE_NAME_PATTERN } from "@pisee/node-agent/shared";
import { NodeActions } from "@/components/nodes/NodeActions";
import { KEY_USE_LABELS, NODE_STATUS_HELP, TOKEN_PURPOSE_LABELS } from "@/components/nodes/labels";
import { NodeStatusBadge } from "@/components/nodes/NodeStatusBadge";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Timeline } from "@/components/ui/Timeline";
import { can } from "@/lib/auth/permissions";
import { ENVIRONMENT_LABELS } from "@/lib/catalog/labels";
import { publicOrigin } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import type { TNode } from "@/lib/nodes/schemas";
import { getNode } from "@/lib/nodes/service";
import { orNotFound } from "../../../../_lib/not-found";
import { requireStaff, segment, titlePart } from "../../../_lib/staff";
import { Table } from "@/components/ui/Table";
import { Section } from "@/components/ui/Section";

type Props = { params: Promise<{ code: string; node: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await params;
  return { title: `Nodo ${titlePart(p.node)} · ${titlePart(p.code)}` };
}

const USE_ORDER = { sig: 0, enc: 1 } as const;

type HistoryItem = { at: string; title: string; detail?: string; reason?: string | null };

/** The node's history, from its own fields: alta, activation, keys presented since, revocation. */
function historyOf(node: TNode): HistoryItem[] {
  const items: HistoryItem[] = [{ at: node.createdAt, title: "Alta en el portal", detail: "Quedó pendiente de registro y se emitió su token de registro." }];
  if (node.activatedAt) items.push({ at: node.activatedAt, title: "Registro del nodo", detail: "Presentó sus claves con el token y quedó activo en la configuración de la red." });
  const activated = node.activatedAt ? new Date(node.activatedAt).getTime() : Infinity;
  const rotations = [...new Set(node.keys.map((k) => k.createdAt))].filter((at) => new Date(at).getTime() > activated);
  for (const at of rotations) items.push({ at, title: "Rotación de claves", detail: "Presentó claves nuevas con un token de rotación; las anteriores quedaron en retiro por una hora." });
  if (node.revokedAt) items.push({ at: node.revokedAt, title: "Revocación", detail: "Salió de la configuración de la red.", reason: node.revokedReason });
  return items.sort((a, b) => a.at.localeCompare(b.at));
}

function keyState(node: TNode, retireAfter: string | null) {
  if (node.status === "REVOKED") return <span className="text-ink-muted">Revocada con el nodo</span>;
  if (retireAfter) {
    return (
      <>
        <Badge tone="warning">En retiro</Badge>{" "}
        <span className="mt-1 block">
          hasta el <time dateTime={retireAfter}>{formatDateTime(new Date(retireAfter))}</time>
        </span>
      </>
    );
  }
  return <Badge tone="success">Vigente</Badge>;
}

/** One node of the institution: details, public keys (with the rotation overlap), pending token, history; rotation and revocation for admins. */
export default async function ManageNodePage({ params }: Props) {
  const raw = await params;
  const { actor, institution } = await requireStaff(raw.code, `/institucion/${raw.code}/nodos/${raw.node}`);
  const name = segment(raw.node, NODE_NAME_PATTERN);
  const node = await orNotFound(getNode(`${institution.code}/${name}`, actor));
  const canManage = can(actor, "node.manage", institution.code);
  const base = `/institucion/${institution.code}`;
  const history = historyOf(node);
  // Current keys first, newest first, the signing key before the encryption key.
  const keys = [...node.keys].sort((a, b) => (a.retireAfter ? 1 : 0) - (b.retireAfter ? 1 : 0) || b.createdAt.localeCompare(a.createdAt) || USE_ORDER[a.use] - USE_ORDER[b.use]);

  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Inicio" }, { href: base, label: institution.name }, { href: `${base}/nodos`, label: "Nodos" }, { label: node.name }]} />
      <header className="mb-6">
        <h1 className="text-3xl font-bold sm:text-4xl">Nodo {node.name}</h1>
        <p className="mt-3 flex flex-wrap items-center gap-2">
          <NodeStatusBadge status={node.status} />
          <Badge tone="neutral">
            <span className="sr-only">Ambiente: </span>
            {ENVIRONMENT_LABELS[node.environment]}
          </Badge>
          <code className="text-ink-muted">{node.id}</code>
        </p>
        <p className="mt-2 max-w-3xl text-ink-muted">{NODE_STATUS_HELP[node.status]}</p>
      </header>

      <div className="mb-8 space-y-4 rounded-lg border border-line bg-surface p-4">
        {canManage && <NodeActions node={node} portalUrl={publicOrigin()} />}
        {canManage && node.status === "PENDING" && <p className="text-ink-muted">«Rotar claves» estará disponible cuando el nodo se registre.</p>}
        {canManage && node.status === "REVOKED" && <p className="text-ink-muted">El nodo está revocado: ya no admite rotaciones ni otros cambios.</p>}
        {!canManage && <p className="text-ink-muted">Solo lectura: solo un/a administrador/a de {institution.name} puede rotar las claves de este nodo o revocarlo.</p>}
      </div>

      <div className="grid gap-10 lg:grid-cols-[2fr_1fr]">
        <div className="min-w-0 space-y-10">
          <Section id="titulo-ficha" title="Ficha del nodo">
            <dl className="grid gap-x-8 gap-y-3 sm:grid-cols-[14rem_1fr]">
              <dt className="font-bold">Identificador</dt>
              <dd>
                <code>{node.id}</code>
              </dd>
              <dt className="font-bold">Institución</dt>
              <dd>{node.institution.name}</dd>
              <dt className="font-bold">Ambiente</dt>
              <dd>{ENVIRONMENT_LABELS[node.environment]}</dd>
              <dt className="font-bold">URL de red</dt>
              <dd>
                <code className="break-all">{node.baseUrl}</code>
              </dd>
              <dt className="font-bold">Estado</dt>
              <dd>
                <NodeStatusBadge status={node.status} />
              </dd>
            </dl>
          </Section>

          <Section id="titulo-claves" title="Claves públicas" headingClassName="mb-2 text-2xl font-bold">
            <p className="mb-4 max-w-3xl text-ink-muted">
              Una clave de firma (ES256) y una de cifrado (ECDH-ES+A256KW), P-256. Su identificador es la huella RFC 7638 de la clave. Tras una rotación, las anteriores
              siguen aceptadas una hora para los mensajes en curso.
            </p>
            {keys.length === 0 ? (
              <p>{node.status === "PENDING" ? "El nodo aún no presenta sus claves: lo hará al registrarse con el token." : "El nodo no tiene claves vigentes."}</p>
            ) : (
              <Table caption={<>Claves públicas del nodo {node.id}</>} columns={["Uso", "Identificador (kid)", "Presentada", "Estado"]}>
                {keys.map((k) => (
                  <tr key={k.kid} className="border-b border-line align-top">
                    <th scope="row" className="py-3 pr-4 font-normal">
                      {KEY_USE_LABELS[k.use]} <span className="text-ink-muted">({k.use})</span>
                    </th>
                    <td className="py-3 pr-4">
                      <code className="break-all text-sm">{k.kid}</code>
                    </td>
                    <td className="py-3 pr-4 text-sm">
                      <time dateTime={k.createdAt}>{formatDateTime(new Date(k.createdAt))}</time>
                    </td>
                    <td className="py-3 text-sm">{keyState(node, k.retireAfter)}</td>
                  </tr>
                ))}
              </Table>
            )}
          </Section>

          <Section id="titulo-token" title="Token pendiente">
            {node.tokenPending ? (
              <p className="max-w-3xl">
                Hay un token de {TOKEN_PURPOSE_LABELS[node.tokenPending.purpose]} sin usar, válido hasta el{" "}
                <strong>
                  <time dateTime={node.tokenPending.expiresAt}>{formatDateTime(new Date(node.tokenPending.expiresAt))}</time>
                </strong>{" "}
                (se mostró una sola vez, al emitirlo: el portal no guarda el token, solo su huella).
                {canManage
                  ? node.tokenPending.purpose === "rotate"
                    ? " Si se perdió, emita otro con «Rotar claves»: solo vale el último."
                    : " Si se perdió, emita otro con «Emitir un token de registro nuevo»: solo vale el último."
                  : ""}
              </p>
            ) : node.status === "PENDING" ? (
              <Alert tone="warning" title="El token de registro venció sin usarse">
                Para registrar este nodo hace falta un token nuevo.{" "}
                {canManage ? "Emítalo con «Emitir un token de registro nuevo»." : "Un/a administrador/a de la institución puede emitirlo."}
              </Alert>
            ) : (
              <p className="text-ink-muted">No hay tokens pendientes.</p>
            )}
          </Section>
        </div>

        <Section id="titulo-historial" title="Historial" className="min-w-0">
          <Timeline entries={history.map((e) => ({ at: e.at, title: e.title, lines: e.detail ? [e.detail] : [], reason: e.reason }))} headingId="titulo-historial" />
        </Section>
      </div>
    </>
  );
}
