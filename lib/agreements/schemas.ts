import { AgreementMode, AgreementStatus, AgreementType } from "@/lib/generated/prisma/enums";
import { ZEnvironment, ZInstitutionCode, ZProcedureCode, ZServiceRef } from "@/lib/fields";
import { z, zDate, zQueryInt, zText } from "@/lib/zod";

export const ZAgreementStatus = z.enum(AgreementStatus).meta({ id: "AgreementStatus" });
export const ZAgreementType = z.enum(AgreementType).meta({ id: "AgreementType", description: "UNICA_VEZ (un uso), SERVICIO o PERMANENTE" });
export const ZAgreementMode = z.enum(AgreementMode).meta({ id: "AgreementMode", description: "EN_LINEA (consulta por caso) o LOTE (procesos masivos)" });

const fields = {
  environment: ZEnvironment,
  type: ZAgreementType,
  procedures: z.array(ZProcedureCode).min(1, "Indique al menos un trámite que justifique el acceso").max(20),
  legalBasis: zText().max(2000, "Máximo 2.000 caracteres").trim().min(10, "Indique la base legal (al menos 10 caracteres)").meta({ description: "Norma que habilita a la institución a obtener los datos" }),
  declaredVolume: z.number().int("Debe ser un número entero").min(1, "Debe ser al menos 1").max(100_000_000).meta({ description: "Consultas estimadas por mes" }),
  mode: ZAgreementMode,
  requestedTps: z.number().int("Debe ser un número entero").min(1, "Debe ser al menos 1").max(100_000).meta({ description: "Transacciones por segundo que necesita" }),
  requestedUntil: zDate().nullable().meta({ description: "Fin del acuerdo (null: sin fecha de término)" }),
};

export const ZAgreementCreate = z
  .object({
    consumer: ZInstitutionCode.meta({ description: "Institución solicitante (consumidora)" }),
    service: ZServiceRef,
    ...fields,
    requestedUntil: fields.requestedUntil.default(null),
    submit: z.boolean().default(false).meta({ description: "true: enviar de inmediato (administrador/a); false: guardar en borrador" }),
  })
  .meta({ id: "AgreementCreate" });
export type TAgreementCreate = z.infer<typeof ZAgreementCreate>;

export const ZAgreementUpdate = z.object(fields).partial().strict().meta({ id: "AgreementUpdate" });
export type TAgreementUpdate = z.infer<typeof ZAgreementUpdate>;

/** Terms fixed at acceptance: the network's standard terms, or a PDF attached to the agreement. */
export const ZTermsChoice = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("STANDARD") }),
  z.object({ kind: z.literal("DOCUMENT"), documentId: z.uuid("Documento inválido") }),
]);

export const ZAgreementTransition = z
  .object({
    action: zText().min(1).max(64).meta({ description: "submit, take_up, accept, reject, extend, request_mediation, mediate_accept, mediate_reject, sign, suspend, resume, terminate" }),
    reason: zText().max(2000, "Máximo 2.000 caracteres").trim().optional(),
    grantedTps: z.number().int().min(1, "Debe ser al menos 1").max(100_000).optional().meta({ description: "accept / mediate_accept: TPS otorgadas" }),
    grantedAvailability: z.number().gt(0).max(100).optional().meta({ description: "accept / mediate_accept: ANS otorgado (%)" }),
    terms: ZTermsChoice.optional().meta({ description: "accept / mediate_accept: términos del acuerdo" }),
  })
  .meta({ id: "AgreementTransition" });
export type TAgreementTransition = z.infer<typeof ZAgreementTransition>;

const ZParty = z.object({ code: z.string(), name: z.string() });

export const ZAgreementSummary = z
  .object({
    id: z.uuid(),
    number: z.string(),
    status: ZAgreementStatus,
    environment: ZEnvironment,
    type: ZAgreementType,
    service: z.object({ id: z.string(), name: z.string() }),
    consumer: ZParty,
    provider: ZParty,
    dueAt: z.string().nullable().meta({ description: "Plazo de respuesta del proveedor (RFC 3339)" }),
    businessDaysLeft: z.number().int().nullable().meta({ description: "Días hábiles que quedan del plazo (negativo: vencido); null si no corre plazo" }),
    updatedAt: z.string(),
  })
  .meta({ id: "AgreementSummary" });
export type TAgreementSummary = z.infer<typeof ZAgreementSummary>;

export const ZAgreement = ZAgreementSummary.extend({
  procedures: z.array(z.object({ code: z.string(), name: z.string() })),
  legalBasis: z.string(),
  declaredVolume: z.number().int(),
  mode: ZAgreementMode,
  requestedTps: z.number().int(),
  requestedUntil: z.string().nullable(),
  grantedTps: z.number().int().nullable(),
  grantedAvailability: z.number().nullable(),
  validUntil: z.string().nullable(),
  extended: z.boolean(),
  submittedAt: z.string().nullable(),
  inForceSince: z.string().nullable(),
  terms: z
    .object({ kind: z.enum(["STANDARD", "DOCUMENT"]), title: z.string(), sha256: z.string(), documentId: z.string().nullable(), standardVersion: z.number().int().nullable() })
    .nullable()
    .meta({ description: "Términos fijados al aceptar" }),
  signatures: z.array(z.object({ side: z.enum(["CONSUMER", "PROVIDER"]), signer: z.string(), signedAt: z.string(), termsSha256: z.string() })),
  missingSignatures: z
    .array(
      z.object({
        side: z.enum(["CONSUMER", "PROVIDER"]),
        institution: ZParty,
        headOfService: z.string().nullable().meta({ description: "Nombre de la jefatura de servicio designada en esa institución, quien puede firmar; null si no hay una designada" }),
      }),
    )
    .meta({ description: "Mientras está PENDIENTE_FIRMA: las firmas que faltan, de qué institución y quién allí puede firmar" }),
  documents: z.array(z.object({ id: z.string(), filename: z.string(), size: z.number().int(), sha256: z.string(), uploadedBy: z.string(), createdAt: z.string() })),
  events: z.array(
    z.object({ action: z.string(), from: ZAgreementStatus.nullable(), to: ZAgreementStatus, actor: z.string().nullable(), reason: z.string().nullable(), data: z.unknown(), at: z.string() }),
  ),
  suspendedBy: z.enum(["CONSUMER", "PROVIDER", "PLATFORM"]).nullable().meta({ description: "Mientras está SUSPENDIDA: quién la suspendió (solo esa parte o el equipo de la plataforma la reanuda)" }),
  viewerRoles: z.array(z.string()).meta({ description: "Papeles de quien consulta: consumer_admin, consumer_head, provider_admin, provider_head, platform" }),
  allowedActions: z.array(z.string()).meta({ description: "Acciones que quien consulta puede ejecutar ahora" }),
}).meta({ id: "Agreement" });
export type TAgreement = z.infer<typeof ZAgreement>;

export const ZAgreementListQuery = z.object({
  institution: ZInstitutionCode.optional().meta({ description: "Institución desde cuya perspectiva se lista (sus miembros); omitida: todas (equipo de la plataforma)" }),
  direction: z.enum(["incoming", "outgoing", "all"]).default("all").meta({ description: "incoming: recibidas como proveedor; outgoing: enviadas como consumidor" }),
  status: ZAgreementStatus.optional(),
  environment: ZEnvironment.optional(),
  page: zQueryInt(1, 10_000).default(1),
  pageSize: zQueryInt(1, 100).default(20),
});
export type TAgreementListQuery = z.infer<typeof ZAgreementListQuery>;

export const ZAgreementPage = z
  .object({
    data: z.array(ZAgreementSummary),
    pagination: z.object({ page: z.number().int(), pageSize: z.number().int(), total: z.number().int(), totalPages: z.number().int() }),
  })
  .meta({ id: "AgreementPage" });
export type TAgreementPage = z.infer<typeof ZAgreementPage>;

export const ZAgreementIdParams = z.object({ id: z.uuid() });
