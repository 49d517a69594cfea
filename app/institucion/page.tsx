import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { getCurrentActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Mis instituciones" };

/** Where a person working in institutions chooses which one to manage. */
export default async function MyInstitutionsPage() {
  const actor = await getCurrentActor();
  if (!actor) redirect("/ingresar?desde=/institucion");
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Inicio" }, { label: "Mis instituciones" }]} />
      <PageHeader title="Mis instituciones" lead="Gestione el Catálogo de Servicios, el Directorio de Datos, los acuerdos y los nodos de las instituciones en que trabaja." />
      {can(actor, "institution.oversee") && (
        <p className="mb-6">
          Como equipo de la plataforma, puede abrir en solo lectura el área de cualquier institución desde su página en{" "}
          <Link href="/instituciones">Instituciones</Link>.
        </p>
      )}
      {actor.memberships.length === 0 ? (
        <p className="text-ink-muted">No tiene roles en instituciones. Si trabaja en una, pida a su administrador/a que lo/la incorpore.</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {actor.memberships.map((m) => (
            <li key={m.institutionCode} className="rounded-lg border border-line p-4">
              <Link href={`/institucion/${m.institutionCode}`} className="text-lg font-bold">
                {m.institutionName}
              </Link>
              <p className="text-sm text-ink-muted">
                <code>{m.institutionCode}</code> · {ROLE_LABELS[m.role]}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
