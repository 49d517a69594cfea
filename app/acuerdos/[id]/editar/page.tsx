import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AgreementForm } from "@/components/agreements/AgreementForm";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { can } from "@/lib/auth/permissions";
import { agreementFormValues, formService, loadAgreement, procedureOptions, serviceOrNull } from "../../_lib/load";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Editar solicitud de acceso" };

/** Edits a request while it is a draft (staff and administrators of the requesting institution; anyone else gets a 404). */
export default async function EditAgreementPage({ params }: Props) {
  const { id } = await params;
  const { actor, agreement: a } = await loadAgreement(id, `/acuerdos/${id}/editar`);
  if (a.status !== "BORRADOR" || !can(actor, "agreement.prepare", a.consumer.code)) notFound();
  const service = await serviceOrNull(a.service.id, actor);
  if (!service) notFound();
  const href = `/acuerdos/${a.id}`;
  const procedures = await procedureOptions(service, a.procedures);
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Inicio" }, { href, label: `Acuerdo ${a.number}` }, { label: "Editar borrador" }]} />
      <PageHeader title="Editar solicitud" lead={`Borrador ${a.number}: acceso de ${a.consumer.name} al servicio «${a.service.name}» de ${a.provider.name}.`} />
      <AgreementForm
        mode="edit"
        agreementId={a.id}
        service={formService(service)}
        consumers={[{ code: a.consumer.code, name: a.consumer.name, canSubmit: false }]}
        procedures={procedures}
        initial={agreementFormValues(a)}
        cancelHref={href}
      />
    </>
  );
}
