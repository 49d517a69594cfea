/**
 * What the full-text index of each catalog entry covers (the migration builds a Spanish,
 * accent-free tsvector over it, names weighted higher). Shared by the services and the seed.
 */
type Named = { code: string; name: string };

export function serviceSearchText(s: { id: string; code: string; description: string }, provider: Named, dataItemNames: string[], procedureNames: string[]): string {
  return [s.id, s.code.replace(/-/g, " "), s.description, provider.name, provider.code, ...dataItemNames, ...procedureNames].join(" ");
}

export function dataItemSearchText(d: { id: string; code: string; description: string; attributes: { name: string; description: string }[] }, steward: Named): string {
  return [d.id, d.code.replace(/-/g, " "), d.description, steward.name, steward.code, ...d.attributes.flatMap((a) => [a.name, a.description])].join(" ");
}

export function procedureSearchText(p: { code: string; description: string; originatingLaw: string }, institution: Named): string {
  return [p.code, p.description, p.originatingLaw, institution.name, institution.code].join(" ");
}
