import Link from "next/link";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import type { TAgreement } from "@/lib/agreements/schemas";
import { formatDate, formatDateTime, formatNumber } from "@/lib/format";
import { calendarDate, deadlineWords, formatBytes, MODE_LABELS, SIDE_LABELS, TYPE_LABELS } from "./labels";
import { Table } from "@/components/ui/Table";
import { Section } from "@/components/ui/Section";
import { DeadlineBarView } from "./AgreementProgress";

/** The parts of an agreement's page (app/acuerdos/[id]), each from the agreement as the API returns it. */

const SUSPENDED_BY = { CONSUMER: "La institución solicitante", PROVIDER: "La institución proveedora", PLATFORM: "El equipo de la plataforma" } as const;
const SIGNING_STATUSES = new Set(["PENDIENTE_FIRMA", "VIGENTE", "SUSPENDIDA", "TERMINADA"]);

/** The provider's deadline to answer, while it runs. */
export function DeadlinePanel({ agreement }: { agreement: TAgreement }) {
  if (!agreement.dueAt || (agreement.status !== "ENVIADA" && agreement.status !== "EN_REVISION")) return null;
  const words = deadlineWords(agreement.businessDaysLeft);
  const tone = words?.tone === "overdue" ? "border-danger bg-danger-light" : words?.tone === "today" || words?.tone === "soon" ? "border-warning bg-warning-light" : "border-primary bg-primary-light";
  return (
    <section aria-labelledby="titulo-plazo" className={`mb-8 rounded border-l-4 p-4 ${tone}`}>
      <h2 id="titulo-plazo" className="font-sans text-lg font-bold text-ink">
        Plazo de respuesta de {agreement.provider.name}
      </h2>
      {agreement.businessDaysLeft !== null && <DeadlineBarView left={agreement.businessDaysLeft} extended={agreement.extended} />}
      <p className="mt-1">
        Vence el <time dateTime={agreement.dueAt}>{formatDate(new Date(agreement.dueAt))}</time> a las 23:59 (hora de Chile continental). Se cuentan solo los días hábiles.
      </p>
      <p className="mt-1 text-sm">
        {agreement.extended ? (
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

/** What the state means for the person now (expired, rejected, in mediation, waiting for signatures). */
export function StatusNote({ agreement, consumerAdmin }: { agreement: TAgreement; consumerAdmin: boolean }) {
  switch (agreement.status) {
    case "VENCIDA":
      return (
        <Alert tone="warning" title="El plazo de respuesta venció">
          {agreement.provider.name} no respondió dentro del plazo{agreement.dueAt ? ` (${formatDate(new Date(agreement.dueAt))})` : ""}.{" "}
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
      return <MissingSignaturesNote agreement={agreement} />;
    default:
      return null;
  }
}

/** Who still has to sign: by which institution, and who there may sign (its head of service). */
function signerWords(missing: TAgreement["missingSignatures"][number]): string {
  return missing.headOfService
    ? `la jefatura de servicio de ${missing.institution.name} (${missing.headOfService})`
    : `la jefatura de servicio de ${missing.institution.name}, que aún no está designada en el portal: la designa un/a administrador/a de la institución`;
}

function MissingSignaturesNote({ agreement }: { agreement: TAgreement }) {
  const missing = agreement.missingSignatures;
  const [first] = missing;
  const title =
    missing.length === 1 && first
      ? `Falta la firma de ${first.institution.name}`
      : missing.length === 2
        ? "Faltan las firmas de ambas jefaturas de servicio"
        : "Firmas completas";
  return (
    <Alert tone="info" title={title}>
      <p data-testid="missing-signatures">
        {agreement.signatures.length} de 2 firmas. {missing.length > 0 && <>Puede firmar {missing.map(signerWords).join("; y ")}.</>} El acuerdo entra en vigencia
        cuando firman ambas jefaturas de servicio.
      </p>
      {missing.some((entry) => agreement.viewerRoles.includes(entry.side === "CONSUMER" ? "consumer_head" : "provider_head")) && (
        <p className="mt-1 font-bold">Usted es la jefatura de servicio que puede firmar ahora.</p>
      )}
    </Alert>
  );
}

/** "La solicitud": what was asked for, and why. */
export function RequestSection({ agreement, serviceTps }: { agreement: TAgreement; serviceTps: number | null }) {
  return (
    <Section id="titulo-solicitud" title="La solicitud">
      <dl className="grid gap-x-8 gap-y-3 sm:grid-cols-[14rem_1fr]">
        <dt className="font-bold">Tipo de acuerdo</dt>
        <dd>{TYPE_LABELS[agreement.type]}</dd>
        <dt className="font-bold">Trámites</dt>
        <dd>
          <ul className="space-y-1">
            {agreement.procedures.map((procedure) => (
              <li key={procedure.code}>
                {procedure.name} <code className="text-sm text-ink-muted">{procedure.code}</code>
              </li>
            ))}
          </ul>
        </dd>
        <dt className="font-bold">Base legal</dt>
        <dd className="whitespace-pre-line">{agreement.legalBasis}</dd>
        <dt className="font-bold">Volumen mensual declarado</dt>
        <dd>{formatNumber(agreement.declaredVolume)} consultas al mes</dd>
        <dt className="font-bold">Modalidad de uso</dt>
        <dd>{MODE_LABELS[agreement.mode]}</dd>
        <dt className="font-bold">TPS solicitadas</dt>
        <dd>
          {formatNumber(agreement.requestedTps)} transacciones por segundo
          {serviceTps !== null && <span className="text-ink-muted"> (el servicio compromete {formatNumber(serviceTps)})</span>}
        </dd>
        <dt className="font-bold">Fecha de término</dt>
        <dd>{agreement.requestedUntil ? formatDate(calendarDate(agreement.requestedUntil)) : "Sin fecha de término"}</dd>
        <dt className="font-bold">Enviada</dt>
        <dd>{agreement.submittedAt ? formatDateTime(new Date(agreement.submittedAt)) : "Aún no (borrador)"}</dd>
      </dl>
    </Section>
  );
}

/** "Niveles otorgados y términos", once the terms are fixed. */
export function TermsSection({ agreement }: { agreement: TAgreement }) {
  const { terms } = agreement;
  if (!terms) return null;
  return (
    <Section id="titulo-terminos" title="Niveles otorgados y términos">
      <dl className="grid gap-x-8 gap-y-3 sm:grid-cols-[14rem_1fr]">
        <dt className="font-bold">TPS otorgadas</dt>
        <dd>{agreement.grantedTps !== null ? `${formatNumber(agreement.grantedTps)} transacciones por segundo` : "—"}</dd>
        <dt className="font-bold">Disponibilidad (ANS)</dt>
        <dd>{agreement.grantedAvailability !== null ? `${formatNumber(agreement.grantedAvailability)} %` : "—"}</dd>
        <dt className="font-bold">Vigente desde</dt>
        <dd>{agreement.inForceSince ? formatDateTime(new Date(agreement.inForceSince)) : "Aún no: falta la firma de ambas jefaturas de servicio"}</dd>
        {agreement.suspendedBy && (
          <>
            <dt className="font-bold">Suspendido por</dt>
            <dd>{SUSPENDED_BY[agreement.suspendedBy]}; solo esa parte o el equipo de la plataforma puede reanudarlo</dd>
          </>
        )}
        <dt className="font-bold">Vigente hasta</dt>
        <dd>{agreement.validUntil ? formatDateTime(new Date(agreement.validUntil)) : "Sin fecha de término"}</dd>
        <dt className="font-bold">Términos</dt>
        <dd>
          <p>{terms.title}</p>
          <p className="mt-1">
            {terms.kind === "STANDARD" && terms.standardVersion !== null ? (
              <Link href={`/acuerdos/terminos/${terms.standardVersion}`}>Leer los términos estándar, versión {terms.standardVersion}</Link>
            ) : terms.documentId ? (
              <a href={`/api/v1/agreements/${agreement.id}/documents/${terms.documentId}`} download>
                Descargar el PDF de los términos<span className="sr-only"> ({terms.title})</span>
              </a>
            ) : null}
          </p>
        </dd>
        <dt className="font-bold">Huella SHA-256 de los términos</dt>
        <dd>
          <code className="break-all">{terms.sha256}</code>
        </dd>
      </dl>
    </Section>
  );
}

/** "Firmas": each head of service's signature, or that it is missing. */
export function SignaturesSection({ agreement }: { agreement: TAgreement }) {
  const automatic = agreement.events.some((event) => event.action === "automatic_approval");
  return (
    <Section id="titulo-firmas" title="Firmas">
      {automatic ? (
        <p className="text-ink-muted">No requiere firmas: es un servicio de datos abiertos, con aprobación automática.</p>
      ) : !SIGNING_STATUSES.has(agreement.status) && agreement.signatures.length === 0 ? (
        <p className="text-ink-muted">Las jefaturas de servicio firman una vez aceptada la solicitud.</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {(["CONSUMER", "PROVIDER"] as const).map((side) => {
            const signature = agreement.signatures.find((s) => s.side === side);
            const institution = side === "CONSUMER" ? agreement.consumer : agreement.provider;
            return (
              <li key={side} className="rounded-lg border border-line p-4">
                <p className="font-bold">{SIDE_LABELS[side]}</p>
                <p className="text-sm text-ink-muted">{institution.name}</p>
                {signature ? (
                  <>
                    <p className="mt-2">
                      <Badge tone="success">Firmado</Badge> por {signature.signer}
                    </p>
                    <p className="mt-1 text-sm">
                      el <time dateTime={signature.signedAt}>{formatDateTime(new Date(signature.signedAt))}</time>
                    </p>
                    <p className="mt-1 text-sm">
                      Huella de los términos firmados: <code className="break-all">{signature.termsSha256}</code>
                    </p>
                  </>
                ) : (
                  <p className="mt-2">
                    <Badge tone="warning">Pendiente</Badge>{" "}
                    <span className="text-sm">
                      Falta la firma de su jefatura de servicio
                      {agreement.missingSignatures.find((entry) => entry.side === side)?.headOfService
                        ? ` (${agreement.missingSignatures.find((entry) => entry.side === side)?.headOfService})`
                        : ""}
                      .
                    </span>
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}

/** The documents attached to the agreement, with who attached them and their SHA-256. */
export function DocumentsTable({ agreement }: { agreement: TAgreement }) {
  if (agreement.documents.length === 0) return <p className="text-ink-muted">No hay documentos adjuntos.</p>;
  return (
    <Table caption="Documentos adjuntos al acuerdo" columns={["Archivo", "Adjuntado", "Huella SHA-256"]}>
      {agreement.documents.map((document) => (
        <tr key={document.id} className="border-b border-line align-top">
          <th scope="row" className="py-3 pr-4 font-normal">
            <a href={`/api/v1/agreements/${agreement.id}/documents/${document.id}`} download className="font-medium break-all">
              {document.filename}
            </a>
            <span className="block text-sm text-ink-muted">PDF · {formatBytes(document.size)}</span>
            {agreement.terms?.documentId === document.id && (
              <span className="mt-1 block">
                <Badge tone="info">Términos del acuerdo</Badge>
              </span>
            )}
          </th>
          <td className="py-3 pr-4 text-sm">
            {document.uploadedBy}
            <span className="block">{formatDateTime(new Date(document.createdAt))}</span>
          </td>
          <td className="py-3 text-sm">
            <code className="break-all">{document.sha256}</code>
          </td>
        </tr>
      ))}
    </Table>
  );
}
