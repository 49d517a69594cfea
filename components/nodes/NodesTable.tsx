import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import type { TNode } from "@/lib/nodes/schemas";
import { KeyId } from "./KeyId";
import { KEY_USE_LABELS } from "./labels";
import { NodeStatusBadge } from "./NodeStatusBadge";
import { Table } from "@/components/ui/Table";

function DateCell({ at, none }: { at: string | null; none: string }) {
  if (!at) {
    return (
      <span>
        <span aria-hidden="true">—</span>
        <span className="sr-only">{none}</span>
      </span>
    );
  }
  return <time dateTime={at}>{formatDateTime(new Date(at))}</time>;
}

/** An institution's nodes of one environment: name and id, status, network URL, current keys, dates. */
export function NodesTable({ nodes, caption, base }: { nodes: TNode[]; caption: string; base: string }) {
  return (
    <Table caption={caption} columns={["Nodo", "Estado", "URL de red", "Claves vigentes", "Alta", "Activación"]} className="w-full min-w-[52rem] border-collapse text-left">
      {nodes.map((n) => {
        // A revoked node's keys are no longer accepted anywhere.
        const current = n.status === "REVOKED" ? [] : n.keys.filter((k) => !k.retireAfter).sort((a, b) => (a.use === b.use ? 0 : a.use === "sig" ? -1 : 1));
        const retiring = n.status === "REVOKED" ? 0 : n.keys.length - current.length;
        return (
          <tr key={n.id} className="border-b border-line align-top">
            <th scope="row" className="py-3 pr-4 font-normal">
              <Link href={`${base}/${n.name}`} className="font-medium">
                {n.name}
              </Link>
              <code className="block text-sm text-ink-muted">{n.id}</code>
            </th>
            <td className="py-3 pr-4">
              <NodeStatusBadge status={n.status} />
              {n.status === "REVOKED" && n.revokedAt && (
                <span className="mt-1 block text-sm text-ink-muted">
                  el <time dateTime={n.revokedAt}>{formatDateTime(new Date(n.revokedAt))}</time>
                </span>
              )}
              {n.status === "PENDING" && (
                <span className="mt-1 block text-sm text-ink-muted">
                  {n.tokenPending ? (
                    <>
                      Token válido hasta el <time dateTime={n.tokenPending.expiresAt}>{formatDateTime(new Date(n.tokenPending.expiresAt))}</time>
                    </>
                  ) : (
                    "Token de registro vencido"
                  )}
                </span>
              )}
            </td>
            <td className="py-3 pr-4">
              <code className="break-all text-sm">{n.baseUrl}</code>
            </td>
            <td className="py-3 pr-4 text-sm">
              {current.length === 0 ? (
                <span className="text-ink-muted">{n.status === "PENDING" ? "Aún no presenta claves" : n.status === "REVOKED" ? "Ninguna: nodo revocado" : "Ninguna"}</span>
              ) : (
                <ul>
                  {current.map((k) => (
                    <li key={k.kid}>
                      {KEY_USE_LABELS[k.use]}: <KeyId kid={k.kid} />
                    </li>
                  ))}
                  {retiring > 0 && <li className="text-ink-muted">y {retiring === 1 ? "1 clave anterior en retiro" : `${retiring} claves anteriores en retiro`}</li>}
                </ul>
              )}
            </td>
            <td className="py-3 pr-4 text-sm">
              <DateCell at={n.createdAt} none="" />
            </td>
            <td className="py-3 text-sm">
              <DateCell at={n.activatedAt} none={n.status === "PENDING" ? "Aún no se activa" : "No se activó"} />
            </td>
          </tr>
        );
      })}
    </Table>
  );
}
