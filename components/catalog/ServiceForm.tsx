"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { formatRun } from "@pisee/node-agent/shared";
import { Button } from "@/components/ui/Button";
import { APPROVAL_LABELS, ENVIRONMENT_LABELS } from "@/lib/catalog/labels";
import { parseOpenApiInput } from "@/lib/catalog/openapi-parse";
import { ZServiceCreate, ZServiceUpdate, type TService } from "@/lib/catalog/schemas";
import { changedFields, parseNumberInput } from "@/components/forms/form-values";
import type { ProcedureOption, ServiceFormValues } from "./form-values";
import type { ApprovalPolicy } from "@/lib/generated/prisma/enums";
import { sendJson, type Issue } from "@/components/forms/api";
import { DataItemPicker } from "./DataItemPicker";
import { ChoiceGroup, FormSection, RequiredNote, SelectField, TextAreaField, TextField } from "@/components/forms/fields";
import { FormErrorSummary } from "@/components/forms/FormErrorSummary";
import { byField, zodToIssues } from "@/components/forms/issues";
import { useFormIssues } from "@/components/forms/useFormIssues";
import { OpenApiField } from "./OpenApiField";
import { useHydrated } from "@/components/forms/useHydrated";

const EMPTY: ServiceFormValues = {
  code: "",
  major: "1",
  name: "",
  description: "",
  tps: "",
  availability: "",
  approvalPolicy: "MANUAL",
  responsibleRun: "",
  environments: ["dev", "prod"],
  requiresApprovedSchema: false,
  procedures: [],
  inputDataItems: [],
  outputDataItems: [],
  openapi: "",
};

const LABELS: Record<string, string> = {
  code: "Código del servicio",
  major: "Versión mayor",
  name: "Nombre",
  description: "Descripción",
  tps: "Transacciones por segundo (TPS)",
  availability: "Disponibilidad comprometida",
  approvalPolicy: "Aprobación de solicitudes",
  responsibleRun: "Responsable",
  environments: "Ambientes",
  requiresApprovedSchema: "Esquema aprobado",
  procedures: "Trámites",
  inputDataItems: "Datos de entrada",
  outputDataItems: "Datos de salida",
  openapi: "Descripción OpenAPI",
};


/** What the form holds, in the API's shape (before zod's defaults and trimming). */
function payloadOf(v: ServiceFormValues) {
  return {
    name: v.name,
    description: v.description,
    tps: parseNumberInput(v.tps),
    availability: parseNumberInput(v.availability),
    approvalPolicy: v.approvalPolicy,
    responsibleRun: v.responsibleRun || undefined,
    environments: v.environments,
    requiresApprovedSchema: v.requiresApprovedSchema,
    procedures: v.procedures,
    inputDataItems: v.inputDataItems.map((d) => d.id),
    outputDataItems: v.outputDataItems.map((d) => d.id),
    openapi: v.openapi.trim() ? v.openapi : null,
  };
}

/**
 * Creates a service (a draft) or edits one. Validates with the API's own zod schemas before
 * sending; the server's answer (422 issues, 409) lands in the same error summary.
 */
export function ServiceForm({
  mode,
  institution,
  initial,
  responsibles,
  procedures,
  serviceId,
  serviceHref,
  cancelHref,
}: {
  mode: "create" | "edit";
  institution: string;
  initial?: ServiceFormValues;
  responsibles: { run: string; name: string }[];
  procedures: ProcedureOption[];
  /** For edit: the service's id (`SRCEI/codigo/v1`) and its manage page. */
  serviceId?: string;
  serviceHref?: string;
  cancelHref: string;
}) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [values, setValues] = useState<ServiceFormValues>(initial ?? EMPTY);
  const set = <K extends keyof ServiceFormValues>(key: K, value: ServiceFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const fieldOf = (path: string): string | undefined => {
    const [head, index] = path.split(".");
    switch (head) {
      case "code":
      case "major":
      case "name":
      case "description":
      case "tps":
      case "availability":
      case "responsibleRun":
      case "requiresApprovedSchema":
      case "openapi":
      case "inputDataItems":
      case "outputDataItems":
        return head;
      case "dataItems":
        return "outputDataItems";
      case "approvalPolicy":
        return "approvalPolicy-MANUAL";
      case "environments":
        return "environments-dev";
      case "procedures": {
        const code = values.procedures[Number(index)] ?? values.procedures[0] ?? procedures[0]?.code;
        return code ? `procedures-${code}` : undefined;
      }
      default:
        return undefined;
    }
  };
  const labelOf = (field: string) => LABELS[field.split("-")[0]!];

  const { issues, summaryTitle, attempt, showApiError, showIssues, clear } = useFormIssues(fieldOf, labelOf);
  const mutation = useMutation({
    mutationFn: (body: unknown) =>
      mode === "create" ? sendJson<TService>("/api/v1/services", "POST", body) : sendJson<TService>(`/api/v1/services/${serviceId}`, "PATCH", body),
    onSuccess: (service) => {
      router.push(`/institucion/${institution}/servicios/${service.code}/v${service.major}?aviso=${mode === "create" ? "creado" : "guardado"}`);
    },
    onError: (err) => {
      showApiError(err);
    },
  });

  function fail(found: Issue[]) {
    showIssues(found);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (mutation.isPending) return;
    const payload = payloadOf(values);
    const found: Issue[] = [];
    let body: Record<string, unknown>;
    if (mode === "create") {
      const input = { institution, code: values.code.trim(), major: parseNumberInput(values.major), ...payload };
      const parsed = ZServiceCreate.safeParse(input);
      if (!parsed.success) found.push(...zodToIssues(parsed.error, input));
      body = input;
    } else {
      const parsed = ZServiceUpdate.safeParse(payload);
      if (!parsed.success) found.push(...zodToIssues(parsed.error, payload));
      // Only what changed is sent.
      const before = payloadOf(initial ?? EMPTY) as Record<string, unknown>;
      body = changedFields(payload, before);
    }
    // The same reading of the document the server does first (its full validation follows there).
    if (payload.openapi !== null && !found.some((i) => i.path.startsWith("openapi"))) {
      const doc = parseOpenApiInput(payload.openapi);
      if (!doc.ok) found.push(...doc.issues);
    }
    if (found.length) return fail(found);
    if (mode === "edit" && Object.keys(body).length === 0) {
      router.push(`${serviceHref}?aviso=sin-cambios`);
      return;
    }
    clear();
    mutation.mutate(body);
  }

  const errors = byField(issues);
  const responsibleOptions = responsibles.some((r) => r.run === values.responsibleRun) || !values.responsibleRun ? responsibles : [...responsibles, { run: values.responsibleRun, name: "Responsable actual" }];

  return (
    <form onSubmit={submit} noValidate className="max-w-3xl">
      <FormErrorSummary title={summaryTitle} issues={issues} attempt={attempt} />
      <RequiredNote />

      <FormSection id="seccion-identificacion" title="Identificación">
        {mode === "create" ? (
          <div className="grid gap-6 sm:grid-cols-[2fr_1fr]">
            <TextField
              id="code"
              label={LABELS.code}
              required
              value={values.code}
              onChange={(e) => set("code", e.target.value)}
              errors={errors.code}
              autoComplete="off"
              spellCheck={false}
              help={
                <>
                  Minúsculas, dígitos y guiones (por ejemplo, <code>certificado-matrimonio</code>). Será parte del identificador{" "}
                  <code>
                    {institution}/{values.code.trim() || "codigo"}/v{values.major.trim() || "1"}
                  </code>{" "}
                  y no podrá cambiarse.
                </>
              }
            />
            <TextField
              id="major"
              label={LABELS.major}
              required
              type="number"
              min={1}
              max={999}
              step={1}
              inputMode="numeric"
              value={values.major}
              onChange={(e) => set("major", e.target.value)}
              errors={errors.major}
              help="Parte en 1. Un cambio incompatible es una versión nueva."
            />
          </div>
        ) : null}
        <TextField id="name" label={LABELS.name} required value={values.name} onChange={(e) => set("name", e.target.value)} errors={errors.name} maxLength={160} help="Cómo se verá en el catálogo (3 a 160 caracteres)." />
        <TextAreaField
          id="description"
          label={LABELS.description}
          required
          rows={5}
          value={values.description}
          onChange={(e) => set("description", e.target.value)}
          errors={errors.description}
          help="Qué entrega el servicio y para qué sirve, en lenguaje claro (10 a 5.000 caracteres)."
        />
      </FormSection>

      <FormSection
        id="seccion-datos"
        title="Datos que intercambia"
        description="Elija los datos del Directorio de Datos que el servicio recibe y entrega. Para publicar debe tener al menos un dato de salida, y todos sus datos deben estar publicados."
      >
        <DataItemPicker
          id="inputDataItems"
          legend="Datos de entrada"
          help="Lo que la institución consumidora envía en la consulta (por ejemplo, el RUN)."
          errors={errors.inputDataItems}
          selected={values.inputDataItems}
          onChange={(items) => set("inputDataItems", items)}
        />
        <DataItemPicker
          id="outputDataItems"
          legend="Datos de salida"
          help="Lo que el servicio entrega. Si alguno es sensible, cada intercambio exigirá el consentimiento de la persona."
          errors={errors.outputDataItems}
          selected={values.outputDataItems}
          onChange={(items) => set("outputDataItems", items)}
        />
      </FormSection>

      <FormSection id="seccion-openapi" title="Descripción técnica">
        <OpenApiField id="openapi" value={values.openapi} onChange={(t) => set("openapi", t)} errors={errors.openapi} />
      </FormSection>

      <FormSection id="seccion-niveles" title="Niveles de servicio y acceso">
        <div className="grid gap-6 sm:grid-cols-2">
          <TextField
            id="tps"
            label={LABELS.tps}
            required
            type="number"
            min={1}
            max={100000}
            step={1}
            inputMode="numeric"
            value={values.tps}
            onChange={(e) => set("tps", e.target.value)}
            errors={errors.tps}
            help="Consultas por segundo que la institución se compromete a atender (1 a 100.000)."
          />
          <TextField
            id="availability"
            label={`${LABELS.availability} (%)`}
            required
            type="number"
            min={0.01}
            max={100}
            step={0.01}
            inputMode="decimal"
            value={values.availability}
            onChange={(e) => set("availability", e.target.value)}
            errors={errors.availability}
            help="Acuerdo de nivel de servicio (ANS), por ejemplo 99.5. Hasta dos decimales."
          />
        </div>
        <ChoiceGroup
          id="approvalPolicy"
          type="radio"
          legend={LABELS.approvalPolicy}
          required
          help="Quién decide cuando otra institución solicita acceso."
          errors={errors["approvalPolicy-MANUAL"]}
          options={(["MANUAL", "AUTOMATIC"] as const).map((p) => ({
            value: p,
            label: APPROVAL_LABELS[p],
            help: p === "AUTOMATIC" ? "Solo para servicios cuyos datos son todos estadísticos u otros datos abiertos." : undefined,
          }))}
          selected={[values.approvalPolicy]}
          onToggle={(v) => set("approvalPolicy", v as ApprovalPolicy)}
        />
        <ChoiceGroup
          id="environments"
          type="checkbox"
          legend={LABELS.environments}
          required
          help="Elija al menos uno."
          errors={errors["environments-dev"]}
          options={(["dev", "prod"] as const).map((env) => ({ value: env, label: ENVIRONMENT_LABELS[env] }))}
          selected={values.environments}
          onToggle={(v, checked) =>
            set("environments", checked ? (["dev", "prod"] as const).filter((e) => e === v || values.environments.includes(e)) : values.environments.filter((e) => e !== v))
          }
        />
        <ChoiceGroup
          id="requiresApprovedSchema"
          type="checkbox"
          legend={LABELS.requiresApprovedSchema}
          help="Los esquemas se vincularán al servicio cuando exista el Catálogo de Esquemas."
          errors={errors.requiresApprovedSchema}
          options={[{ value: "si", label: "El intercambio exige un esquema aprobado" }]}
          selected={values.requiresApprovedSchema ? ["si"] : []}
          onToggle={(_v, checked) => set("requiresApprovedSchema", checked)}
        />
      </FormSection>

      <FormSection id="seccion-responsable" title="Responsable y trámites">
        <SelectField
          id="responsibleRun"
          label={LABELS.responsibleRun}
          required
          value={values.responsibleRun}
          onChange={(e) => set("responsibleRun", e.target.value)}
          errors={errors.responsibleRun}
          help="Funcionario/a de la institución a cargo del servicio."
        >
          <option value="">Elija una persona</option>
          {responsibleOptions.map((r) => (
            <option key={r.run} value={r.run}>
              {r.name} ({formatRun(r.run)})
            </option>
          ))}
        </SelectField>
        {procedures.length === 0 ? (
          <p className="text-ink-muted">No hay trámites vigentes en el registro para asociar.</p>
        ) : (
          <ChoiceGroup
            id="procedures"
            type="checkbox"
            legend={LABELS.procedures}
            help="Trámites del registro (CPAT) que usan este servicio. Opcional."
            errors={issues.filter((i) => i.field?.startsWith("procedures-")).map((i) => i.inline)}
            options={procedures.map((p) => ({
              value: p.code,
              label: (
                <>
                  {p.name} <span className="text-sm text-ink-muted">({p.code})</span>
                  {p.repealed && <span className="text-sm font-medium text-danger"> · derogado</span>}
                </>
              ),
              help: p.needsConsent ? "Requiere el consentimiento de la persona." : undefined,
            }))}
            selected={values.procedures}
            onToggle={(v, checked) => set("procedures", checked ? [...values.procedures, v] : values.procedures.filter((c) => c !== v))}
          />
        )}
      </FormSection>

      <div className="flex flex-wrap items-center gap-4 border-t border-line pt-6">
        <Button type="submit" disabled={!hydrated || mutation.isPending} aria-busy={mutation.isPending}>
          {mutation.isPending ? "Guardando…" : mode === "create" ? "Crear servicio en borrador" : "Guardar cambios"}
        </Button>
        <Link href={cancelHref}>Cancelar</Link>
      </div>
    </form>
  );
}
