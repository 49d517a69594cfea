import { ApiError, type Issue } from "./api";

/**
 * One problem shown to the person: `message` in the summary (naming the field, linking to
 * `field`), `inline` next to the field itself.
 */
export type FormIssue = { field?: string; message: string; inline: string };

/**
 * Turns the issues found in the browser (apiResolver's, through errorsToIssues) or the API's into
 * form issues. `fieldOf` maps an issue path (`name`, `outputDataItems.0`, `openapi.paths./a.get`)
 * to the id of the field that holds it, and `labelOf` names that field in the summary.
 */
export function toFormIssues(issues: Issue[], fieldOf: (path: string) => string | undefined, labelOf: (field: string) => string | undefined): FormIssue[] {
  const out: FormIssue[] = [];
  const seen = new Set<string>();
  for (const i of issues) {
    const field = fieldOf(i.path);
    const label = field ? labelOf(field) : undefined;
    const message = label && !i.message.startsWith("En ") ? `${label}: ${i.message}` : i.message;
    const key = `${field}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ field, message, inline: i.message });
  }
  return out;
}

/** The summary's title and issues for an error answered by the API (or a network failure). */
export function apiErrorToSummary(
  err: unknown,
  fieldOf: (path: string) => string | undefined,
  labelOf: (field: string) => string | undefined,
  failedTitle = "No se pudo guardar",
): { title: string; issues: FormIssue[] } {
  if (err instanceof ApiError) {
    if (err.status === 422 && err.issues.length) {
      const generic = err.message === "Los datos enviados no son válidos.";
      return { title: generic ? "Hay problemas con los datos ingresados" : err.message, issues: toFormIssues(err.issues, fieldOf, labelOf) };
    }
    return { title: failedTitle, issues: [{ message: err.message, inline: err.message }] };
  }
  return { title: failedTitle, issues: [{ message: "Ocurrió un error inesperado. Intente nuevamente.", inline: "" }] };
}

/** Issues grouped by field id, for the messages next to each field. */
export function byField(issues: FormIssue[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const i of issues) if (i.field) (out[i.field] ??= []).push(i.inline);
  return out;
}
