import { zodResolver } from "@hookform/resolvers/zod";
import { get, set, type FieldError, type FieldErrors, type FieldValues, type Resolver, type ResolverOptions } from "react-hook-form";
import type { z } from "@/lib/zod";
import type { Issue } from "./api";

const isEmpty = (v: unknown) => v === undefined || v === null || v === "" || (typeof v === "number" && Number.isNaN(v));

/**
 * zod's own words for a value left empty name the type it expected ("se esperaba número,
 * recibido indefinido"); a form says it plainly. Schema messages (`min(3, "…")`) still win.
 */
function plainWhenEmpty(issue: { code?: string; input?: unknown }): string | undefined {
  if (!isEmpty(issue.input)) return undefined;
  if (issue.code === "invalid_value") return "Elija una opción.";
  if (issue.code === "invalid_type") return "Complete este campo.";
  return undefined;
}

export type ApiResolverOptions<V> = {
  /** Checks the schema cannot make (a limit that depends on the page): issues by API path, each added when zod found nothing under its first segment. */
  more?: (values: V) => Issue[];
  /** Text fields (API paths) that say "Complete este campo." when left blank, whatever the schema's pattern says. */
  blankIsMissing?: readonly string[];
};

/**
 * A react-hook-form resolver that validates what the form would send, `toInput(values)`, with the
 * API's own zod schema (through @hookform/resolvers' zodResolver), so the browser and the server
 * refuse the same things with the same words. Errors are keyed by API path (`tps`,
 * `attributes.0.name`, `terms.documentId`); `errorsToIssues` turns them back into a list in
 * the order zod found them, for the error summary.
 */
export function apiResolver<V extends FieldValues>(schema: z.ZodType, toInput: (values: V) => unknown, options: ApiResolverOptions<V> = {}): Resolver<V> {
  const validate = zodResolver(schema as z.ZodType<unknown, FieldValues>, { error: plainWhenEmpty });
  return async (values, context, resolverOptions) => {
    const input = toInput(values) as FieldValues;
    const { errors } = await validate(input, context, resolverOptions as unknown as ResolverOptions<FieldValues>);
    for (const path of options.blankIsMissing ?? []) {
      const error = get(errors, path) as FieldError | undefined;
      const value: unknown = get(input, path);
      if (error && (typeof value !== "string" || !value.trim())) error.message = "Complete este campo.";
    }
    const found = new Set(Object.keys(errors));
    for (const extra of options.more?.(values) ?? []) {
      if (!found.has(extra.path.split(".")[0]!)) set(errors, extra.path, { type: "custom", message: extra.message });
    }
    return Object.keys(errors).length ? { values: {}, errors: errors as FieldErrors<V> } : { values, errors: {} };
  };
}

/** A resolver for checks of the form's own (no schema): the issues `check` finds, by path. */
export function checkResolver<V extends FieldValues>(check: (values: V) => Issue[]): Resolver<V> {
  return async (values) => {
    const errors: FieldErrors = {};
    for (const issue of check(values)) if (!get(errors, issue.path)) set(errors, issue.path, { type: "custom", message: issue.message });
    return Object.keys(errors).length ? { values: {}, errors: errors as FieldErrors<V> } : { values, errors: {} };
  };
}

/** The errors react-hook-form reports, flattened back to `{ path, message }` in the order they were found. */
export function errorsToIssues(errors: FieldErrors, prefix = ""): Issue[] {
  const out: Issue[] = [];
  for (const [key, node] of Object.entries(errors)) {
    if (!node || typeof node !== "object" || key === "ref") continue;
    // An array's own error (`attributes`: a repeated name) sits in `root` beside its items' errors.
    const path = key === "root" ? prefix.slice(0, -1) : `${prefix}${key}`;
    const error = node as Partial<FieldError>;
    if (typeof error.message === "string" && typeof error.type === "string") out.push({ path, message: error.message });
    else out.push(...errorsToIssues(node as FieldErrors, `${path}.`));
  }
  return out;
}
