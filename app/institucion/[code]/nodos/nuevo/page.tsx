import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NodeForm } from "@/components/nodes/NodeForm";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { can } from "@/lib/auth/permissions";
import { publicOrigin } from "@/lib/env";
import { requireStaff, titlePart } from "../../../_lib/staff";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Registrar un nodo · ${titlePart((await params).code)}` };
}

/** Registers a node (administrators of the institution only; anyone else gets a 404). */
export default async function NewNodePage({ params }: Props) {
  const { code: raw } = await params;
  const { actor, institution } = await requireStaff(raw, `/institucion/${raw}/nodos/nuevo`);
  if (!can(actor, "node.manage", institution.code)) notFound();
  const base = `/institucion/${institution.code}`;
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Inicio" }, { href: base, label: institution.name }, { href: `${base}/nodos`, label: "Nodos" }, { label: "Registrar un nodo" }]} />
      <PageHeader
        title="Registrar un nodo"
        lead={`Se dará de alta un nodo de ${institution.name}, pendiente de registro. El portal entregará un token de un solo uso, válido 24 horas, con el que el nodo presenta sus claves públicas desde el servidor de la institución.`}
      />
      <NodeForm institution={institution.code} portalUrl={publicOrigin()} listHref={`${base}/nodos`} />
    </>
  );
}
