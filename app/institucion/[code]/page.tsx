import type { Metadata } from "next";
import Link from "next/link";
import { ClassificationBadge, StatusBadge } from "@/components/catalog/StatusBadge";
import { RoleNote } from "@/components/catalog/RoleNote";
import { NodesCard } from "@/components/nodes/NodesCard";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ButtonLink } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/PageHeader";
import { STATUS_LABELS } from "@/lib/catalog/labels";
import { formatDateTime, formatNumber, plural } from "@/lib/format";
import type { LifecycleStatus } from "@/lib/generated/prisma/enums";
import { countServicesByStatus, searchServices } from "@/lib/catalog/service";
import { countDataItemsByStatus, searchDataItems } from "@/lib/data-directory/service";
import { listAgreements } from "@/lib/agreements/service";
import { listNotifications } from "@/lib/notifications/service";
import { requireStaff, STATUSES, titlePart, withTotal } from "../_lib/staff";
import { Table } from "@/components/ui/Table";
import { Section } from "@/components/ui/Section";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  return { title: `Gestión de la institución ${titlePart(code)}` };
}

const RECENT = 8;

function StatusCounts({ counts }: { counts: Record<LifecycleStatus, number> }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
      {STATUSES.map((s) => (
        <li key={s}>
          {STATUS_LABELS[s]}: <strong>{formatNumber(counts[s])}</strong>
        </li>
      ))}
    </ul>
  );
}

/** The institution's area: role, counts of services and data items, and what changed lately. */
export default async function InstitutionAreaPage({ params }: Props) {
  const { code: raw } = await params;
  const { actor, institution, canEdit, roleLabel, readOnly } = await requireStaff(raw, `/institucion/${raw}`);
  const base = `/institucion/${institution.code}`;
  const recentQuery = { status: "ALL" as const, sort: "recent" as const, page: 1, pageSize: RECENT };
  const [services, items, serviceCounts, itemCounts, incoming, outgoing, inbox] = await Promise.all([
    searchServices({ provider: institution.code, ...recentQuery }, actor),
    searchDataItems({ steward: institution.code, ...recentQuery }, actor),
    countServicesByStatus(institution.code, actor).then(withTotal),
    countDataItemsByStatus(institution.code, actor).then(withTotal),
    listAgreements({ institution: institution.code, direction: "incoming", page: 1, pageSize: 1 }, actor),
    listAgreements({ institution: institution.code, direction: "outgoing", page: 1, pageSize: 1 }, actor),
    listNotifications(actor, institution.code, { take: 1 }),
  ]);
  const totalServices = serviceCounts.total;
  const totalItems = itemCounts.total;

  const recent = [
    ...services.data.map((x) => {
      const [, c, v] = x.id.split("/");
      return { kind: "Servicio" as const, id: x.id, name: x.name, status: x.status, updatedAt: x.updatedAt, href: `${base}/servicios/${c}/${v}`, classification: null };
    }),
    ...items.data.map((x) => ({
      kind: "Dato" as const,
      id: x.id,
      name: x.name,
      status: x.status,
      updatedAt: x.updatedAt,
      href: `${base}/datos/${x.code}`,
      classification: x.classification,
    })),
  ]
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, RECENT);

  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Inicio" }, { href: "/institucion", label: "Mis instituciones" }, { label: institution.name }]} />
      <PageHeader title={institution.name} lead="Gestión del Catálogo de Servicios y del Directorio de Datos de la institución.">
        <RoleNote roleLabel={roleLabel} canEdit={canEdit} oversight={readOnly} />
        <p className="mt-2 text-sm">
          <Link href={`/instituciones/${institution.code}`}>Ficha pública de la institución</Link>
        </p>
      </PageHeader>

      <div className="mb-10 grid gap-6 md:grid-cols-2">
        <Section id="titulo-servicios" title="Servicios" className="rounded-lg border border-line bg-surface p-5" headingClassName="text-2xl font-bold">
          <p className="mt-1">{plural(totalServices, "servicio en total", "servicios en total")}, incluidos borradores y retirados.</p>
          <StatusCounts counts={serviceCounts} />
          <div className="mt-4 flex flex-wrap gap-3">
            <ButtonLink href={`${base}/servicios`} variant="secondary">
              Ver servicios
            </ButtonLink>
            {canEdit && <ButtonLink href={`${base}/servicios/nuevo`}>Nuevo servicio</ButtonLink>}
          </div>
        </Section>
        <Section id="titulo-datos" title="Datos" className="rounded-lg border border-line bg-surface p-5" headingClassName="text-2xl font-bold">
          <p className="mt-1">{plural(totalItems, "dato en el Directorio de Datos", "datos en el Directorio de Datos")}, incluidos borradores y retirados.</p>
          <StatusCounts counts={itemCounts} />
          <div className="mt-4 flex flex-wrap gap-3">
            <ButtonLink href={`${base}/datos`} variant="secondary">
              Ver datos
            </ButtonLink>
            {canEdit && <ButtonLink href={`${base}/datos/nuevo`}>Nuevo dato</ButtonLink>}
          </div>
        </Section>
      </div>

      <div className="mb-10 grid gap-6 md:grid-cols-2">
        <Section id="titulo-acuerdos" title="Acuerdos" className="rounded-lg border border-line bg-surface p-5" headingClassName="text-2xl font-bold">
          <p className="mt-1">Las solicitudes de acceso que recibe por sus servicios y las que envía por servicios de otras instituciones.</p>
          <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <li>
              Recibidas: <strong>{formatNumber(incoming.pagination.total)}</strong>
            </li>
            <li>
              Enviadas: <strong>{formatNumber(outgoing.pagination.total)}</strong>
            </li>
          </ul>
          <div className="mt-4 flex flex-wrap gap-3">
            <ButtonLink href={`${base}/acuerdos`} variant="secondary">
              Ver acuerdos
            </ButtonLink>
          </div>
        </Section>
        <Section id="titulo-notificaciones" title="Notificaciones" className="rounded-lg border border-line bg-surface p-5" headingClassName="text-2xl font-bold">
          <p className="mt-1">Avisos sobre los acuerdos de la institución: solicitudes nuevas, plazos, respuestas y firmas.</p>
          <p className="mt-2 text-sm">
            <strong>{plural(inbox.unread, "notificación sin leer", "notificaciones sin leer")}</strong>
          </p>
          <div className="mt-4 flex flex-wrap gap-3">
            <ButtonLink href={`${base}/notificaciones`} variant="secondary">
              Ver notificaciones
            </ButtonLink>
          </div>
        </Section>
      </div>

      <div className="mb-10 grid gap-6 md:grid-cols-2">
        <NodesCard institution={institution.code} actor={actor} />
        <Section id="titulo-personas" title="Personas" className="rounded-lg border border-line bg-surface p-5" headingClassName="text-2xl font-bold">
          <p className="mt-1">Quienes integran la institución en el portal, su rol, la jefatura de servicio y su correo institucional.</p>
          <div className="mt-4 flex flex-wrap gap-3">
            <ButtonLink href={`${base}/personas`} variant="secondary">
              Ver personas
            </ButtonLink>
          </div>
        </Section>
      </div>

      <Section id="titulo-recientes" title="Cambios recientes">
        {recent.length === 0 ? (
          <p className="text-ink-muted">La institución aún no tiene servicios ni datos en la red.</p>
        ) : (
          <Table caption="Servicios y datos modificados recientemente" columns={["Nombre", "Tipo", "Estado", "Modificado"]}>
            {recent.map((r) => (
              <tr key={`${r.kind}-${r.id}`} className="border-b border-line align-top">
                <th scope="row" className="py-3 pr-4 font-normal">
                  <Link href={r.href} className="font-medium">
                    {r.name}
                  </Link>
                  <code className="block text-sm text-ink-muted">{r.id}</code>
                </th>
                <td className="py-3 pr-4">
                  <span className="flex flex-wrap items-center gap-2">
                    {r.kind}
                    {r.classification && <ClassificationBadge classification={r.classification} />}
                  </span>
                </td>
                <td className="py-3 pr-4">
                  <StatusBadge status={r.status} />
                </td>
                <td className="py-3 text-sm">{formatDateTime(new Date(r.updatedAt))}</td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
    </>
  );
}
