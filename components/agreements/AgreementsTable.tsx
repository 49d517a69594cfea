import Link from "next/link";
import type { TAgreementSummary } from "@/lib/agreements/schemas";
import { ENVIRONMENT_LABELS } from "@/lib/catalog/labels";
import { formatDate } from "@/lib/format";
import { AgreementStatusBadge, DeadlineCell } from "./AgreementStatusBadge";
import { Table } from "@/components/ui/Table";


/**
 * Agreements as a table: number (the link), service, the other institution, environment, status
 * and the answer deadline. `other` says which party to show: the consumer for an inbox of
 * received requests, the provider for sent ones, both for the platform's lists.
 */
export function AgreementsTable({ agreements, caption, other }: { agreements: TAgreementSummary[]; caption: string; other: "consumer" | "provider" | "both" }) {
  return (
    <Table
      caption={caption}
      columns={[
        "Número",
        "Servicio",
        other === "both" ? (
          <>
            Solicitante <span aria-hidden="true">→</span>
            <span className="sr-only">y</span> proveedor
          </>
        ) : other === "consumer" ? (
          "Institución solicitante"
        ) : (
          "Institución proveedora"
        ),
        "Ambiente",
        "Estado",
        "Plazo de respuesta",
      ]}
    >
      {agreements.map((a) => (
        <tr key={a.id} className="border-b border-line align-top">
          <th scope="row" className="py-3 pr-4 font-normal whitespace-nowrap">
            <Link href={`/acuerdos/${a.id}`} className="font-medium">
              {a.number}
            </Link>
            <span className="block text-sm text-ink-muted">Actualizado el {formatDate(new Date(a.updatedAt))}</span>
          </th>
          <td className="py-3 pr-4">
            {a.service.name}
            <code className="block text-sm text-ink-muted">{a.service.id}</code>
          </td>
          <td className="py-3 pr-4">
            {other === "both" ? (
              <>
                {a.consumer.name} <span aria-hidden="true">→</span>
                <span className="sr-only">solicita a</span> {a.provider.name}
              </>
            ) : other === "consumer" ? (
              a.consumer.name
            ) : (
              a.provider.name
            )}
          </td>
          <td className="py-3 pr-4">{ENVIRONMENT_LABELS[a.environment]}</td>
          <td className="py-3 pr-4">
            <AgreementStatusBadge status={a.status} />
          </td>
          <td className="py-3 text-sm">
            <DeadlineCell left={a.businessDaysLeft} />
            {a.dueAt && a.businessDaysLeft !== null && <span className="block text-ink-muted">hasta el {formatDate(new Date(a.dueAt))}</span>}
          </td>
        </tr>
      ))}
    </Table>
  );
}
