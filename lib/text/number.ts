/**
 * Numbers as people in Chile type and read them (es-CL): a decimal comma ("99,9"), a dot between
 * thousands ("5.000"). One parser for every number field of the portal's forms.
 *
 * - A decimal comma and a decimal point are both accepted: "99,9" and "99.9" are 99.9.
 * - In a count (`integer`), dots between groups of three digits are thousands: "5.000" is 5000,
 *   "1.234.567" is 1234567. In a decimal field a single dot is the decimal point ("99.5");
 *   thousands there need both marks ("1.234,5").
 * - Spaces (also the narrow/no-break ones some keyboards and copies put) are ignored at the ends
 *   and between groups.
 * - Empty → undefined; anything else that is not a number → NaN, so the form's checks say so.
 */
export type NumberKind = { integer?: boolean };

const GROUPED = /^\d{1,3}(\.\d{3})+$/;
const PLAIN = /^\d+$/;

export function parseNumber(text: string, { integer = false }: NumberKind = {}): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "");
  if (compact === "") return undefined;
  const sign = compact.startsWith("-") ? -1 : 1;
  const unsigned = compact.replace(/^[-+]/, "");
  const comma = unsigned.lastIndexOf(",");
  let whole: string;
  let fraction = "";
  if (comma >= 0) {
    // A comma is always the decimal mark; dots before it are thousands.
    whole = unsigned.slice(0, comma);
    fraction = unsigned.slice(comma + 1);
    if (whole.includes(".") && !GROUPED.test(whole)) return NaN;
    whole = whole.replaceAll(".", "");
  } else if (integer && GROUPED.test(unsigned)) {
    whole = unsigned.replaceAll(".", "");
  } else {
    const dots = unsigned.split(".");
    if (dots.length > 2) return GROUPED.test(unsigned) ? Number(unsigned.replaceAll(".", "")) * sign : NaN;
    [whole = "", fraction = ""] = dots;
    if (dots.length === 2 && fraction === "") return NaN;
  }
  if (whole === "" && fraction === "") return NaN;
  if ((whole !== "" && !PLAIN.test(whole)) || (fraction !== "" && !PLAIN.test(fraction))) return NaN;
  if (comma >= 0 && fraction === "") return NaN;
  return sign * Number(`${whole || "0"}.${fraction || "0"}`);
}

/**
 * Whether `n` has at most `decimals` decimals, as typed (1.13 has two, although 1.13 × 100 is
 * 112.99999999999999 in floating point).
 */
export function hasAtMostDecimals(n: number, decimals: number): boolean {
  const scaled = n * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

const count = new Intl.NumberFormat("es-CL", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("es-CL", { maximumFractionDigits: 20, useGrouping: false });

/**
 * A number the way a form field shows and prefills it, which `parseNumber` reads back: a count
 * with thousands ("5.000"), a decimal with its comma and no thousands ("99,9", "1234,5").
 */
export function formatNumberInput(n: number | null | undefined, { integer = false }: NumberKind = {}): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "";
  return (integer && Number.isInteger(n) ? count : decimal).format(n);
}
