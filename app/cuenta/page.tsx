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
import { MembershipMailForm, OwnEmailForm, PlatformModeForm, SubscriptionToggle } from "@/components/account/AccountForms";
import { EMAIL_SOURCE_LABELS, MAIL_MODE_LABELS } from "@/lib/account/schemas";
import { getAccount } from "@/lib/account/service";
import { formatDate } from "@/lib/format";
import { WhatYouCanDo } from "./WhatYouCanDo";

export const metadata: Metadata = { title: "Mi cuenta" };

export default async function AccountPage() {
  const actor = await getCurrentActor();
  if (!actor) redirect("/ingresar?desde=/cuenta");
  const account = await getAccount(actor);
  return (
    <>
      <PageHeader title="Mi cuenta" lead="Lo que puede hacer en el portal, sus datos según ClaveÚnica, los roles que tiene en la red y cómo le llegan los correos." />
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

      <Section id="titulo-roles" title="Roles" className="mb-10">
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

      <Section id="titulo-correos" title="Sus direcciones de correo" className="mb-10">
        <p className="mb-4 max-w-3xl">
          Su dirección propia recibe los avisos personales (sus roles, por ejemplo) y, si no tiene una institucional confirmada, también los de sus instituciones.
        </p>
        {account.email ? (
          <dl className="mb-4 grid gap-x-8 gap-y-3 sm:grid-cols-[10rem_1fr]">
            <dt className="font-bold">Dirección</dt>
            <dd data-testid="correo-propio">{account.email.address}</dd>
            <dt className="font-bold">Origen</dt>
            <dd>{EMAIL_SOURCE_LABELS[account.email.source]}</dd>
            <dt className="font-bold">Estado</dt>
            <dd>{account.email.confirmed ? <Badge tone="success">Confirmada</Badge> : <Badge tone="warning">Sin confirmar</Badge>}</dd>
          </dl>
        ) : (
          <p className="mb-4" data-testid="correo-propio">
            <strong>No tiene una dirección propia.</strong> Los avisos le llegan solo a sus direcciones institucionales{actor.memberships.length === 0 ? " (hoy no tiene ninguna)" : ""}.
          </p>
        )}
        {account.pendingEmail && (
          <p className="mb-4 max-w-3xl rounded border-l-4 border-warning bg-warning-light p-4">
            <strong>Esperando confirmación:</strong> {account.pendingEmail.address}. Le enviamos un enlace que vence el {formatDate(new Date(account.pendingEmail.expiresAt))}; hasta
            que lo abra, seguimos usando {account.email ? "la dirección de arriba" : "sus direcciones institucionales"}.
          </p>
        )}
        <OwnEmailForm current={account.email?.address ?? null} />
      </Section>

      {(account.memberships.length > 0 || account.platformMailMode) && (
        <Section id="titulo-correo-institucional" title="Correo institucional" className="mb-10">
          <p className="mb-6 max-w-3xl">
            Los avisos de cada institución le llegan a su dirección institucional en ella (o a la propia, si no tiene una confirmada). Elija para cada una si los quiere al
            momento o en un resumen diario.
          </p>
          {account.memberships.map((m) => (
            <section key={m.institution} aria-labelledby={`titulo-inst-${m.institution}`} className="mb-8 border-t border-line pt-6">
              <h3 id={`titulo-inst-${m.institution}`} className="mb-3 text-xl font-bold">
                {m.institutionName}
              </h3>
              <dl className="mb-4 grid gap-x-8 gap-y-3 sm:grid-cols-[10rem_1fr]">
                <dt className="font-bold">Dirección</dt>
                <dd data-testid={`correo-${m.institution}`}>
                  {m.email ?? "Sin dirección institucional"}{" "}
                  {m.email && (m.emailConfirmed ? <Badge tone="success">Confirmada</Badge> : <Badge tone="warning">Esperando confirmación</Badge>)}
                </dd>
                <dt className="font-bold">Avisos</dt>
                <dd data-testid={`modo-${m.institution}`}>{MAIL_MODE_LABELS[m.mailMode]}</dd>
              </dl>
              <MembershipMailForm institution={m.institution} institutionName={m.institutionName} email={m.email} mailMode={m.mailMode} />
            </section>
          ))}
          {account.platformMailMode && (
            <section aria-labelledby="titulo-inst-plataforma" className="mb-8 border-t border-line pt-6">
              <h3 id="titulo-inst-plataforma" className="mb-3 text-xl font-bold">
                Equipo de la plataforma
              </h3>
              <p className="mb-4">Los avisos del equipo de la plataforma le llegan a su dirección propia. Hoy: {MAIL_MODE_LABELS[account.platformMailMode].toLowerCase()}.</p>
              <PlatformModeForm mode={account.platformMailMode} />
            </section>
          )}
        </Section>
      )}

      <Section id="titulo-suscripcion" title="Suscripción" className="mb-10">
        <p className="mb-2" data-testid="suscripcion">
          {account.subscribed ? (
            <>
              <strong>Recibe los correos del portal.</strong> Cada uno trae un enlace para dejar de recibirlos.
            </>
          ) : (
            <>
              <strong>Pidió no recibir correos del portal.</strong> Los avisos siguen en el portal, pero no le llegan por correo.
            </>
          )}
        </p>
        <p className="mb-4 max-w-3xl text-ink-muted">Los avisos de plazos legales le llegan siempre, aunque haya dejado de recibir los demás.</p>
        <SubscriptionToggle subscribed={account.subscribed} />
      </Section>

      <Section id="titulo-enviados" title="Correos enviados">
        <p>
          <Link href="/cuenta/correos">Ver los correos que el portal le envió</Link>, con su estado (enviado, en cola, en el resumen diario, o por qué no se envió).
        </p>
      </Section>
    </>
  );
}
