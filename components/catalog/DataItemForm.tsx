"use client";

import { useRouter } from "next/navigation";
import { ApiForm, SubmitRow, useApiForm } from "@/components/forms/ApiForm";
import { sendJson } from "@/components/forms/api";
import { CodeField } from "@/components/forms/CodeField";
import { ControlledChoices, ControlledSelect, ControlledText, ControlledTextArea } from "@/components/forms/controlled";
import { FormSection } from "@/components/forms/fields";
import { apiResolver } from "@/components/forms/resolver";
import { CLASSIFICATION_HELP, CLASSIFICATION_LABELS, FREQUENCY_LABELS, NATURE_LABELS } from "@/lib/catalog/labels";
import { ZDataItemCreate, ZDataItemUpdate, type TDataItem } from "@/lib/data-directory/schemas";
import { Classification, DataNature, UpdateFrequency } from "@/lib/generated/prisma/enums";
import { AttributesField } from "./AttributesField";
import { DATA_ITEM_LABELS as LABELS, dataItemFieldOf, dataItemLabelOf, dataItemPayload as payloadOf, EMPTY_DATA_ITEM, type DataItemFormValues } from "./form-values";
import { ResponsibleSelect } from "./ResponsibleSelect";

/** Creates a data item (a draft) or edits one, validated with the API's own zod schemas. */
export function DataItemForm({
  mode,
  institution,
  initial = EMPTY_DATA_ITEM,
  responsibles,
  itemId,
  itemHref,
  cancelHref,
}: {
  mode: "create" | "edit";
  institution: string;
  initial?: DataItemFormValues;
  responsibles: { run: string; name: string }[];
  /** For edit: the item's id (`SRCEI/codigo`) and its manage page. */
  itemId?: string;
  itemHref?: string;
  cancelHref: string;
}) {
  const router = useRouter();
  const createBody = (v: DataItemFormValues) => ({ institution, code: v.code.trim(), ...payloadOf(v) });
  const api = useApiForm({
    defaultValues: initial,
    resolver: mode === "create" ? apiResolver(ZDataItemCreate, createBody) : apiResolver(ZDataItemUpdate, payloadOf),
    fieldOf: dataItemFieldOf,
    labelOf: dataItemLabelOf,
    send: (body) => (mode === "create" ? sendJson<TDataItem>("/api/v1/data-items", "POST", body) : sendJson<TDataItem>(`/api/v1/data-items/${itemId}`, "PATCH", body)),
    onSent: (item) => router.push(`/institucion/${institution}/datos/${item.code}?aviso=${mode === "create" ? "creado" : "guardado"}`),
  });

  const onSubmit = api.submit((v) => (mode === "create" ? api.send(createBody(v)) : api.sendChanges(payloadOf(v), payloadOf(initial), itemHref!)));

  return (
    <ApiForm api={api} onSubmit={onSubmit}>
      <FormSection id="seccion-identificacion" title="Identificación">
        {mode === "create" && <CodeField name="code" label={LABELS.code} example="fecha-defuncion" identifier={(v) => `${institution}/${v.code.trim() || "codigo"}`} />}
        <ControlledText name="name" label={LABELS.name} required maxLength={160} help="Cómo se verá en el Directorio de Datos (3 a 160 caracteres)." />
        <ControlledTextArea name="description" label={LABELS.description} required rows={4} help="Qué es el dato, de dónde proviene y su alcance (10 a 5.000 caracteres)." />
      </FormSection>

      <FormSection id="seccion-clasificacion" title="Clasificación">
        <ControlledChoices
          name="classification"
          type="radio"
          legend={LABELS.classification}
          required
          help="Determina quién puede obtener el dato y si se requiere el consentimiento de la persona."
          options={Object.values(Classification).map((c) => ({
            value: c,
            label: c === "SENSIBLE" ? <strong>{CLASSIFICATION_LABELS[c]} (requiere consentimiento)</strong> : CLASSIFICATION_LABELS[c],
            help: CLASSIFICATION_HELP[c],
          }))}
        />
      </FormSection>

      <FormSection id="seccion-atributos" title="Atributos" description="Los campos que componen el dato, con su tipo. Al menos uno.">
        <AttributesField onRemoved={() => api.summary.setIssues((list) => list.filter((i) => !i.field?.startsWith("attributes-")))} />
      </FormSection>

      <FormSection id="seccion-gestion" title="Gestión del dato">
        <ResponsibleSelect responsibles={responsibles} help="Funcionario/a de la institución a cargo del dato." />
        <div className="grid gap-6 sm:grid-cols-2">
          <ControlledSelect
            name="updateFrequency"
            label={LABELS.updateFrequency}
            required
            placeholder="Elija una frecuencia"
            options={Object.values(UpdateFrequency).map((f) => ({ value: f, label: FREQUENCY_LABELS[f] }))}
          />
          <ControlledText name="lastUpdatedOn" label={LABELS.lastUpdatedOn} type="date" help="Fecha de la última actualización de la fuente. Opcional." />
        </div>
        <ControlledSelect
          name="nature"
          label={LABELS.nature}
          required
          help="Maestro: registro de referencia de personas u objetos; transaccional: hechos y movimientos; referencial: tablas y códigos; documental: documentos."
          placeholder="Elija la naturaleza"
          options={Object.values(DataNature).map((n) => ({ value: n, label: NATURE_LABELS[n] }))}
        />
      </FormSection>

      <SubmitRow pending={api.mutation.isPending} label={mode === "create" ? "Crear dato en borrador" : "Guardar cambios"} cancelHref={cancelHref} />
    </ApiForm>
  );
}
