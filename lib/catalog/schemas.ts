import { SERVICE_MAJOR_MAX } from "@pisee/node-agent/shared";
import { ApprovalPolicy } from "@/lib/generated/prisma/enums";
import { ZClassification, ZDataItemRef, ZEnvironment, ZLifecycleEventOut, ZLifecycleStatus, ZProcedureCode, ZRun, ZServiceCode, ZServiceVersion, ZStatusFilter } from "@/lib/fields";
import { ZInstitutionCode } from "@/lib/fields";
import { hasAtMostDecimals } from "@/lib/text/number";
import { z, zQueryInt, zText } from "@/lib/zod";

export const ZApprovalPolicy = z.enum(ApprovalPolicy).meta({ id: "ApprovalPolicy", description: "MANUAL, o AUTOMATIC para datos abiertos (el acuerdo queda vigente al solicitarlo)" });
/** An OpenAPI 3.x document: an object, or its JSON/YAML text. Validated by the service. */
export const ZOpenApiInput = z
  .union([z.record(z.string(), z.unknown()), zText().max(900_000, "El documento OpenAPI es demasiado grande (máximo 900 KB)")])
  .meta({ description: "Descripción OpenAPI 3.0 o 3.1 del servicio (objeto, o texto JSON/YAML); se valida al guardar" });

const serviceFields = {
  name: zText().max(160, "El nombre admite hasta 160 caracteres").trim().min(3, "El nombre debe tener al menos 3 caracteres"),
  description: zText().max(5000, "La descripción admite hasta 5.000 caracteres").trim().min(10, "La descripción debe tener al menos 10 caracteres"),
  tps: z.number().int("Debe ser un número entero").min(1, "Debe ser al menos 1").max(100_000, "Máximo 100.000").meta({ description: "Transacciones por segundo comprometidas" }),
  availability: z
    .number()
    .gt(0, "Debe ser mayor que 0")
    .max(100, "No puede superar 100")
    .refine((n) => hasAtMostDecimals(n, 2), "Use a lo más dos decimales")
    .meta({ description: "Disponibilidad comprometida (ANS), en %", example: 99.5 }),
  approvalPolicy: ZApprovalPolicy,
  responsibleRun: ZRun.meta({ description: "RUN del funcionario responsable (miembro de la institución proveedora)" }),
  procedures: z.array(ZProcedureCode).max(50).default([]).meta({ description: "Trámites que usan el servicio" }),
  inputDataItems: z.array(ZDataItemRef).max(100).default([]).meta({ description: "Datos de entrada" }),
  outputDataItems: z.array(ZDataItemRef).max(100).default([]).meta({ description: "Datos de salida" }),
  requiresApprovedSchema: z.boolean().default(false).meta({ description: "Si exige un esquema aprobado (los esquemas se vinculan con el Catálogo de Esquemas)" }),
  openapi: ZOpenApiInput.nullable().default(null),
  environments: z
    .array(ZEnvironment)
    .min(1, "Elija al menos un ambiente")
    .refine((e) => new Set(e).size === e.length, "Ambientes repetidos")
    .meta({ description: "Ambientes ofrecidos" }),
};

export const ZServiceCreate = z
  .object({
    institution: ZInstitutionCode.meta({ description: "Institución proveedora" }),
    code: ZServiceCode,
    major: z.number().int("Debe ser un número entero").min(1, "La versión mayor parte en 1").max(SERVICE_MAJOR_MAX).default(1),
    ...serviceFields,
  })
  .meta({ id: "ServiceCreate" });
export type TServiceCreate = z.infer<typeof ZServiceCreate>;

/** Everything but the identity (institution, code, version) can change; only what is sent changes. */
export const ZServiceUpdate = z
  .object({
    name: serviceFields.name,
    description: serviceFields.description,
    tps: serviceFields.tps,
    availability: serviceFields.availability,
    approvalPolicy: serviceFields.approvalPolicy,
    responsibleRun: serviceFields.responsibleRun,
    procedures: z.array(ZProcedureCode).max(50),
    inputDataItems: z.array(ZDataItemRef).max(100),
    outputDataItems: z.array(ZDataItemRef).max(100),
    requiresApprovedSchema: z.boolean(),
    openapi: ZOpenApiInput.nullable(),
    environments: serviceFields.environments,
  })
  .partial()
  .strict()
  .meta({ id: "ServiceUpdate" });
export type TServiceUpdate = z.infer<typeof ZServiceUpdate>;

const ZDataItemBrief = z.object({
  id: z.string(),
  name: z.string(),
  classification: ZClassification,
  status: ZLifecycleStatus,
});

export const ZEndpoint = z.object({ method: z.string(), path: z.string(), summary: z.string().nullable(), operationId: z.string().nullable() }).meta({ id: "Endpoint" });

export const ZServiceSummary = z
  .object({
    id: z.string().meta({ example: "SRCEI/certificado-nacimiento/v1" }),
    name: z.string(),
    description: z.string(),
    status: ZLifecycleStatus,
    provider: z.object({ code: z.string(), name: z.string() }),
    tps: z.number().int(),
    availability: z.number(),
    approvalPolicy: ZApprovalPolicy,
    sensitive: z.boolean().meta({ description: "Algún dato es SENSIBLE: el intercambio exige el consentimiento de la persona" }),
    personal: z.boolean().meta({ description: "Algún dato es PERSONAL" }),
    updatedAt: z.string(),
  })
  .meta({ id: "ServiceSummary" });
export type TServiceSummary = z.infer<typeof ZServiceSummary>;

export const ZService = ZServiceSummary.extend({
  code: z.string(),
  major: z.number().int(),
  responsible: z.object({ name: z.string(), run: z.string().optional().meta({ description: "Solo para miembros de la institución proveedora" }) }),
  procedures: z.array(z.object({ code: z.string(), name: z.string(), needsConsent: z.boolean() })),
  inputDataItems: z.array(ZDataItemBrief),
  outputDataItems: z.array(ZDataItemBrief),
  requiresApprovedSchema: z.boolean(),
  schemas: z.array(z.string()).meta({ description: "Esquemas aprobados vinculados (vacío hasta que exista el Catálogo de Esquemas)" }),
  openapi: z.record(z.string(), z.unknown()).nullable(),
  endpoints: z.array(ZEndpoint),
  environments: z.array(ZEnvironment),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  events: z.array(ZLifecycleEventOut),
  allowedActions: z.array(z.string()).meta({ description: "Acciones que quien consulta puede ejecutar ahora" }),
}).meta({ id: "Service" });
export type TService = z.infer<typeof ZService>;

export const SERVICE_SORTS = ["relevance", "name", "recent", "provider"] as const;

export const ZServiceSearchQuery = z.object({
  q: zText().max(200, "La búsqueda admite hasta 200 caracteres").trim().optional().meta({ description: "Texto libre en español; sin distinguir tildes ni mayúsculas; admite palabras parciales" }),
  provider: ZInstitutionCode.optional().meta({ description: "Código de la institución proveedora" }),
  classification: ZClassification.optional().meta({ description: "Servicios con algún dato de esta clasificación" }),
  procedure: ZProcedureCode.optional().meta({ description: "Servicios que usa este trámite" }),
  status: ZStatusFilter.optional(),
  sensitive: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional()
    .meta({ description: "true: solo servicios con datos sensibles; false: solo sin datos sensibles" }),
  sort: z.enum(SERVICE_SORTS).optional().meta({ description: "Por omisión: relevancia cuando hay texto, si no, nombre" }),
  page: zQueryInt(1, 10_000).default(1),
  pageSize: zQueryInt(1, 100).default(20),
});
export type TServiceSearchQuery = z.infer<typeof ZServiceSearchQuery>;

export const ZServicePage = z
  .object({
    data: z.array(ZServiceSummary),
    pagination: z.object({ page: z.number().int(), pageSize: z.number().int(), total: z.number().int(), totalPages: z.number().int() }),
  })
  .meta({ id: "ServicePage" });
export type TServicePage = z.infer<typeof ZServicePage>;

export const ZServiceIdParams = z.object({
  institution: ZInstitutionCode,
  code: ZServiceCode,
  version: ZServiceVersion,
});
