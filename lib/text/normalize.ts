/** Lower case without diacritics ("María Pinto" → "maria pinto"), for accent-insensitive search. */
export function normalizeForSearch(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * `text` as a literal inside a LIKE pattern: `%`, `_` and the escape character itself lose their
 * meaning (PostgreSQL's default escape is the backslash; Prisma's `contains` does not escape).
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
