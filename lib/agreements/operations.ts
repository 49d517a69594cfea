import { defineOperation, type ApiTag } from "@/lib/api/operation";
import { ZAgreement, ZAgreementCreate, ZAgreementIdParams, ZAgreementListQuery, ZAgreementPage, ZAgreementTransition, ZAgreementUpdate } from "@/lib/agreements/schemas";
import { z } from "@/lib/zod";

const TAGS: ApiTag[] = ["Gestor de Acuerdos"];

export const listAgreementsOp = defineOperation({
  operationId: "listAgreements",
  method: "GET",
  path: "/api/v1/agreements",
  tags: TAGS,
  summary: "Acuerdos de una institución (recibidos como proveedora, enviados como consumidora) o, para el equipo de la plataforma, todos",
  description:
    "Con `institution`: los acuerdos de esa institución (sus miembros; los borradores solo los ve la consumidora). Sin `institution`: todos, solo para el equipo de la plataforma. Paginado; los plazos vencidos se aplican antes de responder.",
  auth: "session",
  query: ZAgreementListQuery,
  response: ZAgreementPage,
  errors: ["forbidden"],
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
  errors: ["forbidden", "duplicate_request", "dev_agreement_required"],
});

export const getAgreementOp = defineOperation({
  operationId: "getAgreement",
  method: "GET",
  path: "/api/v1/agreements/{id}",
  tags: TAGS,
  summary: "Un acuerdo: datos, términos, firmas, documentos, historial y las acciones que quien consulta puede ejecutar",
  description:
    "Para los miembros de ambas instituciones y el equipo de la plataforma; un borrador solo para la consumidora. Para cualquier otra persona el acuerdo no existe (404).",
  auth: "session",
  params: ZAgreementIdParams,
  response: ZAgreement,
  errors: [],
});

export const updateAgreementOp = defineOperation({
  operationId: "updateAgreement",
  method: "PATCH",
  path: "/api/v1/agreements/{id}",
  tags: TAGS,
  summary: "Modifica una solicitud en borrador",
  description:
    "Solo los funcionarios de la institución consumidora, y solo mientras está en borrador (si no, 409 `invalid_transition`); cambian solo los campos enviados.",
  auth: "session",
  params: ZAgreementIdParams,
  body: ZAgreementUpdate,
  response: ZAgreement,
  errors: ["forbidden", "invalid_transition", "duplicate_request", "dev_agreement_required"],
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
  errors: ["forbidden", "invalid_transition", "already_extended", "already_signed"],
});

export const attachDocumentOp = defineOperation({
  operationId: "attachAgreementDocument",
  method: "POST",
  path: "/api/v1/agreements/{id}/documents",
  tags: TAGS,
  summary: "Adjunta un PDF (hasta 10 MB) mientras los términos no estén fijados",
  description:
    "Solo las partes del acuerdo y el equipo de la plataforma, mientras los términos no estén fijados (409 `terms_fixed`). El archivo va en el campo `file` de un `multipart/form-data` con `Content-Length`; más de 10 MB responde 413 `payload_too_large` sin leerlo; solo se acepta un PDF que se pueda leer y tenga al menos una página (422). Se guarda con su SHA-256.",
  auth: "session",
  params: ZAgreementIdParams,
  upload: { field: "file", description: "Documento PDF" },
  response: ZAgreement,
  successStatus: 201,
  errors: ["forbidden", "terms_fixed", "length_required"],
});

export const getDocumentOp = defineOperation({
  operationId: "getAgreementDocument",
  method: "GET",
  path: "/api/v1/agreements/{id}/documents/{documentId}",
  tags: TAGS,
  summary: "Descarga un documento del acuerdo (solo las partes y el equipo de la plataforma)",
  description:
    "Solo las partes del acuerdo y el equipo de la plataforma. Responde el PDF con `ETag` y `Repr-Digest` (su SHA-256).",
  auth: "session",
  params: z.object({ id: z.uuid(), documentId: z.uuid() }),
  response: z.string(),
  responseMedia: "application/pdf",
  errors: [],
});
