import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DataItemForm } from "@/components/catalog/DataItemForm";
import { dataItemFormValues } from "@/components/catalog/form-values";
import { Alert } from "@/components/ui/Alert";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { listResponsibleCandidates } from "@/lib/data-directory/service";
import { loadManagedDataItem } from "../../../../_lib/loaders";
import { EditHeader } from "../../../../_lib/ManagedEntry";
import { titlePart } from "../../../../_lib/staff";

type Props = { params: Promise<{ code: string; item: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await params;
  return { title: `Editar dato ${titlePart(p.item)} · ${titlePart(p.code)}` };
}

/** Edits a data item (administrators only; a retired item no longer changes). */
export default async function EditDataItemPage({ params }: Props) {
  const raw = await params;
  const { actor, institution, canEdit, item, href } = await loadManagedDataItem(raw.code, raw.item, `/institucion/${raw.code}/datos/${raw.item}/editar`);
  if (!canEdit || item.status === "RETIRED") notFound();
  const base = `/institucion/${institution.code}`;
  const responsibles = await listResponsibleCandidates(institution.code, actor);
  return (
    <>
      <Breadcrumbs
        items={[{ href: "/", label: "Inicio" }, { href: base, label: institution.name }, { href: `${base}/datos`, label: "Datos" }, { href, label: item.name }, { label: "Editar" }]}
      />
      <EditHeader title="Editar dato" entry={item} />
      {item.servicesCount > 0 && (
        <Alert tone="warning" title={`Lo usan ${item.servicesCount === 1 ? "1 servicio" : `${item.servicesCount} servicios`}`}>
          Los cambios se verán en esos servicios. Cambiar la clasificación puede afectar cómo se aprueban y si exigen consentimiento.
        </Alert>
      )}
      <DataItemForm
        mode="edit"
        institution={institution.code}
        initial={dataItemFormValues(item)}
        responsibles={responsibles}
        itemId={item.id}
        itemHref={href}
        cancelHref={href}
      />
    </>
  );
}
