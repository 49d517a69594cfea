import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DataItemForm } from "@/components/catalog/DataItemForm";
import { dataItemFormValues } from "@/components/catalog/form-values";
import { StatusBadge } from "@/components/catalog/StatusBadge";
import { Alert } from "@/components/ui/Alert";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { listResponsibleCandidates } from "@/lib/data-directory/service";
import { loadManagedDataItem } from "../../../../_lib/loaders";
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
      <header className="mb-6">
        <h1 className="text-3xl font-bold sm:text-4xl">Editar dato</h1>
        <p className="mt-3 flex flex-wrap items-center gap-2 text-lg text-ink-muted">
          {item.name} <StatusBadge status={item.status} /> <code className="text-base">{item.id}</code>
        </p>
      </header>
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
