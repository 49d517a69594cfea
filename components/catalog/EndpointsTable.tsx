import type { Endpoint } from "@/lib/catalog/openapi-parse";

/** The operations of a service's OpenAPI description. */
export function EndpointsTable({ endpoints, caption }: { endpoints: Endpoint[]; caption: string }) {
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-tertiary">
            <th scope="col" className="py-2 pr-4">
              Método
            </th>
            <th scope="col" className="py-2 pr-4">
              Ruta
            </th>
            <th scope="col" className="py-2 pr-4">
              Resumen
            </th>
            <th scope="col" className="py-2">
              operationId
            </th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
