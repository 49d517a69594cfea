/**
 * RUN (Rol Único Nacional), Chile's personal identifier: a number and a modulo-11
 * check digit. The canonical form used everywhere in the network (PROTOCOL.md §1) is
 * digits without dots or leading zeros, a hyphen and the check digit, `K` upper case:
 * `12345678-5`.
 */

export const RUN_CANONICAL_PATTERN = /^[1-9]\d{0,7}-[\dK]$/;
const MAX_RUN_NUMBER = 99_999_999;

export type RunParts = { numero: number; dv: string };

export type RunParseError = "format" | "check_digit";

export type RunParseResult =
  | { ok: true; run: string; numero: number; dv: string }
  | { ok: false; reason: RunParseError };

/** The check digit of a RUN number: weights 2..7 from the right, 11 - (sum mod 11); 11 → 0, 10 → K. */
export function computeRunCheckDigit(numero: number): string {
  if (!Number.isInteger(numero) || numero < 1 || numero > MAX_RUN_NUMBER) {
    throw new RangeError("El número de RUN debe ser un entero entre 1 y 99.999.999");
  }
  let sum = 0;
  let weight = 2;
  for (let n = numero; n > 0; n = Math.floor(n / 10)) {
    sum += (n % 10) * weight;
    weight = weight === 7 ? 2 : weight + 1;
  }
  const dv = 11 - (sum % 11);
  if (dv === 11) return "0";
  if (dv === 10) return "K";
  return String(dv);
}

/**
 * Parses a RUN as people write it: with or without dots, with or without the hyphen,
 * `k` in either case, surrounding spaces. Returns the canonical form or why it failed.
 */
export function parseRun(input: string): RunParseResult {
  const compact = input.trim().replace(/[.\s]/g, "").toUpperCase();
  const m = /^(\d{1,8})-?([\dK])$/.exec(compact);
  if (!m) return { ok: false, reason: "format" };
  const numero = Number(m[1]);
  if (numero < 1) return { ok: false, reason: "format" };
  const dv = m[2]!;
  if (computeRunCheckDigit(numero) !== dv) return { ok: false, reason: "check_digit" };
  return { ok: true, run: `${numero}-${dv}`, numero, dv };
}

/** Builds the canonical RUN from ClaveÚnica's `RolUnico` parts, validating the check digit. */
export function runFromParts(numero: number | string, dv: string): RunParseResult {
  const n = typeof numero === "number" ? numero : Number(String(numero).trim());
  if (!Number.isInteger(n) || n < 1 || n > MAX_RUN_NUMBER) return { ok: false, reason: "format" };
  return parseRun(`${n}-${String(dv).trim()}`);
}

/** True when `value` is a RUN in canonical form with a valid check digit. */
export function isCanonicalRun(value: string): boolean {
  if (!RUN_CANONICAL_PATTERN.test(value)) return false;
  const r = parseRun(value);
  return r.ok && r.run === value;
}

/** `12345678-5` → `12.345.678-5`, the way a RUN is shown to people. */
export function formatRun(run: string): string {
  const r = parseRun(run);
  if (!r.ok) return run;
  return `${r.numero.toLocaleString("es-CL").replace(/,/g, ".")}-${r.dv}`;
}
