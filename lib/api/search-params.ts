import type { z } from "@/lib/zod";

type RawParams = Record<string, string | string[] | undefined>;

/**
 * Parses a page's search params with the same zod schema as the API. Invalid fields are
 * reported (for the page's error summary) and dropped, so the page still shows results.
 */
export function parseSearchParams<S extends z.ZodType>(
  schema: S,
  raw: RawParams,
): { value: z.output<S>; issues: { field: string; message: string }[] } {
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined && first !== "") flat[k] = first;
  }
  const first = schema.safeParse(flat);
  if (first.success) return { value: first.data, issues: [] };
  const issues = first.error.issues.map((i) => ({ field: String(i.path[0] ?? ""), message: i.message }));
  for (const i of issues) delete flat[i.field];
  const second = schema.safeParse(flat);
  if (!second.success) throw second.error;
  return { value: second.data, issues };
}
