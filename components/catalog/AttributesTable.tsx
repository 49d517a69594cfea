import type { TDataItem } from "@/lib/data-directory/schemas";
import { ATTRIBUTE_TYPE_LABELS } from "./labels";

/** A data item's attributes: name, type and description. */
export function AttributesTable({ attributes }: { attributes: TDataItem["attributes"] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">Atributos del dato</caption>
        <thead>
          <tr className="border-b-2 border-tertiary">
            <th scope="col" className="py-2 pr-4">
              Nombre
            </th>
            <th scope="col" className="py-2 pr-4">
              Tipo
            </th>
            <th scope="col" className="py-2">
              Descripción
            </th>
          </tr>
        </thead>
        <tbody>
          {attributes.map((a) => (
            <tr key={a.name} className="border-b border-line align-top">
              <th scope="row" className="py-2 pr-4 font-normal">
                <code>{a.name}</code>
              </th>
              <td className="py-2 pr-4">{ATTRIBUTE_TYPE_LABELS[a.type]}</td>
              <td className="py-2">{a.description || <span className="text-ink-muted">Sin descripción</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
