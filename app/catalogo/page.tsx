import type { Metadata } from "next";
import Link from "next/link";
import { ClassificationBadge, StatusBadge } from "@/components/catalog/StatusBadge";
import { hrefWith, SearchSelect } from "@/components/public/SearchSelect";
import { Badge } from "@/components/ui/Badge";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { PageHeader } from "@/components/ui/PageHeader";
import { Pagination } from "@/components/ui/Pagination";
import { parseSearchParams } from "@/lib/api/search-params";
import { getCurrentActor } from "@/lib/auth/session";
import { CLASSIFICATION_LABELS, STATUS_LABELS } from "@/lib/catalog/labels";
import { ZServiceSearchQuery, type TServiceSearchQuery } from "@/lib/catalog/schemas";
import { listCatalogProviders, searchServices } from "@/lib/catalog/service";
import { formatNumber, plural } from "@/lib/format";
import type { LifecycleStatus } from "@/lib/generated/prisma/enums";
import { searchProcedures } from "@/lib/procedures/service";

export const metadata: Metadata = { title: "Catálogo de Servicios" };

const FIELD_LABELS: Record<string, string> = {
  q: "Búsqueda",
  provider: "Proveedor",
  classification: "Clasificación",
  procedure: "Trámite",
  status: "Estado",
  sensitive: "Datos sensibles",
  sort: "Orden",
  page: "Página",
  pageSize: "Resultados por página",
};

function linkFor(q: TServiceSearchQuery, page: number) {
  return hrefWith(
    "/catalogo",
    { q: q.q, provider: q.provider, classification: q.classification, procedure: q.procedure, status: q.status, sensitive: q.sensitive, sort: q.sort, pageSize: q.pageSize, page },
    { pageSize: 20, page: 1 },
  );
}

export default async function CatalogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { value: query, issues } = parseSearchParams(ZServiceSearchQuery, await searchParams);
  const actor = await getCurrentActor();
  const [result, providers, procedures] = await Promise.all([
    searchServices(query, actor),
    listCatalogProviders(actor),
    searchProcedures({ status: "VIGENTE", page: 1, pageSize: 100 }),
  ]);
  const { total, page, totalPages } = result.pagination;
  const filtered = Boolean(query.q || query.provider || query.classification || query.procedure || query.status || query.sensitive !== undefined);
  return (
    <>
      <PageHeader
        title="Catálogo de Servicios"
        lead="Los servicios de interoperabilidad que ofrecen las instituciones del Estado: qué datos entregan, con qué niveles de servicio y para qué trámites. Antes de pedirle un dato a una persona, búsquelo aquí."
      />
      {/* The first stop in the page: past the search and its filters, straight to what was found. */}
      <p className="-mt-4 mb-4">
        <a href="#resultados">Saltar a los resultados</a>
      </p>
      <ErrorSummary
        title="Algunos filtros no son válidos y no se aplicaron"
        issues={issues.map((i) => ({ field: i.field in FIELD_LABELS && i.field !== "page" && i.field !== "pageSize" ? i.field : undefined, message: `${FIELD_LABELS[i.field] ?? i.field}: ${i.message}` }))}
      />
      <form method="get" action="/catalogo" role="search" aria-label="Buscar en el catálogo" className="mb-6 rounded-lg border border-line bg-surface p-4">
        <div className="grid gap-4 sm:grid-cols-[1fr_auto] sm:items-end">
          <div>
            <label htmlFor="q" className="block font-medium">
              Buscar servicios
            </label>
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={query.q ?? ""}
              maxLength={200}
              className="mt-1 w-full rounded border border-ink-muted bg-white px-3 py-2"
              aria-describedby="q-ayuda"
            />
            <p id="q-ayuda" className="mt-1 text-sm text-ink-muted">
              Por nombre, dato, institución o trámite. No importan las tildes ni las mayúsculas; sirven palabras incompletas.
            </p>
          </div>
          <button type="submit" className="rounded border-2 border-primary bg-primary px-6 py-2 font-medium text-white hover:bg-primary-dark sm:mb-7">
            Buscar
          </button>
        </div>
        <details className="mt-2" open={filtered || undefined}>
          <summary className="cursor-pointer font-medium text-primary">Filtros y orden</summary>
          <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <SearchSelect id="provider" label="Proveedor" value={query.provider} options={providers.map((p) => ({ value: p.code, label: `${p.name} (${p.services})` }))} />
            <SearchSelect
              id="classification"
              label="Clasificación de sus datos"
              value={query.classification}
              options={Object.entries(CLASSIFICATION_LABELS).map(([value, label]) => ({ value, label }))}
              allLabel="Todas"
            />
            <SearchSelect id="procedure" label="Trámite que lo usa" value={query.procedure} options={procedures.data.map((p) => ({ value: p.code, label: p.name }))} />
            <SearchSelect
              id="status"
              label="Estado"
              value={query.status}
              options={([ "PUBLISHED", "DEPRECATED", "RETIRED", ...(actor?.memberships.length ? (["DRAFT"] as const) : [])] as LifecycleStatus[]).map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
              allLabel="Publicados y obsoletos"
            />
            <SearchSelect
              id="sensitive"
              label="Datos sensibles"
              value={query.sensitive === undefined ? undefined : String(query.sensitive)}
              options={[
                { value: "true", label: "Solo con datos sensibles (requieren consentimiento)" },
                { value: "false", label: "Solo sin datos sensibles" },
              ]}
              allLabel="Con o sin datos sensibles"
            />
            <SearchSelect
              id="sort"
              label="Ordenar por"
              value={query.sort}
              options={[
                { value: "relevance", label: "Relevancia" },
                { value: "name", label: "Nombre" },
                { value: "recent", label: "Actualizados recientemente" },
                { value: "provider", label: "Proveedor" },
              ]}
              allLabel={query.q ? "Relevancia" : "Nombre"}
            />
          </div>
          {filtered && (
            <p className="mt-3">
              <Link href="/catalogo">Limpiar búsqueda y filtros</Link>
            </p>
          )}
        </details>
      </form>

      <p id="resultados" tabIndex={-1} className="mb-4 font-medium" role="status">
        {plural(total, "servicio encontrado", "servicios encontrados")}
        {totalPages > 1 && ` · página ${page} de ${totalPages}`}
      </p>
      {total === 0 ? (
        <p>No hay servicios que coincidan. Pruebe con otras palabras o quite algún filtro.</p>
      ) : (
        <ul className="space-y-4">
          {result.data.map((s) => (
            <li key={s.id} className="rounded-lg border border-line p-5">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h2 className="text-xl font-bold">
                  <Link href={`/catalogo/${s.id}`}>{s.name}</Link>
                </h2>
                <div className="flex flex-wrap gap-2">
                  {s.status !== "PUBLISHED" && <StatusBadge status={s.status} />}
                  {s.sensitive && <ClassificationBadge classification="SENSIBLE" />}
                  {!s.sensitive && s.personal && <Badge tone="warning">Datos personales</Badge>}
                  {s.approvalPolicy === "AUTOMATIC" && <Badge tone="success">Datos abiertos</Badge>}
                </div>
              </div>
              <p className="mt-1 text-sm text-ink-muted">
                {s.provider.name} · <code>{s.id}</code>
              </p>
              <p className="mt-2">{s.description}</p>
              <p className="mt-2 text-sm text-ink-muted">
                Hasta {formatNumber(s.tps)} transacciones por segundo · disponibilidad comprometida {formatNumber(s.availability)} %
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} totalPages={totalPages} hrefFor={(p) => linkFor(query, p)} />
    </>
  );
}
