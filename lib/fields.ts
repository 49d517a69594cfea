import { INSTITUTION_CODE_PATTERN, isCanonicalRun, SERVICE_ID_PATTERN, SERVICE_NAME_PATTERN, SERVICE_VERSION_PATTERN } from "@pisee/node-agent/shared";
import { Classification, Environment, LifecycleStatus } from "@/lib/generated/prisma/enums";
import { z, zText } from "@/lib/zod";

/**
 * Fields several domains share (institutions, catalog, data directory, procedures, agreements,
 * nodes), each defined once. Identifiers are built from the network's own patterns
 * (`@pisee/node-agent/shared`, PROTOCOL.md §1), so the portal and every node agree on them.
 */

/** A data item's or a service's code within its institution: the same slug (PROTOCOL.md §1). */
const CODE_SOURCE = SERVICE_NAME_PATTERN.source.slice(1, -1);
const INSTITUTION_SOURCE = INSTITUTION_CODE_PATTERN.source.slice(1, -1);

export const ZInstitutionCode = z
  .string()
  .regex(INSTITUTION_CODE_PATTERN, "Código de institución inválido (mayúsculas, dígitos y guiones; 2 a 32 caracteres)")
  .meta({ description: "Código de la institución (PROTOCOL.md §1)", example: "SRCEI" });

export const ZEnvironment = z.enum(Environment).meta({ id: "Environment" });

export const ZRun = z
  .string()
  .refine(isCanonicalRun, "RUN inválido: use el formato 12345678-5, con dígito verificador correcto")
  .meta({ description: "RUN sin puntos, con guion y dígito verificador", example: "12345678-5" });

export const ZServiceCode = z
  .string()
  .regex(SERVICE_NAME_PATTERN, "Código inválido: minúsculas, dígitos y guiones; 2 a 64 caracteres, sin empezar con guion")
  .meta({ description: "Código del servicio dentro de la institución", example: "certificado-nacimiento" });

export const ZDataItemCode = ZServiceCode.meta({ description: "Código del dato dentro de la institución", example: "fecha-nacimiento" });

/** `v` and the major version, as in a service id. */
export const ZServiceVersion = z.string().regex(SERVICE_VERSION_PATTERN, "Versión inválida (v1, v2…)").meta({ example: "v1" });

export const ZServiceRef = z
  .string()
  .regex(SERVICE_ID_PATTERN, "Identificador de servicio inválido (INSTITUCION/codigo/vN)")
  .meta({ description: "Identificador de un servicio: `{institución}/{código}/v{versión mayor}` (PROTOCOL.md §1)", example: "SRCEI/certificado-nacimiento/v1" });

export const ZDataItemRef = z
  .string()
  .regex(new RegExp(`^${INSTITUTION_SOURCE}/${CODE_SOURCE}$`), "Identificador de dato inválido (INSTITUCION/codigo)")
  .meta({ description: "Identificador de un dato del directorio: `{institución}/{código}`", example: "SRCEI/fecha-nacimiento" });

export const ZProcedureCode = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, "Código de trámite inválido (mayúsculas, dígitos y guiones)")
  .meta({ description: "Código del trámite en el registro (CPAT)", example: "CPAT-MUN-0101" });

export const ZClassification = z.enum(Classification).meta({ id: "Classification", description: "Clasificación del dato" });

export const ZLifecycleStatus = z.enum(LifecycleStatus).meta({ id: "LifecycleStatus", description: "Estado: DRAFT (borrador), PUBLISHED, DEPRECATED (obsoleto), RETIRED" });

/** A listing's status filter: one status, or ALL (every status; drafts only of one's own institutions). */
export const ZStatusFilter = z
  .enum(["DRAFT", "PUBLISHED", "DEPRECATED", "RETIRED", "ALL"] satisfies (LifecycleStatus | "ALL")[])
  .meta({ description: "Por omisión: publicados y obsoletos. Un estado, o ALL para todos; los borradores (DRAFT) solo de sus instituciones" });

/** An action of a lifecycle table (services, data items, procedures) with its reason. */
export const ZTransitionRequest = z
  .object({
    action: zText().min(1).max(64).meta({ description: "Acción de la tabla de transiciones (p. ej. publish, deprecate, retire)" }),
    reason: zText().max(2000, "El motivo admite hasta 2.000 caracteres").trim().optional(),
  })
  .meta({ id: "TransitionRequest" });
export type TTransitionRequest = z.infer<typeof ZTransitionRequest>;

/** One entry of a lifecycle's history. */
export const ZLifecycleEventOut = z
  .object({
    action: z.string(),
    from: z.string().nullable(),
    to: z.string(),
    actor: z.string().nullable().meta({ description: "Nombre de quien actuó" }),
    reason: z.string().nullable(),
    at: z.string().meta({ description: "RFC 3339, UTC" }),
  })
  .meta({ id: "LifecycleEvent" });
