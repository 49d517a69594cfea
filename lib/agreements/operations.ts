import { defineOperation } from "@/lib/api/operation";
import { ZAgreement, ZAgreementCreate, ZAgreementIdParams, ZAgreementListQuery, ZAgreementPage, ZAgreementTransition, ZAgreementUpdate } from "@/lib/agreements/schemas";
import { z } from "@/lib/zod";

const TAGS = ["Gestor de Acuerdos"];

export const listAgreementsOp = defineOperation({
  operationId: "listAgreements",
  method: "GET",
  path: "/api/v1/agreements",
  tags: TAGS,
  summary: "Acuerdos de una institución (recibidos como proveedora, enviados como consumidora) o, para el equipo de la plataforma, todos",
  auth: "session",
  query: ZAgreementListQuery,
  response: ZAgreementPage,
  errors: [401, 403, 422],
});

export const createAgreementOp = defineOperation({
  operationId: "createAgreement",
  method: "POST",
  path: "/api/v1/agreements",
  tags: TAGS,
  summary: "Prepara una solicitud de acceso a un servicio (borrador), o la envía con submit=true",
  description:
    "Un servicio de datos abiertos (aprobación automática) queda VIGENTE al enviarse. Producción exige un acuerdo vigente en desarrollo. " +
    "Una segunda solicitud activa para el mismo servicio y ambiente responde 409 `duplicate_request`.",
  auth: "session",
  body: ZAgreementCreate,
  response: ZAgreement,
  successStatus: 201,
  errors: [401, 403, 409, 413, 415, 422],
});

export const getAgreementOp = defineOperation({
  operationId: "getAgreement",
  method: "GET",
  path: "/api/v1/agreements/{id}",
  tags: TAGS,
  summary: "Un acuerdo: datos, términos, firmas, documentos, historial y las acciones que quien consulta puede ejecutar",
  auth: "session",
  params: ZAgreementIdParams,
  response: ZAgreement,
  errors: [401, 404],
});

export const updateAgreementOp = defineOperation({
  operationId: "updateAgreement",
  method: "PATCH",
  path: "/api/v1/agreements/{id}",
  tags: TAGS,
  summary: "Modifica una solicitud en borrador",
  auth: "session",
  params: ZAgreementIdParams,
  body: ZAgreementUpdate,
  response: ZAgreement,
  errors: [401, 403, 404, 409, 413, 415, 422],
});

export const transitionAgreementOp = defineOperation({
  operationId: "transitionAgreement",
  method: "POST",
  path: "/api/v1/agreements/{id}/transitions",
  tags: TAGS,
  summary: "Ejecuta una acción del acuerdo: enviar, revisar, aceptar, rechazar, prorrogar, mediar, firmar, suspender, reanudar o terminar",
  description: "Una acción que no corresponde al estado actual responde 409 `invalid_transition` nombrando ese estado; una que su papel no permite, 403.",
  auth: "session",
  params: ZAgreementIdParams,
  body: ZAgreementTransition,
  response: ZAgreement,
  errors: [401, 403, 404, 409, 415, 422],
});

export const attachDocumentOp = defineOperation({
  operationId: "attachAgreementDocument",
  method: "POST",
  path: "/api/v1/agreements/{id}/documents",
  tags: TAGS,
  summary: "Adjunta un PDF (hasta 10 MB) mientras los términos no estén fijados",
  auth: "session",
  params: ZAgreementIdParams,
  upload: { field: "file", description: "Documento PDF" },
  response: ZAgreement,
  successStatus: 201,
  errors: [401, 403, 404, 409, 422],
});

export const getDocumentOp = defineOperation({
  operationId: "getAgreementDocument",
  method: "GET",
  path: "/api/v1/agreements/{id}/documents/{documentId}",
  tags: TAGS,
  summary: "Descarga un documento del acuerdo (solo las partes y el equipo de la plataforma)",
  auth: "session",
  params: z.object({ id: z.uuid(), documentId: z.uuid() }),
  response: z.string(),
  responseMedia: "application/pdf",
  errors: [401, 404],
});
