import type { Metadata } from "next";
import { StaffCatalogList } from "@/components/catalog/StaffCatalogList";
import { ServicesTable } from "@/components/catalog/tables";
import { listParams, requireStaff, servicesPageOf, titlePart } from "../../_lib/staff";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Servicios de ${titlePart((await params).code)}` };
}

/** All the institution's services, drafts and retired included, by status. */
export default async function InstitutionServicesPage({ params, searchParams }: Props) {
  const { code: raw } = await params;
  const ctx = await requireStaff(raw, `/institucion/${raw}/servicios`);
  const { tab, q, page } = listParams(await searchParams);
  const { result, counts } = await servicesPageOf(ctx.institution.code, ctx.actor, tab, q, page);
  return (
    <StaffCatalogList
      words={{
        title: "Servicios",
        lead: `Los servicios que ${ctx.institution.name} ofrece en la red, en todos sus estados.`,
        one: "servicio",
        many: "Servicios",
        newLabel: "Nuevo servicio",
        searchLabel: "Buscar por nombre, descripción o datos",
        emptyAll: "La institución aún no tiene servicios.",
      }}
      {...ctx}
      base={`/institucion/${ctx.institution.code}/servicios`}
      tab={tab}
      q={q}
      page={page}
      total={result.pagination.total}
      totalPages={result.pagination.totalPages}
      counts={counts}
      empty={result.data.length === 0}
      table={(caption) => <ServicesTable services={result.data} institution={ctx.institution.code} caption={caption} />}
    />
  );
}
