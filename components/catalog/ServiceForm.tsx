"use client";

import { useRouter } from "next/navigation";
import { ApiForm, SubmitRow, useApiForm } from "@/components/forms/ApiForm";
import { sendJson } from "@/components/forms/api";
import { CodeField } from "@/components/forms/CodeField";
import { ControlledChoices, ControlledNumber, ControlledText, ControlledTextArea } from "@/components/forms/controlled";
import { FormSection } from "@/components/forms/fields";
import { parseNumberInput } from "@/components/forms/form-values";
import { apiResolver } from "@/components/forms/resolver";
import { APPROVAL_LABELS, ENVIRONMENT_LABELS } from "@/lib/catalog/labels";
import { parseOpenApiInput } from "@/lib/catalog/openapi-parse";
import { ZServiceCreate, ZServiceUpdate, type TService } from "@/lib/catalog/schemas";
import { DataItemPicker } from "./DataItemPicker";
import { EMPTY_SERVICE, SERVICE_LABELS as LABELS, serviceFieldOf, servicePayload as payloadOf, type ProcedureOption, type ServiceFormValues } from "./form-values";
import { OpenApiField } from "./OpenApiField";
import { ResponsibleSelect } from "./ResponsibleSelect";

/** The same reading of the document the server does first (its full validation follows there). */
function openApiIssues(v: ServiceFormValues) {
  const doc = v.openapi.trim() ? parseOpenApiInput(v.openapi) : null;
  return doc && !doc.ok ? doc.issues : [];
}

/**
 * Creates a service (a draft) or edits one. Validates with the API's own zod schemas before
 * sending; the server's answer (422 issues, 409) lands in the same error summary.
 */
export function ServiceForm({
  mode,
  institution,
  initial = EMPTY_SERVICE,
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
  const createBody = (v: ServiceFormValues) => ({ institution, code: v.code.trim(), major: parseNumberInput(v.major, { integer: true }), ...payloadOf(v) });
  const api = useApiForm({
    defaultValues: initial,
    resolver: mode === "create" ? apiResolver(ZServiceCreate, createBody, { more: openApiIssues }) : apiResolver(ZServiceUpdate, payloadOf, { more: openApiIssues }),
    fieldOf: (path, v) => serviceFieldOf(path, v, procedures),
    labelOf: (field) => LABELS[field.split("-")[0]!],
    send: (body) => (mode === "create" ? sendJson<TService>("/api/v1/services", "POST", body) : sendJson<TService>(`/api/v1/services/${serviceId}`, "PATCH", body)),
    onSent: (service) => router.push(`/institucion/${institution}/servicios/${service.code}/v${service.major}?aviso=${mode === "create" ? "creado" : "guardado"}`),
  });

  const onSubmit = api.submit((v) => (mode === "create" ? api.send(createBody(v)) : api.sendChanges(payloadOf(v), payloadOf(initial), serviceHref!)));

  return (
    <ApiForm api={api} onSubmit={onSubmit}>
      <FormSection id="seccion-identificacion" title="Identificación">
        {mode === "create" ? (
          <div className="grid gap-6 sm:grid-cols-[2fr_1fr]">
            <CodeField
              name="code"
              label={LABELS.code}
              example="certificado-matrimonio"
              partOf
              identifier={(v) => `${institution}/${v.code.trim() || "codigo"}/v${v.major.trim() || "1"}`}
            />
            <ControlledNumber name="major" label={LABELS.major} required min={1} max={999} help="Parte en 1. Un cambio incompatible es una versión nueva." />
          </div>
        ) : null}
        <ControlledText name="name" label={LABELS.name} required maxLength={160} help="Cómo se verá en el catálogo (3 a 160 caracteres)." />
        <ControlledTextArea name="description" label={LABELS.description} required rows={5} help="Qué entrega el servicio y para qué sirve, en lenguaje claro (10 a 5.000 caracteres)." />
      </FormSection>

      <FormSection
        id="seccion-datos"
        title="Datos que intercambia"
        description="Elija los datos del Directorio de Datos que el servicio recibe y entrega. Para publicar debe tener al menos un dato de salida, y todos sus datos deben estar publicados."
      >
        <DataItemPicker id="inputDataItems" legend="Datos de entrada" help="Lo que la institución consumidora envía en la consulta (por ejemplo, el RUN)." />
        <DataItemPicker
          id="outputDataItems"
          legend="Datos de salida"
          help="Lo que el servicio entrega. Si alguno es sensible, cada intercambio exigirá el consentimiento de la persona."
        />
      </FormSection>

      <FormSection id="seccion-openapi" title="Descripción técnica">
        <OpenApiField id="openapi" />
      </FormSection>

      <FormSection id="seccion-niveles" title="Niveles de servicio y acceso">
        <div className="grid gap-6 sm:grid-cols-2">
          <ControlledNumber name="tps" label={LABELS.tps} required min={1} max={100000} help="Consultas por segundo que la institución se compromete a atender (1 a 100.000)." />
          <ControlledNumber
            name="availability"
            label={`${LABELS.availability} (%)`}
            required
            min={0.01}
            max={100}
            step={0.01}
            help="Acuerdo de nivel de servicio (ANS), por ejemplo 99,5. Hasta dos decimales."
          />
        </div>
        <ControlledChoices
          name="approvalPolicy"
          type="radio"
          legend={LABELS.approvalPolicy}
          required
          help="Quién decide cuando otra institución solicita acceso."
          options={(["MANUAL", "AUTOMATIC"] as const).map((p) => ({
            value: p,
            label: APPROVAL_LABELS[p],
            help: p === "AUTOMATIC" ? "Solo para servicios cuyos datos son todos estadísticos u otros datos abiertos." : undefined,
          }))}
        />
        <ControlledChoices
          name="environments"
          type="checkbox"
          inOptionOrder
          legend={LABELS.environments}
          required
          help="Elija al menos uno."
          options={(["dev", "prod"] as const).map((env) => ({ value: env, label: ENVIRONMENT_LABELS[env] }))}
        />
        <ControlledChoices
          name="requiresApprovedSchema"
          type="checkbox"
          legend={LABELS.requiresApprovedSchema}
          help="Los esquemas se vincularán al servicio cuando exista el Catálogo de Esquemas."
          options={[{ value: "si", label: "El intercambio exige un esquema aprobado" }]}
        />
      </FormSection>

      <FormSection id="seccion-responsable" title="Responsable y trámites">
        <ResponsibleSelect responsibles={responsibles} help="Funcionario/a de la institución a cargo del servicio." />
        {procedures.length === 0 ? (
          <p className="text-ink-muted">No hay trámites vigentes en el registro para asociar.</p>
        ) : (
          <ControlledChoices
            name="procedures"
            type="checkbox"
            legend={LABELS.procedures}
            help="Trámites del registro (CPAT) que usan este servicio. Opcional."
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
          />
        )}
      </FormSection>

      <SubmitRow pending={api.mutation.isPending} label={mode === "create" ? "Crear servicio en borrador" : "Guardar cambios"} cancelHref={cancelHref} />
    </ApiForm>
  );
}
