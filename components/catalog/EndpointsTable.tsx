import type { Endpoint } from "@/lib/catalog/openapi-parse";
import { Table } from "@/components/ui/Table";

/** The operations of a service's OpenAPI description. */
export function EndpointsTable({ endpoints, caption }: { endpoints: Endpoint[]; caption: string }) {
  return (
    <Table caption={caption} columns={["Método", "Ruta", "Resumen", "operationId"]} wrapperClassName="mt-3">
      {endpoints.map((e) => (
        <tr key={`${e.method} ${e.path}`} className="border-b border-line align-top">
          <td className="py-2 pr-4">
            <code className="rounded bg-white px-1.5 py-0.5 font-bold text-tertiary ring-1 ring-line">{e.method}</code>
          </td>
          <th scope="row" className="py-2 pr-4 font-normal">
            <code className="break-all">{e.path}</code>
          </th>
          <td className="py-2 pr-4">{e.summary ?? <span className="text-ink-muted">Sin resumen</span>}</td>
          <td className="py-2">{e.operationId ? <code className="break-all">{e.operationId}</code> : <span className="text-ink-muted">—</span>}</td>
        </tr>
      ))}
    </Table>
  );
}
