import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DataItemForm } from "@/components/catalog/DataItemForm";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { listResponsibleCandidates } from "@/lib/data-directory/service";
import { requireStaff, titlePart } from "../../../_lib/staff";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Nuevo dato · ${titlePart((await params).code)}` };
}

/** Creates a data item as a draft (administrators of the institution only; anyone else gets a 404). */
export default async function NewDataItemPage({ params }: Props) {
  const { code: raw } = await params;
  const { actor, institution, canEdit } = await requireStaff(raw, `/institucion/${raw}/datos/nuevo`);
  if (!canEdit) notFound();
  const base = `/institucion/${institution.code}`;
  const responsibles = await listResponsibleCandidates(institution.code, actor);
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Inicio" }, { href: base, label: institution.name }, { href: `${base}/datos`, label: "Datos" }, { label: "Nuevo dato" }]} />
      <PageHeader
        title="Nuevo dato"
        lead={`Se creará como borrador en el Directorio de Datos, a cargo de ${institution.name}: solo sus funcionarios/as lo verán hasta que lo publique.`}
      />
      <DataItemForm mode="create" institution={institution.code} responsibles={responsibles} cancelHref={`${base}/datos`} />
    </>
  );
}
