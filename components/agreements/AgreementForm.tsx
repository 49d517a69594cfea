"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { sendJson, type Issue } from "@/components/forms/api";
import { ChoiceGroup, FormSection, RequiredNote, SelectField, TextAreaField, TextField } from "@/components/forms/fields";
import { FormErrorSummary } from "@/components/forms/FormErrorSummary";
import { byField, zodToIssues } from "@/components/forms/issues";
import { useFormIssues } from "@/components/forms/useFormIssues";
import { changedFields, parseNumberInput } from "@/components/forms/form-values";
import { useHydrated } from "@/components/forms/useHydrated";
import { Button } from "@/components/ui/Button";
import { ZAgreementCreate, ZAgreementUpdate, type TAgreement } from "@/lib/agreements/schemas";
import { AGREEMENT_TRANSITIONS } from "@/lib/agreements/transitions";
import { ENVIRONMENT_LABELS } from "@/lib/catalog/labels";
import { formatNumber } from "@/lib/format";
import type { AgreementMode, AgreementType, Environment } from "@/lib/generated/prisma/enums";
import { MODE_HELP, MODE_LABELS, TYPE_HELP, TYPE_LABELS } from "./labels";
import { ModalDialog } from "@/components/ui/ModalDialog";

export type AgreementFormValues = {
  consumer: string;
  environment: Environment | "";
  type: AgreementType | "";
  procedures: string[];
  legalBasis: string;
  declaredVolume: string;
  mode: AgreementMode | "";
  requestedTps: string;
  requestedUntil: string;
};

export type AgreementFormService = {
  id: string;
  name: string;
  provider: { code: string; name: string };
  tps: number;
  environments: Environment[];
  openData: boolean;
};

export type ConsumerOption = { code: string; name: string; canSubmit: boolean };
export type AgreementProcedureOption = { code: string; name: string; needsConsent: boolean; suggested: boolean };

const LABELS: Record<string, string> = {
  consumer: "Institución solicitante",
  service: "Servicio",
  environment: "Ambiente",
  type: "Tipo de acuerdo",
  procedures: "Trámites",
  legalBasis: "Base legal",
  declaredVolume: "Volumen mensual estimado",
  mode: "Modalidad de uso",
  requestedTps: "Transacciones por segundo (TPS) solicitadas",
  requestedUntil: "Fecha de término",
};

const TYPES: AgreementType[] = ["UNICA_VEZ", "SERVICIO", "PERMANENTE"];
const MODES: AgreementMode[] = ["EN_LINEA", "LOTE"];


/** What the form holds, in the API's shape (before zod's defaults and trimming). */
function fieldsOf(v: AgreementFormValues) {
  return {
    environment: v.environment || undefined,
    type: v.type || undefined,
    procedures: v.procedures,
    legalBasis: v.legalBasis,
    declaredVolume: parseNumberInput(v.declaredVolume),
    mode: v.mode || undefined,
    requestedTps: parseNumberInput(v.requestedTps),
    requestedUntil: v.requestedUntil || null,
  };
}

/**
 * The request for access to a service: creates it as a draft ("Guardar borrador"), sends it at
 * once ("Enviar solicitud", administrators, after a confirmation), or edits a draft. Validated
 * with the API's own zod schemas; the server's answers (422 issues, 409) land in the same summary.
 */
export function AgreementForm({
  mode,
  service,
  consumers,
  procedures,
  initial,
  agreementId,
  cancelHref,
}: {
  mode: "create" | "edit";
  service: AgreementFormService;
  /** Institutions the person may request for (create), or the agreement's consumer (edit). */
  consumers: ConsumerOption[];
  procedures: AgreementProcedureOption[];
  initial: AgreementFormValues;
  agreementId?: string;
  cancelHref: string;
}) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [values, setValues] = useState<AgreementFormValues>(initial);
  const [confirming, setConfirming] = useState(false);
  const set = <K extends keyof AgreementFormValues>(key: K, value: AgreementFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const consumer = consumers.find((c) => c.code === values.consumer);
  const canSubmit = mode === "create" && !!consumer?.canSubmit;

  const fieldOf = (path: string): string | undefined => {
    const [head, index] = path.split(".");
    switch (head) {
      case "consumer":
        return consumers.length > 1 ? "consumer" : undefined;
      case "legalBasis":
      case "declaredVolume":
      case "requestedTps":
      case "requestedUntil":
        return head;
      case "environment":
        return `environment-${service.environments[0]}`;
      case "type":
        return "type-UNICA_VEZ";
      case "mode":
        return "mode-EN_LINEA";
      case "procedures": {
        const code = values.procedures[Number(index)] ?? procedures[0]?.code;
        return code ? `procedures-${code}` : undefined;
      }
      default:
        return undefined;
    }
  };
  const labelOf = (field: string) => LABELS[field.split("-")[0]!];

  const { issues, summaryTitle, attempt, showApiError, showIssues, clear } = useFormIssues(fieldOf, labelOf);
  const mutation = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      mode === "create" ? sendJson<TAgreement>("/api/v1/agreements", "POST", body) : sendJson<TAgreement>(`/api/v1/agreements/${agreementId}`, "PATCH", body),
    onSuccess: (a, body) => {
      const notice = mode === "edit" ? "guardado" : !body.submit ? "creado" : a.status === "VIGENTE" ? "vigente" : "enviado";
      router.push(`/acuerdos/${a.id}?aviso=${notice}`);
    },
    onError: (err) => {
      setConfirming(false);
      showApiError(err, mode === "create" ? "No se pudo registrar la solicitud" : "No se pudo guardar");
    },
  });

  function fail(found: Issue[]) {
    showIssues(found);
  }

  /** The body to send, or null after showing the problems. */
  function validated(submit: boolean): Record<string, unknown> | null {
    const fields = fieldsOf(values);
    const found: Issue[] = [];
    let body: Record<string, unknown>;
    if (mode === "create") {
      body = { consumer: values.consumer, service: service.id, ...fields, submit };
      const parsed = ZAgreementCreate.safeParse(body);
      if (!parsed.success) found.push(...zodToIssues(parsed.error, body));
    } else {
      const parsed = ZAgreementUpdate.safeParse(fields);
      if (!parsed.success) found.push(...zodToIssues(parsed.error, fields));
      // Only what changed is sent.
      const before = fieldsOf(initial) as Record<string, unknown>;
      body = changedFields(fields, before);
    }
    const tps = parseNumberInput(values.requestedTps);
    if (tps !== undefined && Number.isInteger(tps) && tps > service.tps && !found.some((i) => i.path === "requestedTps")) {
      found.push({ path: "requestedTps", message: `Excede las ${formatNumber(service.tps)} TPS que el servicio compromete.` });
    }
    if (found.length) {
      fail(found);
      return null;
    }
    return body;
  }

  function saveDraft(e: FormEvent) {
    e.preventDefault();
    if (mutation.isPending) return;
    const body = validated(false);
    if (!body) return;
    if (mode === "edit" && Object.keys(body).length === 0) {
      router.push(`${cancelHref}?aviso=sin-cambios`);
      return;
    }
    clear();
    mutation.mutate(body);
  }

  function askToSend() {
    if (mutation.isPending) return;
    if (!validated(true)) return;
    clear();
    mutation.reset();
    setConfirming(true);
  }

  function closeConfirm() {
    setConfirming(false);
    document.getElementById("enviar-solicitud")?.focus();
  }

  function send(e: FormEvent) {
    e.preventDefault();
    const body = validated(true);
    if (!body || mutation.isPending) return;
    mutation.mutate(body);
  }

  const errors = byField(issues);
  const suggested = procedures.filter((p) => p.suggested);

  return (
    <>
      {/* Before the form: when sending fails, the dialog closes (its effect) before the summary takes the focus (the form's). */}
      <ModalDialog open={confirming} onClose={closeConfirm} labelledBy="enviar-titulo" describedBy="enviar-texto" initialFocusId="enviar-cancelar">
        <form onSubmit={send} noValidate className="p-6">
          <h2 id="enviar-titulo" className="mb-3 text-2xl font-bold">
            ¿Enviar la solicitud?
          </h2>
          <div id="enviar-texto" className="mb-4 space-y-2">
            <p>
              Se enviará a {service.provider.name} la solicitud de acceso a «{service.name}» ({values.environment ? ENVIRONMENT_LABELS[values.environment] : ""}) en nombre
              de {consumer?.name}.
            </p>
            <p>
              {service.openData
                ? "Es un servicio de datos abiertos: el acuerdo quedará vigente de inmediato, sin revisión ni firmas."
                : AGREEMENT_TRANSITIONS.submit.confirm}
            </p>
          </div>
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={mutation.isPending} aria-busy={mutation.isPending}>
              {mutation.isPending ? "Enviando…" : "Sí, enviar"}
            </Button>
            <Button id="enviar-cancelar" type="button" variant="secondary" onClick={closeConfirm}>
              Cancelar
            </Button>
          </div>
        </form>
      </ModalDialog>
      <form onSubmit={saveDraft} noValidate className="max-w-3xl">
        <FormErrorSummary title={summaryTitle} issues={issues} attempt={attempt} />
        <RequiredNote />

        <FormSection id="seccion-solicitante" title="Quién solicita y para qué ambiente">
          {mode === "create" && consumers.length > 1 ? (
            <SelectField
              id="consumer"
              label={LABELS.consumer}
              required
              value={values.consumer}
              onChange={(e) => set("consumer", e.target.value)}
              errors={errors.consumer}
              help="Las instituciones en que usted puede preparar solicitudes."
            >
              {consumers.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name} ({c.code})
                </option>
              ))}
            </SelectField>
          ) : (
            <p>
              <span className="font-medium">{LABELS.consumer}:</span> {consumer?.name ?? values.consumer}
            </p>
          )}
          <ChoiceGroup
            id="environment"
            type="radio"
            legend={LABELS.environment}
            required
            help="Se parte por desarrollo: producción exige un acuerdo vigente en desarrollo para el mismo servicio."
            errors={errors[`environment-${service.environments[0]}`]}
            options={service.environments.map((env) => ({ value: env, label: ENVIRONMENT_LABELS[env] }))}
            selected={values.environment ? [values.environment] : []}
            onToggle={(v) => set("environment", v as Environment)}
          />
        </FormSection>

        <FormSection id="seccion-uso" title="Uso de los datos">
          <ChoiceGroup
            id="type"
            type="radio"
            legend={LABELS.type}
            required
            errors={errors["type-UNICA_VEZ"]}
            options={TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t], help: TYPE_HELP[t] }))}
            selected={values.type ? [values.type] : []}
            onToggle={(v) => set("type", v as AgreementType)}
          />
          <ChoiceGroup
            id="procedures"
            type="checkbox"
            legend={LABELS.procedures}
            required
            help={
              suggested.length > 0
                ? "Los trámites (registro CPAT) que justifican el acceso. Se marcaron como sugerencia los que, según el catálogo, usan este servicio: deje solo los de su institución."
                : "Los trámites (registro CPAT) que justifican el acceso. Elija al menos uno."
            }
            errors={issues.filter((i) => i.field?.startsWith("procedures-")).map((i) => i.inline)}
            options={procedures.map((p) => ({
              value: p.code,
              label: (
                <>
                  {p.name} <span className="text-sm text-ink-muted">({p.code})</span>
                </>
              ),
              help: [p.suggested ? "Usa este servicio según el catálogo." : null, p.needsConsent ? "Requiere el consentimiento de la persona." : null].filter(Boolean).join(" ") || undefined,
            }))}
            selected={values.procedures}
            onToggle={(v, checked) => set("procedures", checked ? [...values.procedures, v] : values.procedures.filter((c) => c !== v))}
          />
          <TextAreaField
            id="legalBasis"
            label={LABELS.legalBasis}
            required
            rows={4}
            maxLength={2000}
            value={values.legalBasis}
            onChange={(e) => set("legalBasis", e.target.value)}
            errors={errors.legalBasis}
            help="La norma que habilita a su institución a obtener estos datos (ley y artículo, decreto…). 10 a 2.000 caracteres."
          />
        </FormSection>

        <FormSection id="seccion-volumen" title="Volumen y capacidad">
          <ChoiceGroup
            id="mode"
            type="radio"
            legend={LABELS.mode}
            required
            errors={errors["mode-EN_LINEA"]}
            options={MODES.map((m) => ({ value: m, label: MODE_LABELS[m], help: MODE_HELP[m] }))}
            selected={values.mode ? [values.mode] : []}
            onToggle={(v) => set("mode", v as AgreementMode)}
          />
          <div className="grid gap-6 sm:grid-cols-2">
            <TextField
              id="declaredVolume"
              label={LABELS.declaredVolume}
              required
              type="number"
              min={1}
              step={1}
              inputMode="numeric"
              value={values.declaredVolume}
              onChange={(e) => set("declaredVolume", e.target.value)}
              errors={errors.declaredVolume}
              help="Consultas que estima hacer al mes."
            />
            <TextField
              id="requestedTps"
              label={LABELS.requestedTps}
              required
              type="number"
              min={1}
              max={service.tps}
              step={1}
              inputMode="numeric"
              value={values.requestedTps}
              onChange={(e) => set("requestedTps", e.target.value)}
              errors={errors.requestedTps}
              help={`Consultas por segundo que necesita, hasta ${formatNumber(service.tps)} (lo que el servicio compromete).`}
            />
          </div>
          <TextField
            id="requestedUntil"
            label={`${LABELS.requestedUntil} (opcional)`}
            type="date"
            value={values.requestedUntil}
            onChange={(e) => set("requestedUntil", e.target.value)}
            errors={errors.requestedUntil}
            help="Déjela en blanco si el acuerdo no tiene fecha de término."
            className="sm:max-w-xs"
          />
        </FormSection>

        <div className="space-y-4 border-t border-line pt-6">
          {mode === "create" && !canSubmit && consumer && (
            <p className="text-ink-muted">
              Solo un/a administrador/a de {consumer.name} puede enviar la solicitud. Guárdela como borrador y pídale que la revise y la envíe.
            </p>
          )}
          <div className="flex flex-wrap items-center gap-4">
            {canSubmit && (
              <Button id="enviar-solicitud" type="button" onClick={askToSend} disabled={!hydrated || mutation.isPending} aria-haspopup="dialog">
                Enviar solicitud
              </Button>
            )}
            <Button type="submit" variant={canSubmit ? "secondary" : "primary"} disabled={!hydrated || mutation.isPending} aria-busy={mutation.isPending && !confirming}>
              {mutation.isPending && !confirming ? "Guardando…" : mode === "create" ? "Guardar borrador" : "Guardar cambios"}
            </Button>
            <Link href={cancelHref}>Cancelar</Link>
          </div>
        </div>
      </form>

    </>
  );
}
