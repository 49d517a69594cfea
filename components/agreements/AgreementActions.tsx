"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { sendJson, type Issue } from "@/components/forms/api";
import { ChoiceGroup, TextAreaField, TextField } from "@/components/forms/fields";
import { byField, zodToIssues } from "@/components/forms/issues";
import { useFormIssues } from "@/components/forms/useFormIssues";
import { parseNumberInput } from "@/components/forms/form-values";
import { useHydrated } from "@/components/forms/useHydrated";
import { Button } from "@/components/ui/Button";
import { ZAgreementTransition, type TAgreement } from "@/lib/agreements/schemas";
import { AGREEMENT_STATUS_LABELS } from "@/lib/agreements/transitions";
import { formatNumber } from "@/lib/format";
import { ACTION_DIALOG } from "./labels";
import { ModalDialog } from "@/components/ui/ModalDialog";
import { useDoneNotice } from "@/components/ui/useDoneNotice";
import { FormErrorSummary } from "@/components/forms/FormErrorSummary";

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
const LABELS: Record<string, string> = { [IDS.reason]: "Motivo", [IDS.tps]: "TPS otorgadas", [IDS.availability]: "Disponibilidad (ANS %)", [IDS.terms]: "Términos del acuerdo" };

const ACCEPTING = new Set(["accept", "mediate_accept"]);
/** The steps forward get the primary button; refusals, extensions, suspensions and endings the secondary one. */
const FORWARD = new Set(["submit", "take_up", "accept", "mediate_accept", "sign", "resume"]);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The actions the person may take on an agreement now (from `allowedActions`). Each asks for
 * confirmation in a modal dialog showing what it implies, with a labelled "Motivo" when the
 * action needs one and, to accept, the granted TPS, availability and terms; then POSTs the
 * transition and refreshes the page. Errors (422 with fields, 409…) go to the dialog's summary.
 */
export function AgreementActions({
  agreementId,
  actions,
  acceptance,
  terms,
}: {
  agreementId: string;
  actions: AgreementActionOption[];
  acceptance: AcceptanceContext;
  /** The terms being signed (for the sign dialog). */
  terms: { title: string; sha256: string } | null;
}) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [current, setCurrent] = useState<AgreementActionOption | null>(null);
  const [reason, setReason] = useState("");
  const [tps, setTps] = useState("");
  const [availability, setAvailability] = useState("");
  const [termsChoice, setTermsChoice] = useState("STANDARD");
  const { notice, announce, clear: clearNotice } = useDoneNotice();

  const fieldOf = (path: string): string | undefined => {
    if (path === "reason") return IDS.reason;
    if (path === "grantedTps") return IDS.tps;
    if (path === "grantedAvailability") return IDS.availability;
    if (path.startsWith("terms")) return `${IDS.terms}-STANDARD`;
    return undefined;
  };
  const labelOf = (field: string) => LABELS[field.replace(/-STANDARD$/, "")];

  const { issues, summaryTitle, attempt, showApiError, showIssues, clear } = useFormIssues(fieldOf, labelOf);
  const mutation = useMutation({
    mutationFn: (body: Record<string, unknown>) => sendJson<TAgreement>(`/api/v1/agreements/${agreementId}/transitions`, "POST", body),
    onSuccess: (result, body) => {
      const option = actions.find((a) => a.action === body.action);
      close(false);
      const status = AGREEMENT_STATUS_LABELS[result.status];
      announce(
        body.action === "sign"
          ? result.status === "VIGENTE"
            ? "Se registró su firma. Firmaron ambas instituciones: el acuerdo está vigente."
            : "Se registró su firma. Falta la firma de la otra institución."
          : body.action === "extend"
            ? "Se prorrogó el plazo de respuesta por 5 días hábiles."
            : `${option?.label ?? body.action}: listo. El acuerdo quedó en estado ${status}.`,
      );
      router.refresh();
    },
    onError: (err) => {
      showApiError(err, "No se pudo completar la acción");
    },
  });

  function open(option: AgreementActionOption) {
    clearNotice();
    setReason("");
    setTps(String(Math.min(acceptance.requestedTps, acceptance.serviceTps ?? acceptance.requestedTps)));
    setAvailability(acceptance.serviceAvailability === null ? "" : String(acceptance.serviceAvailability));
    setTermsChoice("STANDARD");
    clear();
    mutation.reset();
    setCurrent(option);
  }

  function close(returnFocus = true) {
    const action = current?.action;
    setCurrent(null);
    if (returnFocus && action) document.getElementById(`accion-${action}`)?.focus();
  }

  function confirm(e: FormEvent) {
    e.preventDefault();
    if (!current || mutation.isPending) return;
    const body: Record<string, unknown> = { action: current.action };
    if (reason.trim()) body.reason = reason;
    if (ACCEPTING.has(current.action)) {
      body.grantedTps = parseNumberInput(tps);
      body.grantedAvailability = parseNumberInput(availability);
      body.terms = termsChoice === "STANDARD" ? { kind: "STANDARD" } : { kind: "DOCUMENT", documentId: termsChoice.replace(/^doc-/, "") };
    }
    const found: Issue[] = [];
    const parsed = ZAgreementTransition.safeParse(body);
    if (!parsed.success) found.push(...zodToIssues(parsed.error, body));
    if (current.reasonRequired && !reason.trim() && !found.some((i) => i.path === "reason")) found.push({ path: "reason", message: "Indique el motivo." });
    const granted = parseNumberInput(tps);
    if (ACCEPTING.has(current.action) && acceptance.serviceTps !== null && granted !== undefined && granted > acceptance.serviceTps && !found.some((i) => i.path === "grantedTps")) {
      found.push({ path: "grantedTps", message: `No puede exceder las ${formatNumber(acceptance.serviceTps)} TPS que el servicio compromete.` });
    }
    if (found.length) {
      showIssues(found);
      return;
    }
    clear();
    mutation.mutate(body);
  }

  const errors = byField(issues);
  const dialog = current ? (ACTION_DIALOG[current.action] ?? { title: `¿${cap(current.verb)} el acuerdo?`, yes: `Sí, ${current.verb}` }) : null;
  const accepting = !!current && ACCEPTING.has(current.action);
  const firstField = current ? (accepting ? IDS.tps : current.reasonRequired ? IDS.reason : "dialogo-cancelar") : undefined;

  return (
    <div>
      {notice}
      {actions.length > 0 && (
        <div className="flex flex-wrap gap-3" role="group" aria-label="Acciones sobre el acuerdo">
          {actions.map((a) => (
            <Button key={a.action} id={`accion-${a.action}`} type="button" variant={FORWARD.has(a.action) ? "primary" : "secondary"} onClick={() => open(a)} disabled={!hydrated} aria-haspopup="dialog">
              {a.label}
            </Button>
          ))}
        </div>
      )}
      <ModalDialog open={!!current} onClose={() => close()} labelledBy="dialogo-titulo" describedBy="dialogo-texto" initialFocusId={firstField}>
        {current && dialog && (
          <form onSubmit={confirm} noValidate className="p-6">
            <h2 id="dialogo-titulo" className="mb-3 text-2xl font-bold">
              {dialog.title}
            </h2>
            <p id="dialogo-texto" className="mb-4">
              {current.confirm}
            </p>
            {current.action === "sign" && terms && (
              <div className="mb-4 rounded border border-line bg-surface p-3 text-sm">
                <p>
                  <span className="font-medium">Términos que firma:</span> {terms.title}
                </p>
                <p className="mt-1">
                  <span className="font-medium">Huella SHA-256:</span> <code className="break-all">{terms.sha256}</code>
                </p>
              </div>
            )}
            <FormErrorSummary id="dialogo-errores" title={summaryTitle} issues={issues} attempt={attempt} />
            <div className="space-y-5">
              {accepting && (
                <>
                  <div className="grid gap-5 sm:grid-cols-2">
                    <TextField
                      id={IDS.tps}
                      label={LABELS[IDS.tps]}
                      required
                      type="number"
                      min={1}
                      max={acceptance.serviceTps ?? undefined}
                      step={1}
                      inputMode="numeric"
                      value={tps}
                      onChange={(e) => setTps(e.target.value)}
                      errors={errors[IDS.tps]}
                      help={`Se solicitaron ${formatNumber(acceptance.requestedTps)}.${acceptance.serviceTps !== null ? ` Máximo ${formatNumber(acceptance.serviceTps)}, lo que el servicio compromete.` : ""}`}
                    />
                    <TextField
                      id={IDS.availability}
                      label={LABELS[IDS.availability]}
                      required
                      type="number"
                      min={0.01}
                      max={100}
                      step={0.01}
                      inputMode="decimal"
                      value={availability}
                      onChange={(e) => setAvailability(e.target.value)}
                      errors={errors[IDS.availability]}
                      help={acceptance.serviceAvailability !== null ? `El servicio compromete ${formatNumber(acceptance.serviceAvailability)} %.` : "Porcentaje de disponibilidad comprometido."}
                    />
                  </div>
                  <ChoiceGroup
                    id={IDS.terms}
                    type="radio"
                    legend={LABELS[IDS.terms]}
                    required
                    help={
                      acceptance.documents.length === 0
                        ? "Para usar términos propios, adjunte antes el PDF en la sección «Documentos» del acuerdo."
                        : "Los términos estándar de la Red, o uno de los PDF adjuntos al acuerdo. Quedan fijados con su huella SHA-256."
                    }
                    errors={errors[`${IDS.terms}-STANDARD`]}
                    options={[
                      {
                        value: "STANDARD",
                        label: acceptance.standardTerms ? `Términos y condiciones estándar de la Red, versión ${acceptance.standardTerms.version}` : "Términos y condiciones estándar de la Red",
                        help: acceptance.standardTerms ? (
                          <a href={`/acuerdos/terminos/${acceptance.standardTerms.version}`} target="_blank" rel="noopener">
                            Leer los términos estándar (se abre en una pestaña nueva)
                          </a>
                        ) : undefined,
                      },
                      ...acceptance.documents.map((d) => ({ value: `doc-${d.id}`, label: <>Documento adjunto: {d.filename}</> })),
                    ]}
                    selected={[termsChoice]}
                    onToggle={(v) => setTermsChoice(v)}
                  />
                </>
              )}
              {current.reasonRequired && (
                <TextAreaField
                  id={IDS.reason}
                  label="Motivo"
                  required
                  rows={4}
                  maxLength={2000}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  errors={errors[IDS.reason]}
                  help="Quedará en el historial del acuerdo, visible para ambas instituciones y el equipo de la plataforma."
                />
              )}
              <div className="flex flex-wrap gap-3">
                <Button type="submit" disabled={mutation.isPending} aria-busy={mutation.isPending}>
                  {mutation.isPending ? "Enviando…" : dialog.yes}
                </Button>
                <Button id="dialogo-cancelar" type="button" variant="secondary" onClick={() => close()}>
                  Cancelar
                </Button>
              </div>
            </div>
          </form>
        )}
      </ModalDialog>
    </div>
  );
}
