import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { formatRun } from "@pisee/node-agent/shared";
import { Badge } from "@/components/ui/Badge";
import { PageHeader } from "@/components/ui/PageHeader";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { getCurrentActor } from "@/lib/auth/session";
import { Table } from "@/components/ui/Table";
import { Section } from "@/components/ui/Section";
import { WhatYouCanDo } from "./WhatYouCanDo";

export const metadata: Metadata = { title: "Mi cuenta" };

export default async function AccountPage() {
  const actor = await getCurrentActor();
  if (!actor) redirect("/ingresar?desde=/cuenta");
  return (
    <>
      <PageHeader title="Mi cuenta" lead="Lo que puede hacer en el portal, sus datos según ClaveÚnica y los roles que tiene en la red." />
      <WhatYouCanDo actor={actor} />
      <Section id="titulo-persona" title="Datos personales" className="mb-10">
        <dl className="grid gap-x-8 gap-y-3 sm:grid-cols-[10rem_1fr]">
          <dt className="font-bold">RUN</dt>
          <dd data-testid="run">{formatRun(actor.run)}</dd>
          <dt className="font-bold">Nombres</dt>
          <dd>{actor.givenNames}</dd>
          <dt className="font-bold">Apellidos</dt>
          <dd>{actor.familyNames}</dd>
        </dl>
      </Section>

      <Section id="titulo-roles" title="Roles">
        <ul className="mb-6 space-y-2">
          <li>
            <Badge>{ROLE_LABELS.CITIZEN}</Badge>
          </li>
          {actor.isPlatformAdmin && (
            <li>
              <Badge tone="info">{ROLE_LABELS.PLATFORM_ADMIN}</Badge>
            </li>
          )}
        </ul>
        {actor.memberships.length > 0 ? (
          <Table caption="Roles en instituciones" columns={["Institución", "Rol", "Firma acuerdos"]} captionClassName="mb-2 text-left font-medium">
            {actor.memberships.map((m) => (
              <tr key={m.institutionCode} className="border-b border-line">
                <th scope="row" className="py-3 pr-4 font-normal">
                  <Link href={`/instituciones/${m.institutionCode}`}>{m.institutionName}</Link>
                </th>
                <td className="py-3 pr-4">{ROLE_LABELS[m.role]}</td>
                <td className="py-3">{m.headOfService ? "Sí, jefatura de servicio" : "No"}</td>
              </tr>
            ))}
          </Table>
        ) : (
          <p className="text-ink-muted">No tiene roles en instituciones. Si trabaja en una, pida a su administrador/a que lo/la incorpore.</p>
        )}
      </Section>
    </>
  );
}
