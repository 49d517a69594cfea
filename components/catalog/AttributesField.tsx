"use client";

import { useState } from "react";
import { useFieldArray, useWatch } from "react-hook-form";
import { ControlledSelect, ControlledText } from "@/components/forms/controlled";
import { FieldError, useFieldErrors } from "@/components/forms/fields";
import { Button } from "@/components/ui/Button";
import { attributeFieldId } from "./form-values";
import { ATTRIBUTE_TYPE_LABELS, ATTRIBUTE_TYPES } from "./labels";

/**
 * The data item's attributes (form value `attributes`): a fieldset per row (name, type,
 * description), rows added and removed with the focus moved and the change announced.
 * `onRemoved` lets the form drop the row-specific messages, which no longer match their rows.
 */
export function AttributesField({ onRemoved }: { onRemoved: () => void }) {
  const { fields, append, remove } = useFieldArray({ name: "attributes" });
  const [announcement, setAnnouncement] = useState("");
  const addErrors = useFieldErrors("attributes-agregar");

  function addRow() {
    const index = fields.length;
    append({ name: "", type: "string", description: "" }, { shouldFocus: false });
    setAnnouncement(`Se agregó el atributo ${index + 1}.`);
    // Focus the new row's name once it exists.
    requestAnimationFrame(() => document.getElementById(attributeFieldId(index, "name"))?.focus());
  }
  function removeRow(index: number) {
    remove(index);
    onRemoved();
    setAnnouncement(`Se quitó el atributo ${index + 1}.`);
    requestAnimationFrame(() => (document.getElementById(attributeFieldId(Math.max(0, index - 1), "name")) ?? document.getElementById("attributes-agregar"))?.focus());
  }

  return (
    <>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      <FieldError id="attributes-agregar" errors={addErrors} />
      <ol className="space-y-4">
        {fields.map((row, i) => (
          <li key={row.id}>
            <AttributeRow index={i} removable={fields.length > 1} onRemove={() => removeRow(i)} />
          </li>
        ))}
      </ol>
      <p className="text-sm text-ink-muted" id="attributes-ayuda">
        Nombres con letras, dígitos, _ . o - (por ejemplo, <code>fechaNacimiento</code>); sin repetir.
      </p>
      <Button id="attributes-agregar" type="button" variant="secondary" onClick={addRow} aria-describedby={addErrors.length ? "attributes-ayuda attributes-agregar-error" : "attributes-ayuda"}>
        Agregar atributo
      </Button>
    </>
  );
}

function AttributeRow({ index, removable, onRemove }: { index: number; removable: boolean; onRemove: () => void }) {
  const name = `attributes.${index}`;
  return (
    <fieldset className="rounded-lg border border-line p-4">
      <legend className="px-1 font-bold">Atributo {index + 1}</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        <ControlledText name={`${name}.name`} id={attributeFieldId(index, "name")} label="Nombre" required autoComplete="off" spellCheck={false} maxLength={80} />
        <ControlledSelect name={`${name}.type`} id={attributeFieldId(index, "type")} label="Tipo" required options={ATTRIBUTE_TYPES.map((t) => ({ value: t, label: ATTRIBUTE_TYPE_LABELS[t] }))} />
        <ControlledText name={`${name}.description`} id={attributeFieldId(index, "description")} label="Descripción" maxLength={500} className="sm:col-span-2" />
      </div>
      {removable && <RemoveButton index={index} name={`${name}.name`} onRemove={onRemove} />}
    </fieldset>
  );
}

/** "Quitar atributo N", naming the attribute for screen readers once it has a name. */
function RemoveButton({ index, name, onRemove }: { index: number; name: string; onRemove: () => void }) {
  const attribute = useWatch({ name }) as string;
  return (
    <button type="button" onClick={onRemove} className="mt-3 rounded border-2 border-primary px-3 py-1 text-sm font-medium text-primary hover:bg-primary-light">
      Quitar atributo {index + 1}
      <span className="sr-only">{attribute ? ` (${attribute})` : ""}</span>
    </button>
  );
}
