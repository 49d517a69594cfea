import { parseRun, RUN_CANONICAL_PATTERN } from "@pisee/node-agent/shared";
import { ZInstitutionCode } from "@/lib/fields";
import { ZEmail } from "@/lib/mail/address";
import { z, zText } from "@/lib/zod";

/**
 * The people of an institution and the platform team (issue 13): who integrates each, with which
 * role, the head of service (a legal role) and the institutional address.
 */

export const RUN_MESSAGES = {
  format: "RUN inválido: escríbalo con su dígito verificador, como 12.345.678-5.",
  check_digit: "El dígito verificador no corresponde a ese RUN: revíselo.",
} as const;

/**
 * A RUN as a person types it (with or without dots, `k` in either case): valid when its check
 * digit is. The service stores it in canonical form (`parseRun`).
 */
export const ZRunInput = zText()
  .max(20, RUN_MESSAGES.format)
  .check((ctx) => {
    const r = parseRun(ctx.value);
    if (!r.ok) ctx.issues.push({ code: "custom", message: RUN_MESSAGES[r.reason], input: ctx.value });
  })
  .meta({ description: "RUN de la persona, con dígito verificador (con o sin puntos)", example: "16.543.210-K" });

/** The canonical RUN of a valid ZRunInput; null when it is not one. */
export function canonicalRun(value: string): string | null {
  const r = parseRun(value);
  return r.ok ? r.run : null;
}

export const ZMemberRole = z
  .enum(["INSTITUTION_STAFF", "INSTITUTION_ADMIN"])
  .meta({ id: "MemberRole", description: "INSTITUTION_STAFF (funcionario/a) o INSTITUTION_ADMIN (administrador/a)" });
export type TMemberRole = z.infer<typeof ZMemberRole>;

export const ZMemberAdd = z
  .object({
    run: ZRunInput,
    role: ZMemberRole,
    email: ZEmail.meta({ description: "Dirección institucional: se le pide confirmarla por un enlace antes de enviarle otros correos", example: "nombre@institucion.cl" }),
  })
  .meta({ id: "MemberAdd" });
export type TMemberAdd = z.infer<typeof ZMemberAdd>;

export const ZMemberUpdate = z
  .object({ role: ZMemberRole.optional(), email: ZEmail.optional() })
  .refine((v) => v.role !== undefined || v.email !== undefined, { message: "Indique el rol o la dirección institucional que cambia." })
  .meta({ id: "MemberUpdate" });
export type TMemberUpdate = z.infer<typeof ZMemberUpdate>;

/**
 * A RUN in a path: the canonical shape (`16543210-K`, no dots). Its check digit is the service's
 * to check (after the body's validation): a RUN with a wrong one names nobody (404).
 */
export const ZRunInPath = z
  .string()
  .regex(RUN_CANONICAL_PATTERN, "RUN inválido (sin puntos, con guion y dígito verificador)")
  .meta({ description: "RUN sin puntos, con guion y dígito verificador", example: "16543210-K" });

/** A member in a path: the institution's code and the person's canonical RUN. */
export const ZMemberParams = z.object({ code: ZInstitutionCode, run: ZRunInPath });
export const ZInstitutionParams = z.object({ code: ZInstitutionCode });

export const ZReason = zText()
  .trim()
  .min(10, "Indique el motivo (al menos 10 caracteres).")
  .max(500, "El motivo admite hasta 500 caracteres.");

export const ZHeadOfServiceSet = z
  .object({
    run: ZRunInput.nullable().meta({ description: "RUN de quien integra la institución y pasa a ser su jefatura de servicio; null la deja sin jefatura" }),
    reason: ZReason.meta({ description: "Motivo (p. ej. el oficio con que la institución lo pidió); queda en el registro de auditoría" }),
  })
  .meta({ id: "HeadOfServiceSet" });
export type THeadOfServiceSet = z.infer<typeof ZHeadOfServiceSet>;

const personFields = {
  run: z.string().meta({ description: "RUN canónico", example: "16543210-K" }),
  givenNames: z.string().meta({ description: "Vacío hasta que la persona ingresa por primera vez con ClaveÚnica" }),
  familyNames: z.string(),
  signedIn: z.boolean().meta({ description: "Si la persona ya ingresó al portal (sus nombres vienen de ClaveÚnica)" }),
};

export const ZMember = z
  .object({
    ...personFields,
    role: ZMemberRole,
    headOfService: z.boolean(),
    email: z.string().nullable().meta({ description: "Dirección institucional" }),
    emailConfirmed: z.boolean(),
    addedAt: z.string().meta({ description: "RFC 3339, UTC" }),
  })
  .meta({ id: "Member" });
export type TMember = z.infer<typeof ZMember>;

export const ZMemberList = z.object({ data: z.array(ZMember) }).meta({ id: "MemberList" });

export const ZPlatformAdmin = z.object(personFields).meta({ id: "PlatformAdmin" });
export type TPlatformAdmin = z.infer<typeof ZPlatformAdmin>;

export const ZPlatformAdminAdd = z
  .object({
    run: ZRunInput,
    reason: zText().trim().max(500, "El motivo admite hasta 500 caracteres.").optional(),
  })
  .meta({ id: "PlatformAdminAdd" });
export type TPlatformAdminAdd = z.infer<typeof ZPlatformAdminAdd>;

export const ZRunParams = z.object({ run: ZRunInPath });

export const ZHeadOfService = z
  .object({ run: z.string().nullable(), previousRun: z.string().nullable() })
  .meta({ id: "HeadOfService" });

export { ZInstitutionCode };
