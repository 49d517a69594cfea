import type { Metadata } from "next";
import Link from "next/link";
import { StatusTabs } from "@/components/catalog/StatusTabs";
import { ServicesTable } from "@/components/catalog/tables";
import { RoleNote } from "@/components/catalog/RoleNote";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ButtonLink } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/PageHeader";
import { Pagination } from "@/components/ui/Pagination";
import { plural } from "@/lib/format";
import { servicesPageOf, requireStaff, STATUS_SLUGS, type StatusSlug, statusSlugOf, titlePart } from "../../_lib/staff";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Servicios de ${titlePart((await params).code)}` };
}

const TAB_LABELS: Record<StatusSlug, string> = { todos: "Todos", borrador: "Borradores", publicado: "Publicados", obsoleto: "Obsoletos", retirado: "Retirados" };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** All the institution's services, drafts and retired included, by status. */
export default async function InstitutionServicesPage({ params, searchParams }: Props) {
  const { code: raw } = await params;
  const sp = await searchParams;
  const { actor, institution, canEdit, roleLabel } = await requireStaff(raw, `/institucion/${raw}/servicios`);
  const base = `/institucion/${institution.code}/servicios`;
  const tab = statusSlugOf(sp.estado);
  const q = first(sp.q)?.trim().slice(0, 200) || undefined;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(first(sp.page) ?? "1", 10) || 1));

  const { result, counts } = await servicesPageOf(institution.code, actor, tab, q, page);
  const { totalPages, total } = result.pagination;
  const rows = result.data;

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

  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Inicio" }, { href: `/institucion/${institution.code}`, label: institution.name }, { label: "Servicios" }]} />
      <PageHeader title="Servicios" lead={`Los servicios que ${institution.name} ofrece en la red, en todos sus estados.`}>
        <RoleNote roleLabel={roleLabel} canEdit={canEdit} />
        {canEdit && (
          <div className="mt-4">
            <ButtonLink href={`${base}/nuevo`}>Nuevo servicio</ButtonLink>
          </div>
        )}
      </PageHeader>

      <form method="get" action={base} role="search" aria-label="Buscar servicios de la institución" className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-line bg-surface p-4">
        {tab !== "todos" && <input type="hidden" name="estado" value={tab} />}
        <div className="min-w-64 flex-1">
          <label htmlFor="q" className="block font-medium">
            Buscar por nombre, descripción o datos
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

      <StatusTabs label="Filtrar servicios por estado" tabs={tabs} current={tab} hrefFor={(slug) => hrefFor(slug)} />

      <p className="mb-3 font-medium" role="status">
        {plural(total, "servicio", "servicios")}
        {q ? ` para «${q}»` : ""}
        {totalPages > 1 && ` · página ${Math.min(page, totalPages)} de ${totalPages}`}
      </p>
      {rows.length === 0 ? (
        <p className="text-ink-muted">
          {q ? "No hay servicios que coincidan con la búsqueda." : tab === "todos" ? "La institución aún no tiene servicios." : `No hay servicios en estado «${TAB_LABELS[tab].toLowerCase()}».`}
        </p>
      ) : (
        <ServicesTable services={rows} institution={institution.code} caption={`Servicios de ${institution.name}: ${TAB_LABELS[tab].toLowerCase()}`} />
      )}
      <Pagination page={page} totalPages={totalPages} hrefFor={(p) => hrefFor(tab, p)} />
    </>
  );
}
