import { DataNature, UpdateFrequency } from "@/lib/generated/prisma/enums";
import { ZClassification, ZDataItemCode, ZInstitutionCode, ZLifecycleEventOut, ZLifecycleStatus, ZRun, ZStatusFilter } from "@/lib/fields";
import { z, zDate, zQueryInt, zText } from "@/lib/zod";

export const ZUpdateFrequency = z.enum(UpdateFrequency).meta({ id: "UpdateFrequency" });
export const ZDataNature = z.enum(DataNature).meta({ id: "DataNature", description: "MAESTRO, TRANSACCIONAL, REFERENCIAL o DOCUMENTAL" });

export const ZAttribute = z
  .object({
    name: z.string().min(1, "Indique el nombre del atributo").max(80, "Máximo 80 caracteres").regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, "Nombre de atributo inválido (letras, dígitos, _ . -)"),
    type: z.enum(["string", "integer", "number", "boolean", "date", "date-time", "object", "array"]).meta({ description: "Tipo del atributo" }),
    description: zText().max(500, "Máximo 500 caracteres").trim().default(""),
  })
  .meta({ id: "DataItemAttribute" });

const dataItemFields = {
  name: zText().max(160, "El nombre admite hasta 160 caracteres").trim().min(3, "El nombre debe tener al menos 3 caracteres"),
  description: zText().max(5000, "La descripción admite hasta 5.000 caracteres").trim().min(10, "La descripción debe tener al menos 10 caracteres"),
  attributes: z
    .array(ZAttribute)
    .min(1, "Describa al menos un atributo")
    .max(200)
    .refine((a) => new Set(a.map((x) => x.name)).size === a.length, "Hay atributos con el mismo nombre"),
  classification: ZClassification,
  responsibleRun: ZRun.meta({ description: "RUN del funcionario responsable (miembro de la institución responsable del dato)" }),
  updateFrequency: ZUpdateFrequency,
  lastUpdatedOn: zDate().nullable().default(null).meta({ description: "Fecha de la última actualización" }),
  nature: ZDataNature,
};

export const ZDataItemCreate = z
  .object({ institution: ZInstitutionCode.meta({ description: "Institución responsable del dato" }), code: ZDataItemCode, ...dataItemFields })
  .meta({ id: "DataItemCreate" });
export type TDataItemCreate = z.infer<typeof ZDataItemCreate>;

export const ZDataItemUpdate = z
  .object({
    name: dataItemFields.name,
    description: dataItemFields.description,
    attributes: dataItemFields.attributes,
    classification: dataItemFields.classification,
    responsibleRun: dataItemFields.responsibleRun,
    updateFrequency: dataItemFields.updateFrequency,
    lastUpdatedOn: zDate().nullable(),
    nature: dataItemFields.nature,
  })
  .partial()
  .strict()
  .meta({ id: "DataItemUpdate" });
export type TDataItemUpdate = z.infer<typeof ZDataItemUpdate>;

export const ZDataItemSummary = z
  .object({
    id: z.string().meta({ example: "SRCEI/fecha-nacimiento" }),
    code: z.string(),
    name: z.string(),
    description: z.string(),
    classification: ZClassification,
    status: ZLifecycleStatus,
    steward: z.object({ code: z.string(), name: z.string() }),
    updateFrequency: ZUpdateFrequency,
    servicesCount: z.number().int().meta({ description: "Servicios visibles que lo exponen" }),
    updatedAt: z.string(),
  })
  .meta({ id: "DataItemSummary" });
export type TDataItemSummary = z.infer<typeof ZDataItemSummary>;

export const ZDataItem = ZDataItemSummary.extend({
  attributes: z.array(ZAttribute),
  responsible: z.object({ name: z.string(), run: z.string().optional().meta({ description: "Solo para miembros de la institución responsable" }) }),
  lastUpdatedOn: z.string().nullable(),
  nature: ZDataNature,
  services: z.array(
    z.object({ id: z.string(), name: z.string(), status: ZLifecycleStatus, provider: z.object({ code: z.string(), name: z.string() }), direction: z.enum(["INPUT", "OUTPUT"]) }),
  ),
  createdAt: z.string(),
  events: z.array(ZLifecycleEventOut),
  allowedActions: z.array(z.string()),
}).meta({ id: "DataItem" });
export type TDataItem = z.infer<typeof ZDataItem>;

export const ZDataItemSearchQuery = z.object({
  q: zText().max(200, "La búsqueda admite hasta 200 caracteres").trim().optional().meta({ description: "Texto libre; sin distinguir tildes ni mayúsculas; admite palabras parciales" }),
  steward: ZInstitutionCode.optional().meta({ description: "Institución responsable" }),
  classification: ZClassification.optional(),
  status: ZStatusFilter.optional(),
  sort: z.enum(["relevance", "name", "recent"]).optional(),
  page: zQueryInt(1, 10_000).default(1),
  pageSize: zQueryInt(1, 100).default(20),
});
export type TDataItemSearchQuery = z.infer<typeof ZDataItemSearchQuery>;

export const ZDataItemPage = z
  .object({
    data: z.array(ZDataItemSummary),
    pagination: z.object({ page: z.number().int(), pageSize: z.number().int(), total: z.number().int(), totalPages: z.number().int() }),
  })
  .meta({ id: "DataItemPage" });
export type TDataItemPage = z.infer<typeof ZDataItemPage>;

export const ZDataItemIdParams = z.object({ institution: ZInstitutionCode, code: ZDataItemCode });
