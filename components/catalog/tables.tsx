import Link from "next/link";
import { Badge } from "@/components/ui/Badge";
import { FREQUENCY_LABELS } from "@/lib/catalog/labels";
import type { TServiceSummary } from "@/lib/catalog/schemas";
import type { TDataItemSummary } from "@/lib/data-directory/schemas";
import { formatDate, formatNumber } from "@/lib/format";
import { ClassificationBadge, StatusBadge } from "./StatusBadge";
import { Table } from "@/components/ui/Table";


/** The institution's services, each linking to its manage page. */
export function ServicesTable({ services, institution, caption }: { services: TServiceSummary[]; institution: string; caption: string }) {
  return (
    <Table caption={caption} columns={["Servicio", "Estado", "Datos", "Niveles de servicio", "Actualizado"]}>
      {services.map((s) => {
        const [, code, version] = s.id.split("/");
        return (
          <tr key={s.id} className="border-b border-line align-top">
            <th scope="row" className="py-3 pr-4 font-normal">
              <Link href={`/institucion/${institution}/servicios/${code}/${version}`} className="font-medium">
                {s.name}
              </Link>
              <code className="block text-sm text-ink-muted">{s.id}</code>
            </th>
            <td className="py-3 pr-4">
              <StatusBadge status={s.status} />
            </td>
            <td className="py-3 pr-4">
              <span className="flex flex-wrap gap-1">
                {s.sensitive && <ClassificationBadge classification="SENSIBLE" />}
                {s.personal && <ClassificationBadge classification="PERSONAL" />}
                {!s.sensitive && !s.personal && <span className="text-sm text-ink-muted">Sin datos personales</span>}
              </span>
            </td>
            <td className="py-3 pr-4 text-sm whitespace-nowrap">
              {formatNumber(s.tps)} TPS · {formatNumber(s.availability)} %
            </td>
            <td className="py-3 text-sm whitespace-nowrap">{formatDate(new Date(s.updatedAt))}</td>
          </tr>
        );
      })}
    </Table>
  );
}

/** The institution's data items, each linking to its manage page. */
export function DataItemsTable({ items, institution, caption }: { items: TDataItemSummary[]; institution: string; caption: string }) {
  return (
    <Table caption={caption} columns={["Dato", "Clasificación", "Estado", "Servicios que lo usan", "Actualización", "Modificado"]}>
      {items.map((d) => (
        <tr key={d.id} className="border-b border-line align-top">
          <th scope="row" className="py-3 pr-4 font-normal">
            <Link href={`/institucion/${institution}/datos/${d.code}`} className="font-medium">
              {d.name}
            </Link>
            <code className="block text-sm text-ink-muted">{d.id}</code>
          </th>
          <td className="py-3 pr-4">
            <ClassificationBadge classification={d.classification} />
          </td>
          <td className="py-3 pr-4">
            <StatusBadge status={d.status} />
          </td>
          <td className="py-3 pr-4">{d.servicesCount === 0 ? <Badge>Ninguno</Badge> : formatNumber(d.servicesCount)}</td>
          <td className="py-3 pr-4 text-sm">{FREQUENCY_LABELS[d.updateFrequency]}</td>
          <td className="py-3 text-sm whitespace-nowrap">{formatDate(new Date(d.updatedAt))}</td>
        </tr>
      ))}
    </Table>
  );
}
