import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { serviceFormValues } from "@/components/catalog/form-values";
import { ServiceForm } from "@/components/catalog/ServiceForm";
import { StatusBadge } from "@/components/catalog/StatusBadge";
import { Alert } from "@/components/ui/Alert";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { serviceFormChoices } from "../../../../../_lib/forms";
import { loadManagedService } from "../../../../../_lib/loaders";
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
      <header className="mb-6">
        <h1 className="text-3xl font-bold sm:text-4xl">Editar servicio</h1>
        <p className="mt-3 flex flex-wrap items-center gap-2 text-lg text-ink-muted">
          {service.name} <StatusBadge status={service.status} /> <code className="text-base">{service.id}</code>
        </p>
      </header>
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
