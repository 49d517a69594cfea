import type { Metadata } from "next";
import Link from "next/link";
import { NotificationList } from "@/components/agreements/NotificationList";
import { InboxTabs } from "@/components/agreements/InboxTabs";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { plural } from "@/lib/format";
import { listNotifications } from "@/lib/notifications/service";
import { requireStaff, titlePart } from "../../_lib/staff";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Notificaciones de ${titlePart((await params).code)}` };
}

const SHOWN = 50;

/** The institution's inbox: what happened to its agreements, newest first, each marked read by any member. */
export default async function InstitutionNotificationsPage({ params, searchParams }: Props) {
  const { code: raw } = await params;
  const { actor, institution, readOnly } = await requireStaff(raw, `/institucion/${raw}/notificaciones`);
  const sp = await searchParams;
  const unreadOnly = sp.ver === "no-leidas";
  const base = `/institucion/${institution.code}/notificaciones`;
  const shown = await listNotifications(actor, institution.code, { unreadOnly, take: SHOWN });
  const unread = shown.unread;
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Inicio" }, { href: `/institucion/${institution.code}`, label: institution.name }, { label: "Notificaciones" }]} />
      <PageHeader title="Notificaciones" lead={`Avisos sobre los acuerdos de ${institution.name}: solicitudes nuevas, plazos, respuestas, firmas y mediaciones.`}>
        <p className="mt-3">
          <Link href={`/institucion/${institution.code}/acuerdos`}>Ver los acuerdos de la institución</Link>
        </p>
      </PageHeader>
      <InboxTabs base={base} unreadOnly={unreadOnly} unread={unread} />
      <h2 id="titulo-bandeja" className="sr-only">
        {unreadOnly ? "Notificaciones no leídas" : "Todas las notificaciones"}
      </h2>
      <p className="mb-3 font-medium" role="status">
        {plural(unread, "notificación sin leer", "notificaciones sin leer")}
        {shown.data.length >= SHOWN && ` · se muestran las ${SHOWN} más recientes`}
      </p>
      <NotificationList
        notifications={shown.data}
        canMark={!readOnly}
        labelledBy="titulo-bandeja"
        emptyText={unreadOnly ? "No hay notificaciones sin leer." : "La institución aún no tiene notificaciones."}
      />
    </>
  );
}
