import type { Metadata } from "next";
import Link from "next/link";
import { DeadlineText } from "@/components/institutions/Onboarding";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { PageHeader } from "@/components/ui/PageHeader";
import { Pagination } from "@/components/ui/Pagination";
import { parseSearchParams } from "@/lib/api/search-params";
import { plural } from "@/lib/format";
import { GROUP_LABELS, KIND_LABELS } from "@/lib/institutions/labels";
import { ZInstitutionListQuery, type TInstitutionListQuery } from "@/lib/institutions/schemas";
import { listInstitutions } from "@/lib/institutions/service";
import { Table } from "@/components/ui/Table";

export const metadata: Metadata = { title: "Instituciones y plazos" };

const FIELD_LABELS: Record<string, string> = { q: "Búsqueda", group: "Grupo", kind: "Tipo", page: "Página", pageSize: "Resultados por página" };

function hrefWith(query: TInstitutionListQuery, page: number) {
  const p = new URLSearchParams();
  if (query.q) p.set("q", query.q);
  if (query.group) p.set("group", query.group);
  if (query.kind) p.set("kind", query.kind);
  if (query.pageSize !== 20) p.set("pageSize", String(query.pageSize));
  if (page > 1) p.set("page", String(page));
  const s = p.toString();
  return s ? `/instituciones?${s}` : "/instituciones";
}

export default async function InstitutionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { value: query, issues } = parseSearchParams(ZInstitutionListQuery, await searchParams);
  const result = await listInstitutions(query);
  const filtered = Boolean(query.q || query.group || query.kind);
  const { page, totalPages, total } = result.pagination;
  return (
    <>
      <PageHeader
        title="Instituciones y plazos"
        lead="Los órganos de la Administración del Estado, su grupo de gradualidad según la Ley 21.464, el año en que deben cumplir y la obligación que les corresponde."
      />
      <ErrorSummary
        title="Algunos filtros no son válidos y no se aplicaron"
        issues={issues.map((i) => ({ field: i.field === "page" || i.field === "pageSize" ? undefined : i.field, message: `${FIELD_LABELS[i.field] ?? i.field}: ${i.message}` }))}
      />
        <form method="get" action="/instituciones" role="search" aria-label="Buscar instituciones" className="mb-6 grid gap-4 rounded-lg border border-line bg-surface p-4 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
          <div>
            <label htmlFor="q" className="block font-medium">
              Buscar por nombre o código
            </label>
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={query.q ?? ""}
              maxLength={100}
              autoComplete="off"
              className="mt-1 w-full rounded border border-ink-muted bg-white px-3 py-2"
              aria-describedby="q-ayuda"
            />
            <p id="q-ayuda" className="mt-1 text-sm text-ink-muted">
              No importan las tildes ni las mayúsculas.
            </p>
          </div>
          <div>
            <label htmlFor="group" className="block font-medium">
              Grupo
            </label>
            <select id="group" name="group" defaultValue={query.group ?? ""} className="mt-1 w-full rounded border border-ink-muted bg-white px-3 py-2">
              <option value="">Todos</option>
              {Object.entries(GROUP_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="kind" className="block font-medium">
              Tipo
            </label>
            <select id="kind" name="kind" defaultValue={query.kind ?? ""} className="mt-1 w-full rounded border border-ink-muted bg-white px-3 py-2">
              <option value="">Todos</option>
              {Object.entries(KIND_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="flex gap-2 sm:pb-7">
            <button type="submit" className="rounded border-2 border-primary bg-primary px-4 py-2 font-medium text-white hover:bg-primary-dark">
              Buscar
            </button>
            {filtered && (
              <Link href="/instituciones" className="self-center whitespace-nowrap">
                Limpiar filtros
              </Link>
            )}
          </div>
        </form>

      <p className="mb-3 font-medium" role="status">
        {plural(total, "institución encontrada", "instituciones encontradas")}
        {totalPages > 1 && ` · página ${page} de ${totalPages}`}
      </p>

      {total === 0 ? (
        <p>No hay instituciones que coincidan con la búsqueda. Pruebe con menos palabras o quite algún filtro.</p>
      ) : (
        <Table caption="Instituciones con su grupo, plazo y obligación" columns={["Institución", "Tipo", "Grupo", "Plazo", "Obligación"]}>
          {result.data.map((i) => (
            <tr key={i.code} className="border-b border-line align-top">
              <th scope="row" className="py-3 pr-4 font-normal">
                <Link href={`/instituciones/${i.code}`} className="font-medium">
                  {i.name}
                </Link>
                <span className="block text-sm text-ink-muted">{i.code}</span>
              </th>
              <td className="py-3 pr-4">{KIND_LABELS[i.kind]}</td>
              <td className="py-3 pr-4">{i.group}</td>
              <td className="py-3 pr-4">
                <DeadlineText deadline={i.deadline} />
              </td>
              <td className="py-3 text-sm">{i.deadline.duty}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination page={page} totalPages={totalPages} hrefFor={(p) => hrefWith(query, p)} />
    </>
  );
}
