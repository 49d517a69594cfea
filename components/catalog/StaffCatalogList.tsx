import Link from "next/link";
import type { ReactNode } from "react";
import { RoleNote } from "@/components/catalog/RoleNote";
import { StatusTabs } from "@/components/catalog/StatusTabs";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ButtonLink } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/PageHeader";
import { Pagination } from "@/components/ui/Pagination";
import { plural } from "@/lib/format";
import type { LifecycleStatus } from "@/lib/generated/prisma/enums";

export const STATUS_SLUGS = { todos: null, borrador: "DRAFT", publicado: "PUBLISHED", obsoleto: "DEPRECATED", retirado: "RETIRED" } as const;
export type StatusSlug = keyof typeof STATUS_SLUGS;
const TAB_LABELS: Record<StatusSlug, string> = { todos: "Todos", borrador: "Borradores", publicado: "Publicados", obsoleto: "Obsoletos", retirado: "Retirados" };

/** The words that differ between the services list and the data items list. */
export type ListWords = {
  title: string;
  lead: string;
  one: string;
  many: string;
  newLabel: string;
  searchLabel: string;
  emptyAll: string;
};

/**
 * An institution's own list (services or data items) in every status: status tabs with counts,
 * a search, the table (children) and pages. Used by both staff listings.
 */
export function StaffCatalogList(props: {
  words: ListWords;
  institution: { code: string; name: string };
  base: string;
  canEdit: boolean;
  roleLabel: string;
  tab: StatusSlug;
  q: string | undefined;
  page: number;
  total: number;
  totalPages: number;
  counts: Record<LifecycleStatus, number> & { total: number };
  table: (caption: string) => ReactNode;
  empty: boolean;
}) {
  const { words, institution, base, canEdit, roleLabel, tab, q, page, total, totalPages, counts } = props;
  const hrefFor = (slug: string, p = 1) => {
    const u = new URLSearchParams();
    if (slug !== "todos") u.set("estado", slug);
    if (q) u.set("q", q);
    if (p > 1) u.set("page", String(p));
    const s = u.toString();
    return s ? `${base}?${s}` : base;
  };
  const tabs = (Object.keys(STATUS_SLUGS) as StatusSlug[]).map((slug) => {
    const st = STATUS_SLUGS[slug];
    return { slug, label: TAB_LABELS[slug], count: st ? counts[st] : counts.total };
  });
  const lower = words.many.toLowerCase();
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Inicio" }, { href: `/institucion/${institution.code}`, label: institution.name }, { label: words.title }]} />
      <PageHeader title={words.title} lead={words.lead}>
        <RoleNote roleLabel={roleLabel} canEdit={canEdit} />
        {canEdit && (
          <div className="mt-4">
            <ButtonLink href={`${base}/nuevo`}>{words.newLabel}</ButtonLink>
          </div>
        )}
      </PageHeader>

      <form method="get" action={base} role="search" aria-label={`Buscar ${lower} de la institución`} className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-line bg-surface p-4">
        {tab !== "todos" && <input type="hidden" name="estado" value={tab} />}
        <div className="min-w-64 flex-1">
          <label htmlFor="q" className="block font-medium">
            {words.searchLabel}
          </label>
          <input id="q" name="q" type="search" defaultValue={q ?? ""} maxLength={200} autoComplete="off" className="mt-1 w-full rounded border border-ink-muted bg-white px-3 py-2" />
        </div>
        <button type="submit" className="rounded border-2 border-primary bg-primary px-4 py-2 font-medium text-white hover:bg-primary-dark">
          Buscar
        </button>
        {q && (
          <Link href={hrefFor(tab)} className="self-center">
            Quitar la búsqueda
          </Link>
        )}
      </form>

      <StatusTabs label={`Filtrar ${lower} por estado`} tabs={tabs} current={tab} hrefFor={(slug) => hrefFor(slug)} />

      <p className="mb-3 font-medium" role="status">
        {plural(total, words.one, lower)}
        {q ? ` para «${q}»` : ""}
        {totalPages > 1 && ` · página ${Math.min(page, totalPages)} de ${totalPages}`}
      </p>
      {props.empty ? (
        <p className="text-ink-muted">
          {q ? `No hay ${lower} que coincidan con la búsqueda.` : tab === "todos" ? words.emptyAll : `No hay ${lower} en estado «${TAB_LABELS[tab].toLowerCase()}».`}
        </p>
      ) : (
        props.table(`${words.title} de ${institution.name}: ${TAB_LABELS[tab].toLowerCase()}`)
      )}
      <Pagination page={page} totalPages={totalPages} hrefFor={(p) => hrefFor(tab, p)} />
    </>
  );
}
