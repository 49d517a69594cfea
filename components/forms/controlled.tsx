"use client";

import type { ComponentProps, JSXElementConstructor, ReactNode } from "react";
import { useController } from "react-hook-form";
import { ChoiceGroup, SelectField, TextAreaField, TextField } from "./fields";

/**
 * The fields of fields.tsx bound to the react-hook-form value `name` of the form around them
 * (ApiForm's FormProvider). The id defaults to the name; errors come from the form's summary.
 */
type Bound = { name: string; id?: string };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component: only its props are read
type Unbound<C extends JSXElementConstructor<any>> = Omit<ComponentProps<C>, "id" | "value" | "onChange" | "selected" | "onToggle">;

export function ControlledText({ name, id = name, ...props }: Bound & Unbound<typeof TextField>) {
  const { field } = useController({ name });
  return <TextField id={id} {...props} value={field.value as string} onChange={field.onChange} />;
}

/**
 * A number, typed as text the way people in Chile write it ("99,9", "5.000") and read by the form
 * with parseNumberInput (lib/text/number.ts): a count (step 1) or a decimal (a smaller step). Not
 * `type="number"`: the browser would drop a decimal comma ("99,9" became 999). `min`, `max` and
 * `step` are the API's checks, said in the hint; the field itself takes any text.
 */
export function ControlledNumber({
  step = 1,
  min: _min,
  max: _max,
  ...props
}: Bound & Omit<Unbound<typeof TextField>, "type" | "inputMode" | "step" | "min" | "max"> & { step?: number; min?: number; max?: number }) {
  return <ControlledText {...props} type="text" inputMode={Number.isInteger(step) ? "numeric" : "decimal"} autoComplete="off" spellCheck={false} />;
}

export function ControlledTextArea({ name, id = name, ...props }: Bound & Unbound<typeof TextAreaField>) {
  const { field } = useController({ name });
  return <TextAreaField id={id} {...props} value={field.value as string} onChange={field.onChange} />;
}

/** A select of `options`, after a first empty one saying what to choose (`placeholder`) when given. */
export function ControlledSelect({
  name,
  id = name,
  placeholder,
  options,
  ...props
}: Bound & Omit<Unbound<typeof SelectField>, "children"> & { placeholder?: string; options: readonly { value: string; label: ReactNode }[] }) {
  const { field } = useController({ name });
  return (
    <SelectField id={id} {...props} value={field.value as string} onChange={field.onChange}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </SelectField>
  );
}

/**
 * Radio buttons for a string value, checkboxes for a list of values (added in the order they
 * are checked, or kept in the options' order with `inOptionOrder`), or one checkbox for a boolean.
 */
export function ControlledChoices({ name, id = name, inOptionOrder, ...props }: Bound & { inOptionOrder?: boolean } & Unbound<typeof ChoiceGroup>) {
  const { field } = useController({ name });
  const value: unknown = field.value;
  const all = props.options.map((o) => o.value);
  if (Array.isArray(value)) {
    const list = value as string[];
    const toggle = (v: string, checked: boolean) =>
      field.onChange(checked ? (inOptionOrder ? all.filter((o) => o === v || list.includes(o)) : [...list, v]) : list.filter((o) => o !== v));
    return <ChoiceGroup id={id} {...props} selected={list} onToggle={toggle} />;
  }
  if (typeof value === "boolean") return <ChoiceGroup id={id} {...props} selected={value ? all.slice(0, 1) : []} onToggle={(_v, checked) => field.onChange(checked)} />;
  return <ChoiceGroup id={id} {...props} selected={value ? [value as string] : []} onToggle={(v) => field.onChange(v)} />;
}
