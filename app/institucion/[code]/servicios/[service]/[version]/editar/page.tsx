import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { serviceFormValues } from "@/components/catalog/form-values";
import { ServiceForm } from "@/components/catalog/ServiceForm";
import { Alert } from "@/components/ui/Alert";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { serviceFormChoices } from "../../../../../_lib/forms";
import { loadManagedService } from "../../../../../_lib/loaders";
import { EditHeader } from "../../../../../_lib/ManagedEntry";
import { titlePart } from "../../../../../_lib/staff";

type Props = { params: Promise<{ code: string; service: string; version: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await params;
  return { title: `Editar servicio ${titlePart(p.service)} ${titlePart(p.version)} · ${titlePart(p.code)}` };
}

/** Edits a service (administrators only; a retired service no longer changes). */
export default async function EditServicePage({ params }: Props) {
  const raw = await params;
  const { actor, institution, canEdit, service, href } = await loadManagedService(raw.code, raw.service, raw.version, `/institucion/${raw.code}/servicios/${raw.service}/${raw.version}/editar`);
  if (!canEdit || service.status === "RETIRED") notFound();
  const base = `/institucion/${institution.code}`;
  const { responsibles, procedures } = await serviceFormChoices(institution.code, actor, service.procedures);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", label: "Inicio" },
          { href: base, label: institution.name },
          { href: `${base}/servicios`, label: "Servicios" },
          { href, label: service.name },
          { label: "Editar" },
        ]}
      />
      <EditHeader title="Editar servicio" entry={service} />
      {service.status !== "DRAFT" && (
        <Alert tone="warning" title="El servicio ya está publicado">
          Los cambios se verán de inmediato en el catálogo. Debe seguir completo (con datos de salida y descripción OpenAPI). Un cambio incompatible
          para sus consumidores requiere una versión nueva (v{service.major + 1}).
        </Alert>
      )}
      <ServiceForm
        mode="edit"
        institution={institution.code}
        initial={serviceFormValues(service)}
        responsibles={responsibles}
        procedures={procedures}
        serviceId={service.id}
        serviceHref={href}
        cancelHref={href}
      />
    </>
  );
}
