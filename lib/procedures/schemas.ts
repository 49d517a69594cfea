import { ProcedureStatus } from "@/lib/generated/prisma/enums";
import { ZLifecycleEventOut, ZProcedureCode } from "@/lib/fields";
import { ZInstitutionCode } from "@/lib/fields";
import { z, zQueryInt, zText } from "@/lib/zod";

export const ZProcedureStatus = z.enum(ProcedureStatus).meta({ id: "ProcedureStatus" });

const fields = {
  name: zText().max(200, "El nombre admite hasta 200 caracteres").trim().min(3, "El nombre debe tener al menos 3 caracteres"),
  description: zText().max(5000, "La descripción admite hasta 5.000 caracteres").trim().default(""),
  originatingLaw: zText().max(300).trim().min(3, "Indique la norma que origina el trámite").meta({ description: "Norma que origina el trámite", example: "Ley 18.290, de Tránsito" }),
  needsInteroperability: z.boolean().meta({ description: "Si el trámite requiere datos de otras instituciones" }),
  needsConsent: z.boolean().meta({ description: "Si requiere el consentimiento de la persona (datos sensibles)" }),
};

export const ZProcedureCreate = z
  .object({ code: ZProcedureCode, institution: ZInstitutionCode.meta({ description: "Institución responsable del trámite" }), ...fields })
  .meta({ id: "ProcedureCreate" });
export type TProcedureCreate = z.infer<typeof ZProcedureCreate>;

export const ZProcedureUpdate = z
  .object({
    name: fields.name,
    description: fields.description.removeDefault(),
    originatingLaw: fields.originatingLaw,
    needsInteroperability: fields.needsInteroperability,
    needsConsent: fields.needsConsent,
  })
  .partial()
  .strict()
  .meta({ id: "ProcedureUpdate" });
export type TProcedureUpdate = z.infer<typeof ZProcedureUpdate>;

export const ZProcedure = z
  .object({
    code: z.string(),
    name: z.string(),
    description: z.string(),
    institution: z.object({ code: z.string(), name: z.string() }),
    originatingLaw: z.string(),
    needsInteroperability: z.boolean(),
    needsConsent: z.boolean(),
    status: ZProcedureStatus,
    servicesCount: z.number().int(),
    events: z.array(ZLifecycleEventOut).optional(),
    allowedActions: z.array(z.string()).optional(),
  })
  .meta({ id: "Procedure" });
export type TProcedure = z.infer<typeof ZProcedure>;

export const ZProcedureSearchQuery = z.object({
  q: zText().max(200, "La búsqueda admite hasta 200 caracteres").trim().optional(),
  institution: ZInstitutionCode.optional(),
  status: ZProcedureStatus.optional(),
  page: zQueryInt(1, 10_000).default(1),
  pageSize: zQueryInt(1, 100).default(50),
});
export type TProcedureSearchQuery = z.infer<typeof ZProcedureSearchQuery>;

export const ZProcedurePage = z
  .object({
    data: z.array(ZProcedure),
    pagination: z.object({ page: z.number().int(), pageSize: z.number().int(), total: z.number().int(), totalPages: z.number().int() }),
  })
  .meta({ id: "ProcedurePage" });
