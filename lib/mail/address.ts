import { z, zText } from "@/lib/zod";

/**
 * An e-mail address a person types: one mailbox (`local@domain`), at most 254 characters, a
 * domain with a dot and no spaces, controls or angle brackets (RFC 5321 limits; the HTML5
 * `type=email` grammar, which is what the form's field checks too). Stored as typed, trimmed.
 */
export const EMAIL_PATTERN = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isEmailAddress(value: string): boolean {
  if (value.length > 254) return false;
  const at = value.lastIndexOf("@");
  if (at < 1 || at > 64) return false;
  return EMAIL_PATTERN.test(value);
}

export const ZEmail = zText()
  .trim()
  .max(254, "La dirección de correo es demasiado larga (máximo 254 caracteres).")
  .refine(isEmailAddress, "La dirección de correo no es válida: escríbala como nombre@institucion.cl.")
  .meta({ description: "Dirección de correo electrónico (nombre@dominio)", example: "nombre@institucion.cl" });

/** Two addresses name the same mailbox for the portal's purposes (the domain is case-insensitive; so, in practice, is the rest). */
export function sameAddress(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
}

export { z };
