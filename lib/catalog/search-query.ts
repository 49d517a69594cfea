import { normalizeForSearch } from "@/lib/text/normalize";

const MAX_TERMS = 8;

/**
 * Turns what a person typed into a PostgreSQL tsquery for the `es_unaccent` configuration:
 * every word must match, each as a prefix (so "nacim" finds "nacimiento"), accents and case
 * ignored. Only letters and digits reach the query, so nothing typed can break its syntax.
 * Returns null when nothing searchable remains.
 */
export function toPrefixTsQuery(text: string | undefined): string | null {
  if (!text) return null;
  const terms = normalizeForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, MAX_TERMS);
  if (terms.length === 0) return null;
  return terms.map((t) => `${t}:*`).join(" & ");
}
