import type { Metadata } from "next";
import Link from "next/link";
import { formatRun } from "@pisee/node-agent/shared";
import { EndpointsTable } from "@/components/catalog/EndpointsTable";
import { DIRECTION_LABELS } from "@/components/catalog/labels";
import { LifecycleTimeline } from "@/components/catalog/LifecycleTimeline";
import { ClassificationBadge, StatusBadge } from "@/components/catalog/StatusBadge";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { APPROVAL_LABELS, ENVIRONMENT_LABELS } from "@/lib/catalog/labels";
import { SERVICE_TRANSITIONS } from "@/lib/catalog/lifecycle";
import { formatDateTime, formatNumber } from "@/lib/format";
import { loadManagedService } from "../../../../_lib/loaders";
import { ManagedEntryTop, transitionOptions } from "../../../../_lib/ManagedEntry";
import { noticeOf, titlePart } from "../../../../_lib/staff";
import { Table } from "@/components/ui/Table";
import { Section } from "@/components/ui/Section";

type Params = { code: string; service: string; version: string };
type Props = { params: Promise<Params>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await params;
  return { title: `Servicio ${titlePart(p.service)} ${titlePart(p.version)} · ${titlePart(p.code)}` };
}

/** One service as its institution manages it: every field, its endpoints, data, history and actions. */
export default async function ManageServicePage({ params, searchParams }: Props) {
  const raw = await params;
  const notice = noticeOf((await searchParams).aviso);
  const { institution, canEdit, service, version, href } = await loadManagedService(raw.code, raw.service, raw.version, `/institucion/${raw.code}/servicios/${raw.service}/${raw.version}`);
  const base = `/institucion/${institution.code}`;
  const publicHref = `/catalogo/${institution.code}/${service.code}/${version}`;
  const dataItems = [...service.inputDataItems.map((d) => ({ ...d, direction: "INPUT" as const })), ...service.outputDataItems.map((d) => ({ ...d, direction: "OUTPUT" as const }))];

  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Inicio" }, { href: base, label: institution.name }, { href: `${base}/servicios`, label: "Servicios" }, { label: service.name }]} />
      <ManagedEntryTop
        kind="service"
        entry={service}
        badges={service.sensitive && <ClassificationBadge classification="SENSIBLE" />}
        notice={notice}
        canEdit={canEdit}
        institutionName={institution.name}
        href={href}
        publicHref={publicHref}
        actions={transitionOptions(service, SERVICE_TRANSITIONS)}
      />

      <div className="grid gap-10 lg:grid-cols-[2fr_1fr]">
        <div className="min-w-0 space-y-10">
          <Section id="titulo-ficha" title="Ficha del servicio">
            <p className="mb-4 max-w-3xl whitespace-pre-line">{service.description}</p>
            <dl className="grid gap-x-8 gap-y-3 sm:grid-cols-[14rem_1fr]">
              <dt className="font-bold">Código</dt>
              <dd>
                <code>{service.code}</code>
              </dd>
              <dt className="font-bold">Versión mayor</dt>
              <dd>{service.major}</dd>
              <dt className="font-bold">Responsable</dt>
              <dd>
                {service.responsible.name}
                {service.responsible.run && <span className="text-ink-muted"> ({formatRun(service.responsible.run)})</span>}
              </dd>
              <dt className="font-bold">Ambientes</dt>
              <dd>{service.environments.map((e) => ENVIRONMENT_LABELS[e]).join(", ")}</dd>
              <dt className="font-bold">Aprobación de solicitudes</dt>
              <dd>{APPROVAL_LABELS[service.approvalPolicy]}</dd>
              <dt className="font-bold">Esquema aprobado</dt>
              <dd>{service.requiresApprovedSchema ? "Lo exige (se vinculará con el Catálogo de Esquemas)" : "No lo exige"}</dd>
              <dt className="font-bold">Publicado</dt>
              <dd>{service.publishedAt ? formatDateTime(new Date(service.publishedAt)) : "Aún no"}</dd>
              <dt className="font-bold">Creado</dt>
              <dd>{formatDateTime(new Date(service.createdAt))}</dd>
              <dt className="font-bold">Última modificación</dt>
              <dd>{formatDateTime(new Date(service.updatedAt))}</dd>
            </dl>
          </Section>

          <Section id="titulo-ans" title="Niveles de servicio (ANS)">
            <dl className="grid gap-x-8 gap-y-3 sm:grid-cols-[14rem_1fr]">
              <dt className="font-bold">Transacciones por segundo</dt>
              <dd>{formatNumber(service.tps)} TPS</dd>
              <dt className="font-bold">Disponibilidad comprometida</dt>
              <dd>{formatNumber(service.availability)} %</dd>
            </dl>
          </Section>

          <Section id="titulo-datos" title="Datos que intercambia">
            {service.sensitive && (
              <Alert tone="warning" title="Incluye datos sensibles">
                Cada intercambio de este servicio exige el consentimiento de la persona para un trámite.
              </Alert>
            )}
            {dataItems.length === 0 ? (
              <p className="text-ink-muted">Aún no tiene datos. Para publicarlo necesita al menos un dato de salida.</p>
            ) : (
              <Table caption="Datos de entrada y de salida del servicio" columns={["Dato", "Sentido", "Clasificación", "Estado"]}>
                {dataItems.map((d) => {
                  const [owner, itemCode] = d.id.split("/");
                  return (
                    <tr key={`${d.direction}-${d.id}`} className="border-b border-line align-top">
                      <th scope="row" className="py-3 pr-4 font-normal">
                        {owner === institution.code ? (
                          <Link href={`${base}/datos/${itemCode}`} className="font-medium">
                            {d.name}
                          </Link>
                        ) : (
                          <span className="font-medium">{d.name}</span>
                        )}
                        <code className="block text-sm text-ink-muted">{d.id}</code>
                      </th>
                      <td className="py-3 pr-4">{DIRECTION_LABELS[d.direction]}</td>
                      <td className="py-3 pr-4">
                        <ClassificationBadge classification={d.classification} />
                      </td>
                      <td className="py-3">
                        <StatusBadge status={d.status} />
                      </td>
                    </tr>
                  );
                })}
              </Table>
            )}
          </Section>

          <Section id="titulo-endpoints" title="Endpoints" headingClassName="mb-2 text-2xl font-bold">
            {!service.openapi ? (
              <p className="text-ink-muted">Aún no tiene descripción OpenAPI. Es obligatoria para publicarlo.</p>
            ) : service.endpoints.length === 0 ? (
              <p className="text-ink-muted">La descripción OpenAPI no declara operaciones.</p>
            ) : (
              <>
                <p className="text-ink-muted">
                  Según su descripción OpenAPI {String((service.openapi as { openapi?: unknown }).openapi ?? "")}.
                </p>
                <EndpointsTable endpoints={service.endpoints} caption="Endpoints del servicio" />
              </>
            )}
          </Section>

          <Section id="titulo-tramites" title="Trámites que lo usan">
            {service.procedures.length === 0 ? (
              <p className="text-ink-muted">No tiene trámites asociados.</p>
            ) : (
              <ul className="space-y-2">
                {service.procedures.map((p) => (
                  <li key={p.code} className="flex flex-wrap items-center gap-2">
                    <span>{p.name}</span>
                    <code className="text-sm text-ink-muted">{p.code}</code>
                    {p.needsConsent && <Badge tone="warning">Requiere consentimiento</Badge>}
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </div>

        <Section id="titulo-historial" title="Historial" className="min-w-0">
          <LifecycleTimeline events={service.events} headingId="titulo-historial" />
        </Section>
      </div>
    </>
  );
}
