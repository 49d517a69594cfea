import type { Metadata } from "next";
import { StaffCatalogList } from "@/components/catalog/StaffCatalogList";
import { DataItemsTable } from "@/components/catalog/tables";
import { listParams, requireStaff, dataItemsPageOf, titlePart } from "../../_lib/staff";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Datos de ${titlePart((await params).code)}` };
}

/** All the institution's data items, drafts and retired included, by status. */
export default async function InstitutionDataItemsPage({ params, searchParams }: Props) {
  const { code: raw } = await params;
  const ctx = await requireStaff(raw, `/institucion/${raw}/datos`);
  const { tab, q, page } = listParams(await searchParams);
  const { result, counts } = await dataItemsPageOf(ctx.institution.code, ctx.actor, tab, q, page);
  return (
    <StaffCatalogList
      words={{
        title: "Datos",
        lead: `Los datos de los que ${ctx.institution.name} es responsable en el Directorio de Datos, en todos sus estados.`,
        one: "dato",
        many: "Datos",
        newLabel: "Nuevo dato",
        searchLabel: "Buscar por nombre, descripción o atributos",
        emptyAll: "La institución aún no tiene datos en el directorio.",
      }}
      {...ctx}
      base={`/institucion/${ctx.institution.code}/datos`}
      tab={tab}
      q={q}
      page={page}
      total={result.pagination.total}
      totalPages={result.pagination.totalPages}
      counts={counts}
      empty={result.data.length === 0}
      table={(caption) => <DataItemsTable items={result.data} institution={ctx.institution.code} caption={caption} />}
    />
  );
}
