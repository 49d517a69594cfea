import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ServiceForm } from "@/components/catalog/ServiceForm";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { serviceFormChoices } from "../../../_lib/forms";
import { requireStaff, titlePart } from "../../../_lib/staff";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Nuevo servicio · ${titlePart((await params).code)}` };
}

/** Creates a service as a draft (administrators of the institution only; anyone else gets a 404). */
export default async function NewServicePage({ params }: Props) {
  const { code: raw } = await params;
  const { actor, institution, canEdit } = await requireStaff(raw, `/institucion/${raw}/servicios/nuevo`);
  if (!canEdit) notFound();
  const base = `/institucion/${institution.code}`;
  const { responsibles, procedures } = await serviceFormChoices(institution.code, actor);
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Inicio" }, { href: base, label: institution.name }, { href: `${base}/servicios`, label: "Servicios" }, { label: "Nuevo servicio" }]} />
      <PageHeader
        title="Nuevo servicio"
        lead={`Se creará como borrador de ${institution.name}: solo sus funcionarios/as lo verán hasta que lo publique.`}
      />
      <ServiceForm mode="create" institution={institution.code} responsibles={responsibles} procedures={procedures} cancelHref={`${base}/servicios`} />
    </>
  );
}
