import type { Metadata } from "next";
import Link from "next/link";
import { RunJobButton } from "@/components/admin/RunJobButton";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ButtonLink } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/PageHeader";
import { listAgreements } from "@/lib/agreements/service";
import { formatDateTime, plural } from "@/lib/format";
import { jobsOverview } from "@/lib/jobs";
import { outboxHealth } from "@/lib/mail/health";
import { listNotifications } from "@/lib/notifications/service";
import { deadlineWatch, requirePlatform } from "./_lib/platform";
import { Section } from "@/components/ui/Section";
import { Table } from "@/components/ui/Table";

export const metadata: Metadata = { title: "Consola de la plataforma" };

/** The platform team's console: what needs its attention, and where to act. */
export default async function AdminPage() {
  const actor = await requirePlatform("/admin");
  const [mediation, watch, inbox, jobs, mail] = await Promise.all([
    listAgreements({ status: "EN_MEDIACION", direction: "all", page: 1, pageSize: 1 }, actor),
    deadlineWatch(actor),
    listNotifications(actor, null, { take: 1 }),
    jobsOverview(actor),
    outboxHealth(actor),
  ]);
  const when = (iso: string | null) => (iso ? formatDateTime(new Date(iso)) : "Nunca");
  const cards = [
    {
      id: "mediaciones",
      title: "Mediaciones",
      href: "/admin/mediaciones#titulo-mediaciones",
      text: plural(mediation.pagination.total, "solicitud espera la decisión de la plataforma.", "solicitudes esperan la decisión de la plataforma."),
      action: "Ver la cola de mediación",
    },
    {
      id: "plazos",
      title: "Plazos",
      href: "/admin/mediaciones#titulo-plazos",
      text: `${plural(watch.near.length, "solicitud está", "solicitudes están")} por vencer; ${plural(watch.expiredTotal, "venció", "vencieron")} sin respuesta.`,
      action: "Ver los plazos",
    },
    {
      id: "notificaciones",
      title: "Notificaciones",
      href: "/admin/mediaciones#titulo-notificaciones",
      text: `${plural(inbox.unread, "notificación sin leer", "notificaciones sin leer")} en la bandeja de la plataforma.`,
      action: "Ver las notificaciones",
    },
    {
      id: "personas",
      title: "Personas",
      href: "/admin/personas",
      text: "Las personas de cualquier institución: agregar a su primer administrador/a, cambiar roles y designar la jefatura de servicio.",
      action: "Buscar una institución",
    },
    {
      id: "equipo",
      title: "Equipo de la plataforma",
      href: "/admin/equipo",
      text: "Quienes integran el equipo de la plataforma: nombrar y quitar integrantes.",
      action: "Ver el equipo",
    },
  ];
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Inicio" }, { label: "Consola de la plataforma" }]} />
      <PageHeader
        title="Consola de la plataforma"
        lead="Para el equipo de interoperabilidad: mediar en las solicitudes rechazadas o vencidas, vigilar los plazos legales y seguir lo que ocurre en la red."
      />
      <div className="mb-10 grid gap-6 md:grid-cols-3">
        {cards.map((c) => (
          <section key={c.id} aria-labelledby={`titulo-tarjeta-${c.id}`} className="rounded-lg border border-line bg-surface p-5">
            <h2 id={`titulo-tarjeta-${c.id}`} className="text-2xl font-bold">
              <Link href={c.href}>{c.title}</Link>
            </h2>
            <p className="mt-1">{c.text}</p>
            <div className="mt-4">
              <ButtonLink href={c.href} variant="secondary">
                {c.action}
              </ButtonLink>
            </div>
          </section>
        ))}
      </div>
      <Section id="titulo-trabajos" title="Trabajos programados" className="mb-10" headingClassName="mb-2 text-2xl font-bold">
        <p className="mb-4 max-w-3xl text-ink-muted">
          Los hace una sola instancia del portal a la vez; un trabajo que falla se reintenta. Cada uno corre cada minuto, salvo que se indique otra cosa.
        </p>
        <Table
          caption="Trabajos programados: última ejecución correcta, último error, pendientes y ejecución a pedido"
          columns={["Trabajo", "Última ejecución correcta", "Último error", "Pendientes", "Acción"]}
        >
          {jobs.map((job) => (
            <tr key={job.name} className="border-b border-line align-top">
              <th scope="row" className="py-2 pr-4 text-left font-normal">
                <span className="font-bold">{job.description}</span>
                <br />
                <code className="text-sm text-ink-muted">{job.name}</code>
                {job.cron !== "* * * * *" && (
                  <span className="text-sm text-ink-muted">
                    {" "}
                    · cron {job.cron} ({job.tz === "America/Santiago" ? "hora de Chile continental" : job.tz})
                  </span>
                )}
              </th>
              <td className="py-2 pr-4">{when(job.lastCompletedAt)}</td>
              <td className="py-2 pr-4">{job.lastFailedAt ? `${when(job.lastFailedAt)}${job.lastError ? `: ${job.lastError}` : ""}` : "Ninguno"}</td>
              <td className="py-2 pr-4">{job.queued}</td>
              <td className="py-2">
                <RunJobButton name={job.name} description={job.description} />
              </td>
            </tr>
          ))}
        </Table>
      </Section>
      <Section id="titulo-correo" title="Correo" className="mb-10" headingClassName="mb-2 text-2xl font-bold">
        <p className="mb-4 max-w-3xl text-ink-muted">
          Cada aviso del portal se escribe en un buzón de salida y se envía por SMTP; si el servidor de correo no responde, se reintenta con esperas crecientes (hasta una hora) sin perder nada.
        </p>
        <dl className="grid max-w-3xl gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-bold">Pendientes de envío</dt>
          <dd>{mail.pending}</dd>
          <dt className="font-bold">Con reintentos</dt>
          <dd>
            {mail.retrying}
            {mail.lastError && <span className="text-ink-muted"> (último error: {mail.lastError})</span>}
          </dd>
          <dt className="font-bold">La más antigua pendiente</dt>
          <dd>{mail.oldestPendingAt ? `Escrita el ${formatDateTime(new Date(mail.oldestPendingAt))}` : "Ninguna"}</dd>
          <dt className="font-bold">Esperando el resumen diario</dt>
          <dd>{mail.heldForDigest}</dd>
          <dt className="font-bold">Enviados hoy</dt>
          <dd>{mail.sentToday}</dd>
        </dl>
      </Section>
      <Section id="titulo-otros" title="Referencias" className="max-w-3xl" headingClassName="mb-2 text-2xl font-bold">
        <ul className="list-disc space-y-1 pl-5">
          <li>
            <Link href="/acuerdos/terminos">Términos y condiciones estándar de la Red</Link>
          </li>
          <li>
            <Link href="/catalogo">Catálogo de Servicios</Link>
          </li>
          <li>
            <Link href="/instituciones">Instituciones y sus plazos de incorporación</Link>
          </li>
        </ul>
      </Section>
    </>
  );
}
