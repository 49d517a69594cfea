import type { TDataItem } from "@/lib/data-directory/schemas";
import { ATTRIBUTE_TYPE_LABELS } from "./labels";
import { Table } from "@/components/ui/Table";

/** A data item's attributes: name, type and description. */
export function AttributesTable({ attributes }: { attributes: TDataItem["attributes"] }) {
  return (
    <Table caption="Atributos del dato" columns={["Nombre", "Tipo", "Descripción"]}>
      {attributes.map((a) => (
        <tr key={a.name} className="border-b border-line align-top">
          <th scope="row" className="py-2 pr-4 font-normal">
            <code>{a.name}</code>
          </th>
          <td className="py-2 pr-4">{ATTRIBUTE_TYPE_LABELS[a.type]}</td>
          <td className="py-2">{a.description || <span className="text-ink-muted">Sin descripción</span>}</td>
        </tr>
      ))}
    </Table>
  );
}
