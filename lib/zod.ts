/**
 * zod with Spanish error messages. Import `z` from here, never from "zod" directly, so every
 * message a person sees (forms, API `issues`) is in Spanish.
 */
import { z } from "zod";

z.config(z.locales.es());

export { z };

/**
 * Characters no text a person types may carry: NUL and the other C0 controls (tab, line feed
 * and carriage return aside), DEL and the C1 controls, and the bidirectional embedding, override
 * and isolate characters (U+202A–U+202E, U+2066–U+2069), which make text read differently from
 * how it is stored (a procedure code shown reversed to everyone who reads it).
 */
export const FORBIDDEN_TEXT_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** A UTF-16 surrogate without its pair: not a character, and not encodable in UTF-8. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `value` is not acceptable text, or null when it is. */
export function textProblem(value: string): string | null {
  if (LONE_SURROGATE.test(value)) return "Contiene un carácter inválido (sustituto UTF-16 sin pareja).";
  const m = FORBIDDEN_TEXT_CHARACTERS.exec(value);
  if (!m) return null;
  const cp = m[0].codePointAt(0)!;
  const name = cp >= 0x202a ? "de control de dirección del texto" : "de control";
  return `Contiene un carácter ${name} no permitido (U+${cp.toString(16).toUpperCase().padStart(4, "0")}).`;
}

/**
 * The one text type of every request field a person or a program fills in (names, descriptions,
 * reasons, legal basis, search terms…): a string without the characters above, refused with 422
 * and the field's path. Chain `.trim()`, `.min()`, `.max()`… as on `z.string()`.
 */
export function zText() {
  return z.string().check((ctx) => {
    const problem = textProblem(ctx.value);
    if (problem) ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
  });
}

/**
 * A calendar date (AAAA-MM-DD) between the years 1900 and 2999: `z.iso.date()` also takes the
 * year 0000, which PostgreSQL has no date for, and 9999-12-31 ends (23:59 in Santiago) in the
 * year 10000, which no timestamp holds.
 */
export function zDate() {
  return z.iso
    .date("Fecha inválida (AAAA-MM-DD)")
    .refine((d) => {
      const year = Number(d.slice(0, 4));
      return year >= 1900 && year <= 2999;
    }, "Fecha fuera de rango: el año debe estar entre 1900 y 2999")
    .meta({ format: "date" });
}

/**
 * A whole number in a query string (`?page=2`): digits only, so `2%0B` or ` 2` is refused
 * rather than read as 2 (`z.coerce.number()` trims and takes `1e3`, `0x10`…).
 */
export function zQueryInt(min: number, max: number) {
  return z
    .string()
    .regex(/^[0-9]{1,9}$/, "Debe ser un número entero, solo dígitos")
    .transform(Number)
    .pipe(z.number().int().min(min, `Debe ser al menos ${min}`).max(max, `No puede superar ${max}`));
}
