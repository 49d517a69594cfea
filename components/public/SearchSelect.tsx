/** A labelled select of a GET search form; the empty option means "no filter". */
export function SearchSelect({
  id,
  label,
  value,
  options,
  allLabel = "Todos",
}: {
  id: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  allLabel?: string | null;
}) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <select id={id} name={id} defaultValue={value ?? ""} className="mt-1 w-full rounded border border-ink-muted bg-white px-3 py-2">
        {allLabel !== null && <option value="">{allLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Builds a page's URL from its current filters (dropping empty ones and the defaults). */
export function hrefWith(base: string, params: Record<string, string | number | boolean | undefined>, defaults: Record<string, string | number> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === "" || defaults[k] === v) continue;
    p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `${base}?${s}` : base;
}
