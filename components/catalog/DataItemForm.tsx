"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { formatRun } from "@pisee/node-agent/shared";
import { Button } from "@/components/ui/Button";
import { CLASSIFICATION_HELP, CLASSIFICATION_LABELS, FREQUENCY_LABELS, NATURE_LABELS } from "@/lib/catalog/labels";
import { ZDataItemCreate, ZDataItemUpdate, type TDataItem } from "@/lib/data-directory/schemas";
import { Classification, DataNature, UpdateFrequency } from "@/lib/generated/prisma/enums";
import { sendJson, type Issue } from "@/components/forms/api";
import { ChoiceGroup, describedBy, FieldError, FormSection, inputClass, RequiredMark, RequiredNote, SelectField, TextAreaField, TextField } from "@/components/forms/fields";
import { FormErrorSummary } from "@/components/forms/FormErrorSummary";
import { byField, zodToIssues } from "@/components/forms/issues";
import { useFormIssues } from "@/components/forms/useFormIssues";
import { changedFields } from "@/components/forms/form-values";
import type { AttributeRow, AttributeType, DataItemFormValues } from "./form-values";
import { ATTRIBUTE_TYPE_LABELS, ATTRIBUTE_TYPES } from "./labels";
import { useHydrated } from "@/components/forms/useHydrated";

const EMPTY: DataItemFormValues = {
  code: "",
  name: "",
  description: "",
  classification: "",
  attributes: [{ name: "", type: "string", description: "" }],
  responsibleRun: "",
  updateFrequency: "",
  lastUpdatedOn: "",
  nature: "",
};

const LABELS: Record<string, string> = {
  code: "Código del dato",
  name: "Nombre",
  description: "Descripción",
  classification: "Clasificación",
  attributes: "Atributos",
  responsibleRun: "Responsable",
  updateFrequency: "Frecuencia de actualización",
  lastUpdatedOn: "Última actualización",
  nature: "Naturaleza del dato",
};

const ATTRIBUTE_PART_LABELS: Record<string, string> = { name: "nombre", type: "tipo", description: "descripción" };

type RowsState = { rows: AttributeRow[]; next: number };

function payloadOf(v: Omit<DataItemFormValues, "attributes">, rows: Omit<AttributeRow, "key">[]) {
  return {
    name: v.name,
    description: v.description,
    classification: v.classification || undefined,
    attributes: rows.map(({ name, type, description }) => ({ name: name.trim(), type, description })),
    responsibleRun: v.responsibleRun || undefined,
    updateFrequency: v.updateFrequency || undefined,
    lastUpdatedOn: v.lastUpdatedOn || null,
    nature: v.nature || undefined,
  };
}

/** Creates a data item (a draft) or edits one, validated with the API's own zod schemas. */
export function DataItemForm({
  mode,
  institution,
  initial,
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
  const hydrated = useHydrated();
  const start = initial ?? EMPTY;
  const [values, setValues] = useState<Omit<DataItemFormValues, "attributes">>(start);
  const [attrs, setAttrs] = useState<RowsState>(() => ({ rows: start.attributes.map((a, i) => ({ ...a, key: i })), next: start.attributes.length }));
  const [announcement, setAnnouncement] = useState("");
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => setValues((v) => ({ ...v, [key]: value }));

  const fieldOf = (path: string): string | undefined => {
    const [head, index, part] = path.split(".");
    switch (head) {
      case "code":
      case "name":
      case "description":
      case "responsibleRun":
      case "updateFrequency":
      case "lastUpdatedOn":
      case "nature":
        return head;
      case "classification":
        return "classification-PERSONAL";
      case "attributes":
        if (index !== undefined && part && ["name", "type", "description"].includes(part)) return `attributes-${index}-${part}`;
        if (index !== undefined) return `attributes-${index}-name`;
        return "attributes-agregar";
      default:
        return undefined;
    }
  };
  const labelOf = (field: string) => {
    const m = /^attributes-(\d+)-(\w+)$/.exec(field);
    if (m) return `Atributo ${Number(m[1]) + 1}, ${ATTRIBUTE_PART_LABELS[m[2]!] ?? m[2]}`;
    return LABELS[field.split("-")[0]!];
  };

  const { issues, summaryTitle, attempt, setIssues, showApiError, showIssues, clear } = useFormIssues(fieldOf, labelOf);
  const mutation = useMutation({
    mutationFn: (body: unknown) => (mode === "create" ? sendJson<TDataItem>("/api/v1/data-items", "POST", body) : sendJson<TDataItem>(`/api/v1/data-items/${itemId}`, "PATCH", body)),
    onSuccess: (item) => router.push(`/institucion/${institution}/datos/${item.code}?aviso=${mode === "create" ? "creado" : "guardado"}`),
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
    const payload = payloadOf(values, attrs.rows);
    let body: Record<string, unknown>;
    let result;
    if (mode === "create") {
      body = { institution, code: values.code.trim(), ...payload };
      result = ZDataItemCreate.safeParse(body);
    } else {
      result = ZDataItemUpdate.safeParse(payload);
      const before = payloadOf(start, start.attributes) as Record<string, unknown>;
      body = changedFields(payload, before);
    }
    if (!result.success) return fail(zodToIssues(result.error, mode === "create" ? body : payload));
    if (mode === "edit" && Object.keys(body).length === 0) {
      router.push(`${itemHref}?aviso=sin-cambios`);
      return;
    }
    clear();
    mutation.mutate(body);
  }

  function updateRow(key: number, patch: Partial<Omit<AttributeRow, "key">>) {
    setAttrs((s) => ({ ...s, rows: s.rows.map((r) => (r.key === key ? { ...r, ...patch } : r)) }));
  }
  function addRow() {
    const index = attrs.rows.length;
    setAttrs((s) => ({ rows: [...s.rows, { key: s.next, name: "", type: "string", description: "" }], next: s.next + 1 }));
    setAnnouncement(`Se agregó el atributo ${index + 1}.`);
    // Focus the new row's name once it exists.
    requestAnimationFrame(() => document.getElementById(`attributes-${index}-name`)?.focus());
  }
  function removeRow(key: number, index: number) {
    setAttrs((s) => ({ ...s, rows: s.rows.filter((r) => r.key !== key) }));
    // Row-specific messages no longer match their rows.
    setIssues((list) => list.filter((i) => !i.field?.startsWith("attributes-")));
    setAnnouncement(`Se quitó el atributo ${index + 1}.`);
    requestAnimationFrame(() => (document.getElementById(`attributes-${Math.max(0, index - 1)}-name`) ?? document.getElementById("attributes-agregar"))?.focus());
  }

  const errors = byField(issues);
  const responsibleOptions = responsibles.some((r) => r.run === values.responsibleRun) || !values.responsibleRun ? responsibles : [...responsibles, { run: values.responsibleRun, name: "Responsable actual" }];

  return (
    <form onSubmit={submit} noValidate className="max-w-3xl">
      <FormErrorSummary title={summaryTitle} issues={issues} attempt={attempt} />
      <RequiredNote />

      <FormSection id="seccion-identificacion" title="Identificación">
        {mode === "create" && (
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
                Minúsculas, dígitos y guiones (por ejemplo, <code>fecha-defuncion</code>). Su identificador será{" "}
                <code>
                  {institution}/{values.code.trim() || "codigo"}
                </code>{" "}
                y no podrá cambiarse.
              </>
            }
          />
        )}
        <TextField id="name" label={LABELS.name} required value={values.name} onChange={(e) => set("name", e.target.value)} errors={errors.name} maxLength={160} help="Cómo se verá en el Directorio de Datos (3 a 160 caracteres)." />
        <TextAreaField
          id="description"
          label={LABELS.description}
          required
          rows={4}
          value={values.description}
          onChange={(e) => set("description", e.target.value)}
          errors={errors.description}
          help="Qué es el dato, de dónde proviene y su alcance (10 a 5.000 caracteres)."
        />
      </FormSection>

      <FormSection id="seccion-clasificacion" title="Clasificación">
        <ChoiceGroup
          id="classification"
          type="radio"
          legend={LABELS.classification}
          required
          help="Determina quién puede obtener el dato y si se requiere el consentimiento de la persona."
          errors={errors["classification-PERSONAL"]}
          options={Object.values(Classification).map((c) => ({
            value: c,
            label: c === "SENSIBLE" ? <strong>{CLASSIFICATION_LABELS[c]} (requiere consentimiento)</strong> : CLASSIFICATION_LABELS[c],
            help: CLASSIFICATION_HELP[c],
          }))}
          selected={values.classification ? [values.classification] : []}
          onToggle={(v) => set("classification", v as Classification)}
        />
      </FormSection>

      <FormSection id="seccion-atributos" title="Atributos" description="Los campos que componen el dato, con su tipo. Al menos uno.">
        <p role="status" className="sr-only">
          {announcement}
        </p>
        <FieldError id="attributes-agregar" errors={errors["attributes-agregar"]} />
        <ol className="space-y-4">
          {attrs.rows.map((row, i) => {
            const ids = { name: `attributes-${i}-name`, type: `attributes-${i}-type`, description: `attributes-${i}-description` };
            const nameErrors = errors[ids.name];
            return (
              <li key={row.key}>
                <fieldset className="rounded-lg border border-line p-4">
                  <legend className="px-1 font-bold">Atributo {i + 1}</legend>
                  <div className="grid gap-4 sm:grid-cols-2">
                    <div>
                      <label htmlFor={ids.name} className="block font-medium">
                        Nombre
                        <RequiredMark />
                      </label>
                      <FieldError id={ids.name} errors={nameErrors} />
                      <input
                        id={ids.name}
                        value={row.name}
                        onChange={(e) => updateRow(row.key, { name: e.target.value })}
                        required
                        autoComplete="off"
                        spellCheck={false}
                        maxLength={80}
                        aria-invalid={!!nameErrors?.length || undefined}
                        aria-describedby={describedBy(ids.name, false, nameErrors)}
                        className={inputClass(!!nameErrors?.length)}
                      />
                    </div>
                    <div>
                      <label htmlFor={ids.type} className="block font-medium">
                        Tipo
                        <RequiredMark />
                      </label>
                      <FieldError id={ids.type} errors={errors[ids.type]} />
                      <select
                        id={ids.type}
                        value={row.type}
                        onChange={(e) => updateRow(row.key, { type: e.target.value as AttributeType })}
                        required
                        aria-invalid={!!errors[ids.type]?.length || undefined}
                        aria-describedby={describedBy(ids.type, false, errors[ids.type])}
                        className={inputClass(!!errors[ids.type]?.length)}
                      >
                        {ATTRIBUTE_TYPES.map((t) => (
                          <option key={t} value={t}>
                            {ATTRIBUTE_TYPE_LABELS[t]}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="sm:col-span-2">
                      <label htmlFor={ids.description} className="block font-medium">
                        Descripción
                      </label>
                      <FieldError id={ids.description} errors={errors[ids.description]} />
                      <input
                        id={ids.description}
                        value={row.description}
                        onChange={(e) => updateRow(row.key, { description: e.target.value })}
                        maxLength={500}
                        aria-invalid={!!errors[ids.description]?.length || undefined}
                        aria-describedby={describedBy(ids.description, false, errors[ids.description])}
                        className={inputClass(!!errors[ids.description]?.length)}
                      />
                    </div>
                  </div>
                  {attrs.rows.length > 1 && (
                    <button type="button" onClick={() => removeRow(row.key, i)} className="mt-3 rounded border-2 border-primary px-3 py-1 text-sm font-medium text-primary hover:bg-primary-light">
                      Quitar atributo {i + 1}
                      <span className="sr-only">{row.name ? ` (${row.name})` : ""}</span>
                    </button>
                  )}
                </fieldset>
              </li>
            );
          })}
        </ol>
        <p className="text-sm text-ink-muted" id="attributes-ayuda">
          Nombres con letras, dígitos, _ . o - (por ejemplo, <code>fechaNacimiento</code>); sin repetir.
        </p>
        <Button id="attributes-agregar" type="button" variant="secondary" onClick={addRow} aria-describedby={errors["attributes-agregar"] ? "attributes-ayuda attributes-agregar-error" : "attributes-ayuda"}>
          Agregar atributo
        </Button>
      </FormSection>

      <FormSection id="seccion-gestion" title="Gestión del dato">
        <SelectField
          id="responsibleRun"
          label={LABELS.responsibleRun}
          required
          value={values.responsibleRun}
          onChange={(e) => set("responsibleRun", e.target.value)}
          errors={errors.responsibleRun}
          help="Funcionario/a de la institución a cargo del dato."
        >
          <option value="">Elija una persona</option>
          {responsibleOptions.map((r) => (
            <option key={r.run} value={r.run}>
              {r.name} ({formatRun(r.run)})
            </option>
          ))}
        </SelectField>
        <div className="grid gap-6 sm:grid-cols-2">
          <SelectField id="updateFrequency" label={LABELS.updateFrequency} required value={values.updateFrequency} onChange={(e) => set("updateFrequency", e.target.value as UpdateFrequency)} errors={errors.updateFrequency}>
            <option value="">Elija una frecuencia</option>
            {Object.values(UpdateFrequency).map((f) => (
              <option key={f} value={f}>
                {FREQUENCY_LABELS[f]}
              </option>
            ))}
          </SelectField>
          <TextField
            id="lastUpdatedOn"
            label={LABELS.lastUpdatedOn}
            type="date"
            value={values.lastUpdatedOn}
            onChange={(e) => set("lastUpdatedOn", e.target.value)}
            errors={errors.lastUpdatedOn}
            help="Fecha de la última actualización de la fuente. Opcional."
          />
        </div>
        <SelectField id="nature" label={LABELS.nature} required value={values.nature} onChange={(e) => set("nature", e.target.value as DataNature)} errors={errors.nature} help="Maestro: registro de referencia de personas u objetos; transaccional: hechos y movimientos; referencial: tablas y códigos; documental: documentos.">
          <option value="">Elija la naturaleza</option>
          {Object.values(DataNature).map((n) => (
            <option key={n} value={n}>
              {NATURE_LABELS[n]}
            </option>
          ))}
        </SelectField>
      </FormSection>

      <div className="flex flex-wrap items-center gap-4 border-t border-line pt-6">
        <Button type="submit" disabled={!hydrated || mutation.isPending} aria-busy={mutation.isPending}>
          {mutation.isPending ? "Guardando…" : mode === "create" ? "Crear dato en borrador" : "Guardar cambios"}
        </Button>
        <Link href={cancelHref}>Cancelar</Link>
      </div>
    </form>
  );
}
