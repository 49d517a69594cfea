import Link from "next/link";
import type { TAgreementSummary } from "@/lib/agreements/schemas";
import { ENVIRONMENT_LABELS } from "@/lib/catalog/labels";
import { formatDate } from "@/lib/format";
import { AgreementStatusBadge, DeadlineCell } from "./AgreementStatusBadge";

const th = "py-2 pr-4";

/**
 * Agreements as a table: number (the link), service, the other institution, environment, status
 * and the answer deadline. `other` says which party to show: the consumer for an inbox of
 * received requests, the provider for sent ones, both for the platform's lists.
 */
export function AgreementsTable({ agreements, caption, other }: { agreements: TAgreementSummary[]; caption: string; other: "consumer" | "provider" | "both" }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-tertiary">
            <th scope="col" className={th}>
              Número
            </th>
            <th scope="col" className={th}>
              Servicio
            </th>
            {other === "both" ? (
              <th scope="col" className={th}>
                Solicitante <span aria-hidden="true">→</span>
                <span className="sr-only">y</span> proveedor
              </th>
            ) : (
              <th scope="col" className={th}>
                {other === "consumer" ? "Institución solicitante" : "Institución proveedora"}
              </th>
            )}
            <th scope="col" className={th}>
              Ambiente
            </th>
            <th scope="col" className={th}>
              Estado
            </th>
            <th scope="col" className="py-2">
              Plazo de respuesta
            </th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
