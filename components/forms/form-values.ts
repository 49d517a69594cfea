/** Reading what a form holds into what the API takes (usable on the server too). */
import { parseNumber, type NumberKind } from "@/lib/text/number";

/**
 * A number typed in a form field, es-CL or not ("99,9" and "99.9"; "5.000" in a count, `integer`);
 * empty → undefined, not a number → NaN. See lib/text/number.ts.
 */
export function parseNumberInput(s: string, kind?: NumberKind): number | undefined {
  return parseNumber(s, kind);
}

/** What an edit form sends: only the fields whose value differs from the one it started with. */
export function changedFields(now: Record<string, unknown>, before: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(now).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k])));
}
