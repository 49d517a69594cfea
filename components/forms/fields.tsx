"use client";

import { createContext, use, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import type { FormIssue } from "./issues";

/** Form building blocks: a visible label, help and error messages tied to the control. */

/**
 * The problems of the form a field is in (what its error summary lists): a field without an
 * `errors` prop shows those whose `field` is its id.
 */
export const FormIssuesContext = createContext<readonly FormIssue[]>([]);

/** The inline messages for the field `id`; with `group`, also for its options (`${id}-…`). */
export function useFieldErrors(id: string, group = false): string[] {
  return use(FormIssuesContext)
    .filter((i) => i.field === id || (group && i.field?.startsWith(`${id}-`)))
    .map((i) => i.inline);
}

export const inputClass = (invalid: boolean) =>
  `mt-1 w-full rounded border bg-white px-3 py-2 ${invalid ? "border-2 border-danger" : "border-ink-muted"}`;

export function RequiredMark() {
  return (
    <span aria-hidden="true" className="ml-1 font-bold text-danger">
      *
    </span>
  );
}

export function RequiredNote() {
  return (
    <p className="mb-6 text-sm text-ink-muted">
      Los campos marcados con <span className="font-bold text-danger">*</span> son obligatorios.
    </p>
  );
}

/** The ids an input points to with aria-describedby (help first, then the error). */
export function describedBy(id: string, help: boolean, errors: readonly string[] | undefined): string | undefined {
  const ids = [help ? `${id}-ayuda` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function Help({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={`${id}-ayuda`} className="mt-1 text-sm text-ink-muted">
      {children}
    </p>
  );
}

export function FieldError({ id, errors }: { id: string; errors: readonly string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <div id={`${id}-error`} className="mt-1 font-medium text-danger">
      {errors.map((e) => (
        <p key={e}>
          <span className="sr-only">Error: </span>
          {e}
        </p>
      ))}
    </div>
  );
}

type Common = { id: string; label: ReactNode; required?: boolean; help?: ReactNode; errors?: readonly string[] };

/**
 * A labelled control: the label (with its required mark), the help and the errors above the
 * control, which `control` renders with the attributes that tie it to them.
 */
function Labelled({
  id,
  label,
  required,
  help,
  errors,
  className = "",
  control,
}: Common & {
  className?: string;
  control: (props: { id: string; name: string; required?: boolean; "aria-invalid"?: true; "aria-describedby"?: string; className: string }) => ReactNode;
}) {
  const fromForm = useFieldErrors(id);
  const shown = errors ?? fromForm;
  const invalid = shown.length > 0;
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-medium">
        {label}
        {required && <RequiredMark />}
      </label>
      {help && <Help id={id}>{help}</Help>}
      <FieldError id={id} errors={shown} />
      {control({ id, name: id, required, "aria-invalid": invalid || undefined, "aria-describedby": describedBy(id, !!help, shown), className: inputClass(invalid) })}
    </div>
  );
}

export function TextField({ id, label, required, help, errors, className, ...input }: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "id">) {
  return <Labelled {...{ id, label, required, help, errors, className }} control={(props) => <input {...props} {...input} />} />;
}

export function TextAreaField({
  id,
  label,
  required,
  help,
  errors,
  className,
  ref,
  ...input
}: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> & { ref?: Ref<HTMLTextAreaElement> }) {
  return <Labelled {...{ id, label, required, help, errors, className }} control={(props) => <textarea ref={ref} {...props} {...input} />} />;
}

export function SelectField({ id, label, required, help, errors, className, children, ...select }: Common & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id">) {
  return (
    <Labelled
      {...{ id, label, required, help, errors, className }}
      control={(props) => (
        <select {...props} {...select}>
          {children}
        </select>
      )}
    />
  );
}

export type ChoiceOption = { value: string; label: ReactNode; help?: ReactNode };

/**
 * Radio buttons or checkboxes in a fieldset with its legend. The first option's id is
 * `${id}-${value}`, which is where the error summary links to; without an `errors` prop it
 * shows the form's problems for any of its options.
 */
export function ChoiceGroup({
  id,
  legend,
  required,
  help,
  errors,
  type,
  options,
  selected,
  onToggle,
}: {
  id: string;
  legend: ReactNode;
  required?: boolean;
  help?: ReactNode;
  errors?: readonly string[];
  type: "radio" | "checkbox";
  options: ChoiceOption[];
  selected: readonly string[];
  onToggle: (value: string, checked: boolean) => void;
}) {
  const fromForm = useFieldErrors(id, true);
  const shown = errors ?? fromForm;
  const invalid = shown.length > 0;
  return (
    <fieldset aria-describedby={describedBy(id, !!help, shown)} className={invalid ? "rounded border-l-4 border-danger pl-3" : ""}>
      <legend className="font-medium">
        {legend}
        {required && <RequiredMark />}
      </legend>
      {help && <Help id={id}>{help}</Help>}
      <FieldError id={id} errors={shown} />
      <ul className="mt-2 space-y-2">
        {options.map((o) => {
          const optionId = `${id}-${o.value}`;
          return (
            <li key={o.value} className="flex items-start gap-2">
              <input
                id={optionId}
                type={type}
                name={id}
                value={o.value}
                checked={selected.includes(o.value)}
                onChange={(e) => onToggle(o.value, e.target.checked)}
                aria-invalid={invalid || undefined}
                aria-describedby={o.help ? `${optionId}-ayuda` : undefined}
                className="mt-1.5 h-5 w-5 shrink-0 accent-primary"
              />
              <div>
                <label htmlFor={optionId}>{o.label}</label>
                {o.help && (
                  <p id={`${optionId}-ayuda`} className="text-sm text-ink-muted">
                    {o.help}
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** A form section with a heading. */
export function FormSection({ id, title, children, description }: { id: string; title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-10 border-t border-line pt-6">
      <h2 id={id} className="mb-1 text-2xl font-bold">
        {title}
      </h2>
      {description && <p className="mb-4 text-ink-muted">{description}</p>}
      <div className="space-y-6">{children}</div>
    </section>
  );
}
