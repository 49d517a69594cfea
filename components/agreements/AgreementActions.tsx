"use client";

import { sendJson } from "@/components/forms/api";
import { ConfirmActionDialog, ReasonField, type ConfirmAction } from "@/components/forms/ConfirmActionDialog";
import { ControlledChoices, ControlledNumber } from "@/components/forms/controlled";
import { parseNumberInput } from "@/components/forms/form-values";
import { formatNumberInput } from "@/lib/text/number";
import { apiResolver } from "@/components/forms/resolver";
import { ZAgreementTransition, type TAgreement } from "@/lib/agreements/schemas";
import { AGREEMENT_STATUS_LABELS } from "@/lib/agreements/transitions";
import { formatNumber } from "@/lib/format";
import type { ReactNode } from "react";
import type { FieldValues } from "react-hook-form";
import { ACTION_DIALOG } from "./labels";
import { useShowAgreement } from "./useAgreement";

export type AgreementActionOption = { action: string; label: string; verb: string; confirm: string; reasonRequired: boolean };

/** What accepting needs to offer: the service's limits, the standard terms and the attached PDFs. */
export type AcceptanceContext = {
  serviceTps: number | null;
  serviceAvailability: number | null;
  requestedTps: number;
  standardTerms: { version: number; title: string } | null;
  documents: { id: string; filename: string }[];
};

const IDS = { reason: "motivo", tps: "tps-otorgadas", availability: "disponibilidad", terms: "terminos" } as const;
const FIELDS = {
  reason: { id: IDS.reason, label: "Motivo" },
  grantedTps: { id: IDS.tps, label: "TPS otorgadas" },
  grantedAvailability: { id: IDS.availability, label: "Disponibilidad (ANS %)" },
  terms: { id: `${IDS.terms}-STANDARD`, label: "Términos del acuerdo" },
};

const ACCEPTING = new Set(["accept", "mediate_accept"]);
/** The steps forward get the primary button; refusals, extensions, suspensions and endings the secondary one. */
const FORWARD = new Set(["submit", "take_up", "accept", "mediate_accept", "sign", "resume"]);
/** What comes next, said after an action leaves the agreement in this state. */
const NEXT: Partial<Record<TAgreement["status"], string>> = {
  ENVIADA: "La institución proveedora tiene 15 días hábiles para responder.",
  EN_REVISION: "La institución proveedora puede ahora aceptarla o rechazarla; el plazo de respuesta sigue corriendo.",
  PENDIENTE_FIRMA: "Ahora firman las jefaturas de servicio de ambas instituciones, en cualquier orden.",
  RECHAZADA: "La institución solicitante puede pedir la mediación del equipo de la plataforma.",
  VENCIDA: "La institución solicitante puede pedir la mediación del equipo de la plataforma.",
  EN_MEDIACION: "El equipo de la plataforma revisará la solicitud y decidirá; ambas instituciones serán notificadas.",
  RECHAZADA_FIRME: "La solicitud queda cerrada. Para volver a pedir el servicio, envíe una solicitud nueva.",
  VIGENTE: "Los nodos de ambas instituciones pueden intercambiar datos bajo este acuerdo.",
  SUSPENDIDA: "Los nodos dejan de intercambiar datos bajo este acuerdo hasta que se reanude.",
  TERMINADA: "El acuerdo queda cerrado. Para volver a intercambiar datos, envíe una solicitud nueva.",
};
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The transition's body: the reason when given, and for accepting the granted levels and terms. */
function bodyOf(option: AgreementActionOption, v: FieldValues) {
  const body: Record<string, unknown> = { action: option.action };
  if (String(v.reason).trim()) body.reason = v.reason;
  if (ACCEPTING.has(option.action)) {
    body.grantedTps = parseNumberInput(v.tps, { integer: true });
    body.grantedAvailability = parseNumberInput(v.availability);
    body.terms = v.terms === "STANDARD" ? { kind: "STANDARD" } : { kind: "DOCUMENT", documentId: String(v.terms).replace(/^doc-/, "") };
  }
  return body;
}

/**
 * The actions the person may take on an agreement now (from `allowedActions`). Each asks for
 * confirmation in a modal dialog showing what it implies, with a labelled "Motivo" when the
 * action needs one and, to accept, the granted TPS, availability and terms; then POSTs the
 * transition, whose answer (the whole updated agreement) the page shows at once. Errors (422
 * with fields, 409…) go to the dialog's summary.
 */
export function AgreementActions({
  agreementId,
  actions,
  acceptance,
  terms,
  empty,
}: {
  agreementId: string;
  actions: AgreementActionOption[];
  acceptance: AcceptanceContext;
  /** The terms being signed (for the sign dialog). */
  terms: { title: string; sha256: string } | null;
  /** Said in place of the buttons when there is no action to take now. */
  empty: ReactNode;
}) {
  const show = useShowAgreement();
  const { serviceTps, serviceAvailability, requestedTps } = acceptance;

  const toAction = (option: AgreementActionOption): ConfirmAction<TAgreement> => {
    const accepting = ACCEPTING.has(option.action);
    const dialog = ACTION_DIALOG[option.action] ?? { title: `¿${cap(option.verb)} el acuerdo?`, yes: `Sí, ${option.verb}` };
    return {
      action: option.action,
      label: option.label,
      secondary: !FORWARD.has(option.action),
      title: dialog.title,
      text: <p>{option.confirm}</p>,
      yes: dialog.yes,
      details: option.action === "sign" && terms && (
        <div className="mb-4 rounded border border-line bg-surface p-3 text-sm">
          <p>
            <span className="font-medium">Términos que firma:</span> {terms.title}
          </p>
          <p className="mt-1">
            <span className="font-medium">Huella SHA-256:</span> <code className="break-all">{terms.sha256}</code>
          </p>
        </div>
      ),
      values: { reason: "", tps: formatNumberInput(Math.min(requestedTps, serviceTps ?? requestedTps), { integer: true }), availability: formatNumberInput(serviceAvailability), terms: "STANDARD" },
      fields: (
        <>
          {accepting && <AcceptanceFields acceptance={acceptance} />}
          {option.reasonRequired && <ReasonField help="Quedará en el historial del acuerdo, visible para ambas instituciones y el equipo de la plataforma." />}
        </>
      ),
      initialFocusId: accepting ? IDS.tps : option.reasonRequired ? IDS.reason : undefined,
      resolver: apiResolver(ZAgreementTransition, (v) => bodyOf(option, v), {
        more: (v) => {
          const found = option.reasonRequired && !String(v.reason).trim() ? [{ path: "reason", message: "Indique el motivo." }] : [];
          const granted = parseNumberInput(v.tps, { integer: true });
          if (accepting && serviceTps !== null && granted !== undefined && granted > serviceTps) {
            found.push({ path: "grantedTps", message: `No puede exceder las ${formatNumber(serviceTps)} TPS que el servicio compromete.` });
          }
          return found;
        },
      }),
      send: (v) => sendJson<TAgreement>(`/api/v1/agreements/${agreementId}/transitions`, "POST", bodyOf(option, v)),
      notice: (agreement) => {
        if (option.action === "sign") return agreement.status === "VIGENTE" ? "Se registró su firma. Firmaron ambas instituciones: el acuerdo está vigente." : "Se registró su firma. Falta la firma de la otra institución.";
        if (option.action === "extend") return "Se prorrogó el plazo de respuesta por 5 días hábiles. La institución proveedora puede ahora aceptar o rechazar la solicitud dentro del nuevo plazo.";
        return `${option.label}: listo. El acuerdo quedó en estado ${AGREEMENT_STATUS_LABELS[agreement.status]}.${NEXT[agreement.status] ? ` ${NEXT[agreement.status]}` : ""}`;
      },
      after: show,
    };
  };

  return <ConfirmActionDialog actions={actions.map(toAction)} groupLabel="Acciones sobre el acuerdo" fieldIds={FIELDS} empty={empty} />;
}

/** Accepting: the granted TPS and availability, and the terms (the network's standard ones or an attached PDF). */
function AcceptanceFields({ acceptance }: { acceptance: AcceptanceContext }) {
  const { serviceTps, serviceAvailability, requestedTps, standardTerms, documents } = acceptance;
  return (
    <>
      <div className="grid gap-5 sm:grid-cols-2">
        <ControlledNumber
          name="tps"
          id={IDS.tps}
          label={FIELDS.grantedTps.label}
          required
          min={1}
          max={serviceTps ?? undefined}
          help={`Se solicitaron ${formatNumber(requestedTps)}.${serviceTps !== null ? ` Máximo ${formatNumber(serviceTps)}, lo que el servicio compromete.` : ""}`}
        />
        <ControlledNumber
          name="availability"
          id={IDS.availability}
          label={FIELDS.grantedAvailability.label}
          required
          min={0.01}
          max={100}
          step={0.01}
          help={serviceAvailability !== null ? `El servicio compromete ${formatNumber(serviceAvailability)} %.` : "Porcentaje de disponibilidad comprometido."}
        />
      </div>
      <ControlledChoices
        name="terms"
        id={IDS.terms}
        type="radio"
        legend={FIELDS.terms.label}
        required
        help={
          documents.length === 0
            ? "Para usar términos propios, adjunte antes el PDF en la sección «Documentos» del acuerdo."
            : "Los términos estándar de la Red, o uno de los PDF adjuntos al acuerdo. Quedan fijados con su huella SHA-256."
        }
        options={[
          {
            value: "STANDARD",
            label: standardTerms ? `Términos y condiciones estándar de la Red, versión ${standardTerms.version}` : "Términos y condiciones estándar de la Red",
            help: standardTerms ? (
              <a href={`/acuerdos/terminos/${standardTerms.version}`} target="_blank" rel="noopener">
                Leer los términos estándar (se abre en una pestaña nueva)
              </a>
            ) : undefined,
          },
          ...documents.map((d) => ({ value: `doc-${d.id}`, label: <>Documento adjunto: {d.filename}</> })),
        ]}
      />
    </>
  );
}
