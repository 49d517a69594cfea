import type { Metadata } from "next";
import Link from "next/link";
import { AgreementActions, type AgreementActionOption } from "@/components/agreements/AgreementActions";
import { AgreementStatusBadge } from "@/components/agreements/AgreementStatusBadge";
import { AgreementTimeline } from "@/components/agreements/AgreementTimeline";
import { DocumentUpload } from "@/components/agreements/DocumentUpload";
import { deadlineWords, DOCUMENT_STATUSES, formatBytes, MODE_LABELS, SIDE_LABELS, TYPE_LABELS } from "@/components/agreements/labels";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ButtonLink } from "@/components/ui/Button";
import type { TAgreement } from "@/lib/agreements/schemas";
import { getStandardTerms } from "@/lib/agreements/service";
import { AGREEMENT_TRANSITIONS, type AgreementAction } from "@/lib/agreements/transitions";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/session";
import { ENVIRONMENT_LABELS } from "@/lib/catalog/labels";
import { formatDate, formatDateTime, formatNumber } from "@/lib/format";
import { calendarDate, loadAgreement, serviceOrNull } from "../_lib/load";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  try {
    const { agreement } = await loadAgreement(id, `/acuerdos/${id}`);
    return { title: `Acuerdo ${agreement.number}` };
  } catch {
    return { title: "Acuerdo" };
  }
}

const NOTICES: Record<string, string> = {
  creado: "Se guardó la solicitud como borrador. Revísela y, cuando esté lista, un/a administrador/a de su institución puede enviarla.",
  enviado: "Se envió la solicitud. La institución proveedora tiene 15 días hábiles para responder; verá aquí cada paso.",
  vigente: "El acuerdo quedó vigente de inmediato: es un servicio de datos abiertos.",
  guardado: "Se guardaron los cambios del borrador.",
  "sin-cambios": "No había cambios que guardar.",
};

const SUSPENDED_BY = { CONSUMER: "La institución solicitante", PROVIDER: "La institución proveedora", PLATFORM: "El equipo de la plataforma" } as const;
const SIGNING_STATUSES = new Set(["PENDIENTE_FIRMA", "VIGENTE", "SUSPENDIDA", "TERMINADA"]);

/** Where the person came from: their institution's list on the right tab, or the platform's queue. */
function homeOf(actor: Actor, a: TAgreement): { href: string; label: string } | null {
  const member = (code: string) => actor.memberships.find((m) => m.institutionCode === code);
  const provider = member(a.provider.code);
  if (provider) return { href: `/institucion/${provider.institutionCode}/acuerdos`, label: `Acuerdos de ${provider.institutionName}` };
  const consumer = member(a.consumer.code);
  if (consumer) return { href: `/institucion/${consumer.institutionCode}/acuerdos?bandeja=enviadas`, label: `Acuerdos de ${consumer.institutionName}` };
  if (actor.isPlatformAdmin) return { href: "/admin/mediaciones", label: "Consola de la plataforma" };
  return null;
}

function DeadlinePanel({ a }: { a: TAgreement }) {
  if (!a.dueAt || (a.status !== "ENVIADA" && a.status !== "EN_REVISION")) return null;
  const words = deadlineWords(a.businessDaysLeft);
  const overdue = words?.tone === "overdue";
  const tone = overdue ? "border-danger bg-danger-light" : words?.tone === "today" || words?.tone === "soon" ? "border-warning bg-warning-light" : "border-primary bg-primary-light";
  return (
    <section aria-labelledby="titulo-plazo" className={`mb-8 rounded border-l-4 p-4 ${tone}`}>
      <h2 id="titulo-plazo" className="font-sans text-lg font-bold text-ink">
        Plazo de respuesta de {a.provider.name}
      </h2>
      {words && <p className={`mt-1 text-xl font-bold ${overdue ? "text-danger" : "text-ink"}`}>{words.text}</p>}
      <p className="mt-1">
        Vence el <time dateTime={a.dueAt}>{formatDate(new Date(a.dueAt))}</time> a las 23:59 (hora de Chile continental). Se cuentan solo los días hábiles.
      </p>
      <p className="mt-1 text-sm">
        {a.extended ? (
          <>
            <strong>Plazo prorrogado</strong> una vez por 5 días hábiles: no admite otra prórroga.
          </>
        ) : (
          "Prorrogable una sola vez por 5 días hábiles, con motivo."
        )}
      </p>
    </section>
  );
}

function StatusNote({ a, actor }: { a: TAgreement; actor: Actor }) {
  const consumerAdmin = can(actor, "agreement.submit", a.consumer.code);
  switch (a.status) {
    case "VENCIDA":
      return (
        <Alert tone="warning" title="El plazo de respuesta venció">
          {a.provider.name} no respondió dentro del plazo{a.dueAt ? ` (${formatDate(new Date(a.dueAt))})` : ""}.{" "}
          {consumerAdmin ? "Puede pedir la mediación del equipo de la plataforma." : "La institución solicitante puede pedir la mediación del equipo de la plataforma."}
        </Alert>
      );
    case "RECHAZADA":
      return (
        <Alert tone="warning" title="Solicitud rechazada">
          {consumerAdmin ? "Puede pedir la mediación del equipo de la plataforma, indicando el motivo." : "La institución solicitante puede pedir la mediación del equipo de la plataforma."}
        </Alert>
      );
    case "EN_MEDIACION":
      return (
        <Alert tone="info" title="En mediación">
          El equipo de la plataforma revisa la solicitud y decidirá si se acepta o se rechaza en forma definitiva.
        </Alert>
      );
    case "PENDIENTE_FIRMA":
      return (
        <Alert tone="info" title="Falta la firma de las jefaturas de servicio">
          El acuerdo entra en vigencia cuando firman las jefaturas de servicio de ambas instituciones ({a.signatures.length} de 2 firmas).
        </Alert>
      );
    default:
      return null;
  }
}

/** One agreement: its request, levels and terms, signatures, documents, history and the actions the person may take now. */
export default async function AgreementPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { actor, agreement: a } = await loadAgreement(id, `/acuerdos/${id}`);
  const sp = await searchParams;
  const notice = typeof sp.aviso === "string" && Object.hasOwn(NOTICES, sp.aviso) ? NOTICES[sp.aviso] : null;
  const href = `/acuerdos/${a.id}`;
  const accepting = a.allowedActions.some((x) => x === "accept" || x === "mediate_accept");
  const [service, standard] = await Promise.all([serviceOrNull(a.service.id, actor), accepting ? getStandardTerms() : Promise.resolve(null)]);

  const actions: AgreementActionOption[] = a.allowedActions
    .filter((x): x is AgreementAction => x in AGREEMENT_TRANSITIONS)
    // The deadline extends once: allowedActions still lists it (the service would answer 409 already_extended).
    .filter((x) => !(x === "extend" && a.extended))
    .map((x) => ({ action: x, label: AGREEMENT_TRANSITIONS[x].label, verb: AGREEMENT_TRANSITIONS[x].verb, confirm: AGREEMENT_TRANSITIONS[x].confirm, reasonRequired: AGREEMENT_TRANSITIONS[x].reasonRequired }));
  const canPrepare = can(actor, "agreement.prepare", a.consumer.code);
  const canEditDraft = a.status === "BORRADOR" && canPrepare;
  const canAttach = DOCUMENT_STATUSES.includes(a.status) && (canPrepare || a.viewerRoles.includes("provider_admin") || a.viewerRoles.includes("platform"));
  const automatic = a.events.some((e) => e.action === "automatic_approval");
  const home = homeOf(actor, a);
  const signatureOf = (side: "CONSUMER" | "PROVIDER") => a.signatures.find((s) => s.side === side);

  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Inicio" }, ...(home ? [home] : []), { label: `Acuerdo ${a.number}` }]} />
      <header className="mb-6">
        <p className="text-ink-muted">Acuerdo de acceso a un servicio</p>
        <h1 className="text-3xl font-bold sm:text-4xl">Acuerdo {a.number}</h1>
        <p className="mt-3 flex flex-wrap items-center gap-2">
          <AgreementStatusBadge status={a.status} />
          <Badge>
            <span className="sr-only">Ambiente: </span>
            {ENVIRONMENT_LABELS[a.environment]}
          </Badge>
        </p>
        <dl className="mt-4 grid gap-x-6 gap-y-1 sm:grid-cols-[12rem_1fr]">
          <dt className="font-bold">Servicio</dt>
          <dd>
            <Link href={`/catalogo/${a.service.id}`}>{a.service.name}</Link> <code className="text-sm text-ink-muted">{a.service.id}</code>
          </dd>
          <dt className="font-bold">Solicitante y proveedor</dt>
          <dd>
            {a.consumer.name} <span aria-hidden="true">→</span>
            <span className="sr-only">solicita a</span> {a.provider.name}
          </dd>
          <dt className="font-bold">Ambiente</dt>
          <dd>{ENVIRONMENT_LABELS[a.environment]}</dd>
        </dl>
      </header>

      {notice && <Alert tone="success">{notice}</Alert>}
      <StatusNote a={a} actor={actor} />
      <DeadlinePanel a={a} />

      <div className="mb-8 space-y-4 rounded-lg border border-line bg-surface p-4">
        {canEditDraft && (
          <div className="flex flex-wrap items-center gap-3">
            <ButtonLink href={`${href}/editar`} variant="secondary">
              Editar borrador
            </ButtonLink>
            <span className="text-ink-muted">Solo la institución solicitante ve este borrador hasta que se envíe.</span>
          </div>
        )}
        {actions.length > 0 ? (
          <AgreementActions
            agreementId={a.id}
            actions={actions}
            terms={a.terms ? { title: a.terms.title, sha256: a.terms.sha256 } : null}
            acceptance={{
              serviceTps: service?.tps ?? null,
              serviceAvailability: service?.availability ?? null,
              requestedTps: a.requestedTps,
              standardTerms: standard ? { version: standard.version, title: standard.title } : null,
              documents: a.documents.map((d) => ({ id: d.id, filename: d.filename })),
            }}
          />
        ) : (
          <p className="text-ink-muted">
            {canEditDraft
              ? `Cuando el borrador esté listo, un/a administrador/a de ${a.consumer.name} lo envía.`
              : a.viewerRoles.length === 0
                ? "Solo lectura: las acciones sobre el acuerdo las realizan los/as administradores/as y las jefaturas de servicio de cada institución, y el equipo de la plataforma."
                : "No tiene acciones disponibles sobre este acuerdo en su estado actual."}
          </p>
        )}
      </div>

      <div className="grid gap-10 lg:grid-cols-[2fr_1fr]">
        <div className="min-w-0 space-y-10">
          <section aria-labelledby="titulo-solicitud">
            <h2 id="titulo-solicitud" className="mb-4 text-2xl font-bold">
              La solicitud
            </h2>
            <dl className="grid gap-x-8 gap-y-3 sm:grid-cols-[14rem_1fr]">
              <dt className="font-bold">Tipo de acuerdo</dt>
              <dd>{TYPE_LABELS[a.type]}</dd>
              <dt className="font-bold">Trámites</dt>
              <dd>
                <ul className="space-y-1">
                  {a.procedures.map((p) => (
                    <li key={p.code}>
                      {p.name} <code className="text-sm text-ink-muted">{p.code}</code>
                    </li>
                  ))}
                </ul>
              </dd>
              <dt className="font-bold">Base legal</dt>
              <dd className="whitespace-pre-line">{a.legalBasis}</dd>
              <dt className="font-bold">Volumen mensual declarado</dt>
              <dd>{formatNumber(a.declaredVolume)} consultas al mes</dd>
              <dt className="font-bold">Modalidad de uso</dt>
              <dd>{MODE_LABELS[a.mode]}</dd>
              <dt className="font-bold">TPS solicitadas</dt>
              <dd>
                {formatNumber(a.requestedTps)} transacciones por segundo
                {service && <span className="text-ink-muted"> (el servicio compromete {formatNumber(service.tps)})</span>}
              </dd>
              <dt className="font-bold">Fecha de término</dt>
              <dd>{a.requestedUntil ? formatDate(calendarDate(a.requestedUntil)) : "Sin fecha de término"}</dd>
              <dt className="font-bold">Enviada</dt>
              <dd>{a.submittedAt ? formatDateTime(new Date(a.submittedAt)) : "Aún no (borrador)"}</dd>
            </dl>
          </section>

          {a.terms && (
            <section aria-labelledby="titulo-terminos">
              <h2 id="titulo-terminos" className="mb-4 text-2xl font-bold">
                Niveles otorgados y términos
              </h2>
              <dl className="grid gap-x-8 gap-y-3 sm:grid-cols-[14rem_1fr]">
                <dt className="font-bold">TPS otorgadas</dt>
                <dd>{a.grantedTps !== null ? `${formatNumber(a.grantedTps)} transacciones por segundo` : "—"}</dd>
                <dt className="font-bold">Disponibilidad (ANS)</dt>
                <dd>{a.grantedAvailability !== null ? `${formatNumber(a.grantedAvailability)} %` : "—"}</dd>
                <dt className="font-bold">Vigente desde</dt>
                <dd>{a.inForceSince ? formatDateTime(new Date(a.inForceSince)) : "Aún no: falta la firma de ambas jefaturas de servicio"}</dd>
                {a.suspendedBy && (
                  <>
                    <dt className="font-bold">Suspendido por</dt>
                    <dd>{SUSPENDED_BY[a.suspendedBy]}; solo esa parte o el equipo de la plataforma puede reanudarlo</dd>
                  </>
                )}
                <dt className="font-bold">Vigente hasta</dt>
                <dd>{a.validUntil ? formatDateTime(new Date(a.validUntil)) : "Sin fecha de término"}</dd>
                <dt className="font-bold">Términos</dt>
                <dd>
                  <p>{a.terms.title}</p>
                  <p className="mt-1">
                    {a.terms.kind === "STANDARD" && a.terms.standardVersion !== null ? (
                      <Link href={`/acuerdos/terminos/${a.terms.standardVersion}`}>Leer los términos estándar, versión {a.terms.standardVersion}</Link>
                    ) : a.terms.documentId ? (
                      <a href={`/api/v1/agreements/${a.id}/documents/${a.terms.documentId}`} download>
                        Descargar el PDF de los términos<span className="sr-only"> ({a.terms.title})</span>
                      </a>
                    ) : null}
                  </p>
                </dd>
                <dt className="font-bold">Huella SHA-256 de los términos</dt>
                <dd>
                  <code className="break-all">{a.terms.sha256}</code>
                </dd>
              </dl>
            </section>
          )}

          <section aria-labelledby="titulo-firmas">
            <h2 id="titulo-firmas" className="mb-4 text-2xl font-bold">
              Firmas
            </h2>
            {automatic ? (
              <p className="text-ink-muted">No requiere firmas: es un servicio de datos abiertos, con aprobación automática.</p>
            ) : !SIGNING_STATUSES.has(a.status) && a.signatures.length === 0 ? (
              <p className="text-ink-muted">Las jefaturas de servicio firman una vez aceptada la solicitud.</p>
            ) : (
              <ul className="grid gap-4 sm:grid-cols-2">
                {(["CONSUMER", "PROVIDER"] as const).map((side) => {
                  const sig = signatureOf(side);
                  const inst = side === "CONSUMER" ? a.consumer : a.provider;
                  return (
                    <li key={side} className="rounded-lg border border-line p-4">
                      <p className="font-bold">{SIDE_LABELS[side]}</p>
                      <p className="text-sm text-ink-muted">{inst.name}</p>
                      {sig ? (
                        <>
                          <p className="mt-2">
                            <Badge tone="success">Firmado</Badge> por {sig.signer}
                          </p>
                          <p className="mt-1 text-sm">
                            el <time dateTime={sig.signedAt}>{formatDateTime(new Date(sig.signedAt))}</time>
                          </p>
                          <p className="mt-1 text-sm">
                            Huella de los términos firmados: <code className="break-all">{sig.termsSha256}</code>
                          </p>
                        </>
                      ) : (
                        <p className="mt-2">
                          <Badge tone="warning">Pendiente</Badge> <span className="text-sm">Falta la firma de su jefatura de servicio.</span>
                        </p>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>

          <section aria-labelledby="titulo-documentos">
            <h2 id="titulo-documentos" className="mb-4 text-2xl font-bold">
              Documentos
            </h2>
            {a.documents.length === 0 ? (
              <p className="text-ink-muted">No hay documentos adjuntos.</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full border-collapse text-left">
                  <caption className="sr-only">Documentos adjuntos al acuerdo</caption>
                  <thead>
                    <tr className="border-b-2 border-tertiary">
                      <th scope="col" className="py-2 pr-4">
                        Archivo
                      </th>
                      <th scope="col" className="py-2 pr-4">
                        Adjuntado
                      </th>
                      <th scope="col" className="py-2">
                        Huella SHA-256
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {a.documents.map((d) => (
                      <tr key={d.id} className="border-b border-line align-top">
                        <th scope="row" className="py-3 pr-4 font-normal">
                          <a href={`/api/v1/agreements/${a.id}/documents/${d.id}`} download className="font-medium break-all">
                            {d.filename}
                          </a>
                          <span className="block text-sm text-ink-muted">PDF · {formatBytes(d.size)}</span>
                          {a.terms?.documentId === d.id && (
                            <span className="mt-1 block">
                              <Badge tone="info">Términos del acuerdo</Badge>
                            </span>
                          )}
                        </th>
                        <td className="py-3 pr-4 text-sm">
                          {d.uploadedBy}
                          <span className="block">{formatDateTime(new Date(d.createdAt))}</span>
                        </td>
                        <td className="py-3 text-sm">
                          <code className="break-all">{d.sha256}</code>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {canAttach ? (
              <DocumentUpload agreementId={a.id} />
            ) : (
              !DOCUMENT_STATUSES.includes(a.status) && <p className="mt-3 text-sm text-ink-muted">Los términos ya están fijados: no se adjuntan más documentos.</p>
            )}
          </section>
        </div>

        <section aria-labelledby="titulo-historial" className="min-w-0">
          <h2 id="titulo-historial" className="mb-4 text-2xl font-bold">
            Historial
          </h2>
          <AgreementTimeline events={a.events} headingId="titulo-historial" />
        </section>
      </div>
    </>
  );
}
