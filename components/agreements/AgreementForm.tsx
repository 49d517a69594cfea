"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useWatch } from "react-hook-form";
import { ApiForm, useApiForm } from "@/components/forms/ApiForm";
import { isErrorCode, sendJson } from "@/components/forms/api";
import { ControlledChoices, ControlledNumber, ControlledSelect, ControlledText, ControlledTextArea } from "@/components/forms/controlled";
import { FormSection } from "@/components/forms/fields";
import { apiResolver } from "@/components/forms/resolver";
import { useHydrated } from "@/components/forms/useHydrated";
import { Button } from "@/components/ui/Button";
import { ZAgreementCreate, ZAgreementUpdate, type TAgreement } from "@/lib/agreements/schemas";
import { ENVIRONMENT_LABELS } from "@/lib/catalog/labels";
import { formatNumber } from "@/lib/format";
import type { AgreementMode, AgreementType } from "@/lib/generated/prisma/enums";
import { AGREEMENT_LABELS as LABELS, agreementFieldOf, agreementPayload as fieldsOf, requestedTpsIssues, sortProcedureOptions } from "./form-values";
import type { AgreementFormService, AgreementFormValues, AgreementProcedureOption, ConsumerOption } from "./form-values";
import { MODE_HELP, MODE_LABELS, TYPE_HELP, TYPE_LABELS } from "./labels";
import { SendRequestDialog } from "./SendRequestDialog";

const TYPES: AgreementType[] = ["UNICA_VEZ", "SERVICIO", "PERMANENTE"];
const MODES: AgreementMode[] = ["EN_LINEA", "LOTE"];

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
  existing = [],
}: {
  mode: "create" | "edit";
  service: AgreementFormService;
  /** Institutions the person may request for (create), or the agreement's consumer (edit). */
  consumers: ConsumerOption[];
  procedures: AgreementProcedureOption[];
  initial: AgreementFormValues;
  agreementId?: string;
  cancelHref: string;
  /** The active requests of the person's institutions for this service (where a duplicate leads). */
  existing?: readonly { id: string; number: string; environment: string; consumer: { code: string } }[];
}) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [confirming, setConfirming] = useState(false);
  const [duplicate, setDuplicate] = useState<{ message: string; href: string; label: string } | null>(null);
  const duplicateRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (duplicate) duplicateRef.current?.focus();
  }, [duplicate]);
  const createBody = (v: AgreementFormValues, submit: boolean) => ({ consumer: v.consumer, service: service.id, ...fieldsOf(v), submit });
  const tooManyTps = (v: AgreementFormValues) => requestedTpsIssues(v, service.tps);

  const api = useApiForm({
    defaultValues: initial,
    resolver: mode === "create" ? apiResolver(ZAgreementCreate, (v) => createBody(v, false), { more: tooManyTps }) : apiResolver(ZAgreementUpdate, fieldsOf, { more: tooManyTps }),
    fieldOf: (path, v) => agreementFieldOf(path, v, { consumers, service, procedures }),
    labelOf: (field) => LABELS[field.split("-")[0]!],
    send: (body) => (mode === "create" ? sendJson<TAgreement>("/api/v1/agreements", "POST", body) : sendJson<TAgreement>(`/api/v1/agreements/${agreementId}`, "PATCH", body)),
    onSent: (a, body) => {
      const notice = mode === "edit" ? "guardado" : !body.submit ? "creado" : a.status === "VIGENTE" ? "vigente" : "enviado";
      router.push(`/acuerdos/${a.id}?aviso=${notice}`);
    },
    onError: (err, summary) => {
      setConfirming(false);
      if (mode === "create" && isErrorCode(err, "duplicate_request")) {
        // Not a problem of a field: the way on is the request that exists.
        summary.clear();
        const { consumer: code, environment } = api.form.getValues();
        const found = existing.find((request) => request.consumer.code === code && request.environment === environment);
        setDuplicate({ message: err.message, href: found ? `/acuerdos/${found.id}` : `/institucion/${code}/acuerdos?bandeja=enviadas`, label: found ? `Ver la solicitud ${found.number}` : "Ver las solicitudes enviadas por su institución" });
        return;
      }
      summary.showApiError(err, mode === "create" ? "No se pudo registrar la solicitud" : "No se pudo guardar");
    },
  });
  const pending = api.mutation.isPending;
  const consumerCode = useWatch({ control: api.form.control, name: "consumer" });
  const consumer = consumers.find((c) => c.code === consumerCode);
  const canSubmit = mode === "create" && !!consumer?.canSubmit;
  const orderedProcedures = sortProcedureOptions(procedures, consumerCode);

  const saveDraft = api.submit((v) => {
    setDuplicate(null);
    return mode === "create" ? api.send(createBody(v, false)) : api.sendChanges(fieldsOf(v), fieldsOf(initial), cancelHref);
  });
  const askToSend = api.submit(() => {
    setDuplicate(null);
    api.summary.clear();
    api.mutation.reset();
    setConfirming(true);
  });
  const send = api.submit((values) => api.mutation.mutate(createBody(values, true)));
  function closeConfirm() {
    setConfirming(false);
    document.getElementById("enviar-solicitud")?.focus();
  }

  return (
    <>
      {/* Before the form: when sending fails, the dialog closes (its effect) before the summary takes the focus (the form's). */}
      <SendRequestDialog open={confirming} service={service} environment={api.form.getValues("environment")} consumer={consumer?.name} pending={pending} onConfirm={send} onCancel={closeConfirm} />
      {duplicate && (
        <div ref={duplicateRef} tabIndex={-1} role="alert" aria-labelledby="titulo-duplicada" className="mb-6 rounded border-l-4 border-warning bg-warning-light p-4">
          <p id="titulo-duplicada" className="font-bold">
            Ya existe una solicitud activa
          </p>
          <p>{duplicate.message}</p>
          <p className="mt-2">
            <Link href={duplicate.href} className="font-medium">
              {duplicate.label}
            </Link>
          </p>
        </div>
      )}
      <ApiForm api={api} onSubmit={saveDraft}>
        <FormSection id="seccion-solicitante" title="Quién solicita y para qué ambiente">
          {mode === "create" && consumers.length > 1 ? (
            <ControlledSelect
              name="consumer"
              label={LABELS.consumer}
              required
              help="Las instituciones en que usted puede preparar solicitudes."
              options={consumers.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
            />
          ) : (
            <p>
              <span className="font-medium">{LABELS.consumer}:</span> {consumer?.name ?? consumerCode}
            </p>
          )}
          <ControlledChoices
            name="environment"
            type="radio"
            legend={LABELS.environment}
            required
            help="Se parte por desarrollo: producción exige un acuerdo vigente en desarrollo para el mismo servicio."
            options={service.environments.map((env) => ({ value: env, label: ENVIRONMENT_LABELS[env] }))}
          />
        </FormSection>

        <FormSection id="seccion-uso" title="Uso de los datos">
          <ControlledChoices name="type" type="radio" legend={LABELS.type} required options={TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t], help: TYPE_HELP[t] }))} />
          <ControlledChoices
            name="procedures"
            type="checkbox"
            legend={LABELS.procedures}
            required
            help={`Los trámites (registro CPAT) que justifican el acceso. Primero los de ${consumer?.name ?? "su institución"}; se marcaron los suyos que, según el catálogo, usan este servicio. Los de otras instituciones no justifican el acceso de la suya.`}
            options={orderedProcedures.map((p) => ({
              value: p.code,
              label: (
                <>
                  {p.name} <span className="text-sm text-ink-muted">({p.code})</span>
                </>
              ),
              help:
                [
                  p.institution.code && p.institution.code !== consumerCode ? `De ${p.institution.name}.` : null,
                  p.suggested ? "Usa este servicio según el catálogo." : null,
                  p.needsConsent ? "Requiere el consentimiento de la persona." : null,
                ]
                  .filter(Boolean)
                  .join(" ") || undefined,
            }))}
          />
          <ControlledTextArea
            name="legalBasis"
            label={LABELS.legalBasis}
            required
            rows={4}
            maxLength={2000}
            help="La norma que habilita a su institución a obtener estos datos (ley y artículo, decreto…). 10 a 2.000 caracteres."
          />
        </FormSection>

        <FormSection id="seccion-volumen" title="Volumen y capacidad">
          <ControlledChoices name="mode" type="radio" legend={LABELS.mode} required options={MODES.map((m) => ({ value: m, label: MODE_LABELS[m], help: MODE_HELP[m] }))} />
          <div className="grid gap-6 sm:grid-cols-2">
            <ControlledNumber name="declaredVolume" label={LABELS.declaredVolume} required min={1} help="Consultas que estima hacer al mes." />
            <ControlledNumber
              name="requestedTps"
              label={LABELS.requestedTps}
              required
              min={1}
              max={service.tps}
              help={`Consultas por segundo que necesita, hasta ${formatNumber(service.tps)} (lo que el servicio compromete).`}
            />
          </div>
          <ControlledText
            name="requestedUntil"
            label={`${LABELS.requestedUntil} (opcional)`}
            type="date"
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
              <Button id="enviar-solicitud" type="button" onClick={askToSend} disabled={!hydrated || pending} aria-haspopup="dialog">
                Enviar solicitud
              </Button>
            )}
            <Button type="submit" variant={canSubmit ? "secondary" : "primary"} disabled={!hydrated || pending} aria-busy={pending && !confirming}>
              {pending && !confirming ? "Guardando…" : mode === "create" ? "Guardar borrador" : "Guardar cambios"}
            </Button>
            <Link href={cancelHref}>Cancelar</Link>
          </div>
        </div>
      </ApiForm>
    </>
  );
}
