/** Lower case without diacritics ("María Pinto" → "maria pinto"), for accent-insensitive search. */
export function normalizeForSearch(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}
