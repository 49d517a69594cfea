/** Reading what a form holds into what the API takes (usable on the server too). */

/** A number typed in a form field (a decimal comma is accepted); empty → undefined. */
export function parseNumberInput(s: string): number | undefined {
  return s.trim() === "" ? undefined : Number(s.trim().replace(",", "."));
}

/** What an edit form sends: only the fields whose value differs from the one it started with. */
export function changedFields(now: Record<string, unknown>, before: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(now).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k])));
}
