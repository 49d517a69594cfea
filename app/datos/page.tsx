import type { Metadata } from "next";
import Link from "next/link";
import { ClassificationBadge, StatusBadge } from "@/components/catalog/StatusBadge";
import { hrefWith, SearchSelect } from "@/components/public/SearchSelect";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { PageHeader } from "@/components/ui/PageHeader";
import { Pagination } from "@/components/ui/Pagination";
import { parseSearchParams } from "@/lib/api/search-params";
import { getCurrentActor } from "@/lib/auth/session";
import { CLASSIFICATION_LABELS, FREQUENCY_LABELS, STATUS_LABELS } from "@/lib/catalog/labels";
import { ZDataItemSearchQuery, type TDataItemSearchQuery } from "@/lib/data-directory/schemas";
import { listDataStewards, searchDataItems } from "@/lib/data-directory/service";
import { plural } from "@/lib/format";
import type { LifecycleStatus } from "@/lib/generated/prisma/enums";
import { Table } from "@/components/ui/Table";

export const metadata: Metadata = { title: "Directorio de Datos" };

const FIELD_LABELS: Record<string, string> = { q: "Búsqueda", steward: "Institución", classification: "Clasificación", status: "Estado", sort: "Orden", page: "Página", pageSize: "Resultados por página" };

function linkFor(q: TDataItemSearchQuery, page: number) {
  return hrefWith("/datos", { q: q.q, steward: q.steward, classification: q.classification, status: q.status, sort: q.sort, pageSize: q.pageSize, page }, { pageSize: 20, page: 1 });
}

export default async function DataDirectoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { value: query, issues } = parseSearchParams(ZDataItemSearchQuery, await searchParams);
  const actor = await getCurrentActor();
  const [result, stewards] = await Promise.all([searchDataItems(query, actor), listDataStewards(actor)]);
  const { total, page, totalPages } = result.pagination;
  const filtered = Boolean(query.q || query.steward || query.classification || query.status);
  return (
    <>
      <PageHeader
        title="Directorio de Datos"
        lead="Cada dato disponible en la red: qué es, sus atributos, cuán reservado es, qué institución responde por él y qué servicios lo entregan."
      />
      <ErrorSummary
        title="Algunos filtros no son válidos y no se aplicaron"
        issues={issues.map((i) => ({ field: i.field !== "page" && i.field !== "pageSize" && i.field in FIELD_LABELS ? i.field : undefined, message: `${FIELD_LABELS[i.field] ?? i.field}: ${i.message}` }))}
      />
      <form method="get" action="/datos" role="search" aria-label="Buscar en el directorio" className="mb-6 grid gap-4 rounded-lg border border-line bg-surface p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end">
        <div>
          <label htmlFor="q" className="block font-medium">
            Buscar datos
          </label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={200} className="mt-1 w-full rounded border border-ink-muted bg-white px-3 py-2" />
        </div>
        <SearchSelect id="steward" label="Institución responsable" value={query.steward} options={stewards.map((s) => ({ value: s.code, label: s.name }))} allLabel="Todas" />
        <SearchSelect id="classification" label="Clasificación" value={query.classification} options={Object.entries(CLASSIFICATION_LABELS).map(([value, label]) => ({ value, label }))} allLabel="Todas" />
        <SearchSelect
          id="status"
          label="Estado"
          value={query.status}
          options={(["PUBLISHED", "DEPRECATED", "RETIRED", ...(actor?.memberships.length ? (["DRAFT"] as const) : [])] as LifecycleStatus[]).map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          allLabel="Publicados y obsoletos"
        />
        <div className="flex items-center gap-3">
          <button type="submit" className="rounded border-2 border-primary bg-primary px-4 py-2 font-medium text-white hover:bg-primary-dark">
            Buscar
          </button>
          {filtered && <Link href="/datos">Limpiar</Link>}
        </div>
      </form>

      <p className="mb-3 font-medium" role="status">
        {plural(total, "dato encontrado", "datos encontrados")}
        {totalPages > 1 && ` · página ${page} de ${totalPages}`}
      </p>
      {total === 0 ? (
        <p>No hay datos que coincidan. Pruebe con otras palabras o quite algún filtro.</p>
      ) : (
        <Table caption="Datos del directorio" columns={["Dato", "Institución responsable", "Clasificación", "Actualización", "Servicios"]}>
          {result.data.map((d) => (
            <tr key={d.id} className="border-b border-line align-top">
              <th scope="row" className="py-3 pr-4 font-normal">
                <Link href={`/datos/${d.id}`} className="font-medium">
                  {d.name}
                </Link>
                <span className="block text-sm text-ink-muted">{d.id}</span>
                {d.status !== "PUBLISHED" && (
                  <span className="mt-1 block">
                    <StatusBadge status={d.status} />
                  </span>
                )}
              </th>
              <td className="py-3 pr-4">{d.steward.name}</td>
              <td className="py-3 pr-4">
                <ClassificationBadge classification={d.classification} />
              </td>
              <td className="py-3 pr-4">{FREQUENCY_LABELS[d.updateFrequency]}</td>
              <td className="py-3">{d.servicesCount}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination page={page} totalPages={totalPages} hrefFor={(p) => linkFor(query, p)} />
    </>
  );
}
