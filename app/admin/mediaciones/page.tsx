import type { Metadata } from "next";
import Link from "next/link";
import { AgreementsTable } from "@/components/agreements/AgreementsTable";
import { businessDays } from "@/components/agreements/labels";
import { NotificationList } from "@/components/agreements/NotificationList";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { Pagination } from "@/components/ui/Pagination";
import { listAgreements } from "@/lib/agreements/service";
import { plural } from "@/lib/format";
import { listNotifications } from "@/lib/notifications/service";
import { DEADLINE_WARNING_BUSINESS_DAYS, deadlineWatch, requirePlatform } from "../_lib/platform";
import { Section } from "@/components/ui/Section";

export const metadata: Metadata = { title: "Mediaciones y plazos" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const NOTIFICATIONS_SHOWN = 30;

/** The mediation queue, the deadlines to watch, and the platform's inbox. */
export default async function MediationsPage({ searchParams }: Props) {
  const actor = await requirePlatform("/admin/mediaciones");
  const raw = (await searchParams).page;
  const page = Math.max(1, Math.min(10_000, Number.parseInt((Array.isArray(raw) ? raw[0] : raw) ?? "1", 10) || 1));
  const [queue, watch, inbox] = await Promise.all([
    listAgreements({ status: "EN_MEDIACION", direction: "all", page, pageSize: 20 }, actor),
    deadlineWatch(actor),
    listNotifications(actor, null, { take: NOTIFICATIONS_SHOWN }),
  ]);
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Inicio" }, { href: "/admin", label: "Consola de la plataforma" }, { label: "Mediaciones y plazos" }]} />
      <PageHeader
        title="Mediaciones y plazos"
        lead="Las solicitudes que esperan la decisión de la plataforma, las que están por vencer o vencieron sin respuesta, y los avisos de la red."
      />

      <Section id="titulo-mediaciones" title="En mediación" className="mb-12" headingClassName="mb-2 text-2xl font-bold">
        <p className="mb-3 text-ink-muted">
          La institución solicitante pidió mediación tras un rechazo o un plazo vencido. Abra cada una para aceptarla (fijando TPS, disponibilidad y términos)
          o rechazarla en forma definitiva, siempre con su motivo.
        </p>
        <p className="mb-3 font-medium" role="status">
          {plural(queue.pagination.total, "solicitud en mediación", "solicitudes en mediación")}
          {queue.pagination.totalPages > 1 && ` · página ${Math.min(page, queue.pagination.totalPages)} de ${queue.pagination.totalPages}`}
        </p>
        {queue.data.length === 0 ? (
          <p className="text-ink-muted">No hay solicitudes en mediación.</p>
        ) : (
          <AgreementsTable agreements={queue.data} caption="Solicitudes en mediación" other="both" />
        )}
        <Pagination page={page} totalPages={queue.pagination.totalPages} hrefFor={(p) => (p > 1 ? `/admin/mediaciones?page=${p}` : "/admin/mediaciones")} />
      </Section>

      <Section id="titulo-plazos" title="Plazos por vencer o vencidos" className="mb-12" headingClassName="mb-2 text-2xl font-bold">
        <h3 id="titulo-por-vencer" className="mt-4 mb-2 text-xl font-bold">
          Por vencer
        </h3>
        <p className="mb-3 text-ink-muted">
          Solicitudes enviadas o en revisión a las que les quedan {businessDays(DEADLINE_WARNING_BUSINESS_DAYS)} o menos para ser respondidas, la más urgente
          primero.
        </p>
        {watch.near.length === 0 ? (
          <p className="text-ink-muted">Ninguna solicitud está por vencer.</p>
        ) : (
          <AgreementsTable agreements={watch.near} caption="Solicitudes con el plazo de respuesta por vencer" other="both" />
        )}
        <h3 id="titulo-vencidas" className="mt-8 mb-2 text-xl font-bold">
          Vencidas sin respuesta
        </h3>
        <p className="mb-3 text-ink-muted">
          El proveedor no respondió a tiempo; la institución solicitante puede pedir mediación.
          {watch.expiredTotal > watch.expired.length && ` Se muestran las ${watch.expired.length} más recientes de ${watch.expiredTotal}.`}
        </p>
        {watch.expired.length === 0 ? (
          <p className="text-ink-muted">No hay solicitudes vencidas.</p>
        ) : (
          <AgreementsTable agreements={watch.expired} caption="Solicitudes vencidas sin respuesta" other="both" />
        )}
      </Section>

      <Section id="titulo-notificaciones" title="Notificaciones de la plataforma" headingClassName="mb-2 text-2xl font-bold">
        <p className="mb-3 font-medium">
          {plural(inbox.unread, "notificación sin leer", "notificaciones sin leer")}
          {inbox.data.length >= NOTIFICATIONS_SHOWN && ` · se muestran las ${NOTIFICATIONS_SHOWN} más recientes`}
        </p>
        <NotificationList notifications={inbox.data} labelledBy="titulo-notificaciones" emptyText="La plataforma aún no tiene notificaciones." />
        <p className="mt-6">
          <Link href="/admin">Volver a la consola</Link>
        </p>
      </Section>
    </>
  );
}
