import { defineOperation } from "@/lib/api/operation";
import { ZInstitutionCode } from "@/lib/institutions/schemas";
import { ZNode, ZNodeCreate, ZNodeIdParams, ZNodeKeysSubmission, ZNodeWithToken, ZRegistration } from "@/lib/nodes/schemas";
import { z } from "@/lib/zod";

const TAGS = ["Red y nodos"];

export const listNodesOp = defineOperation({
  operationId: "listNodes",
  method: "GET",
  path: "/api/v1/nodes",
  tags: TAGS,
  summary: "Los nodos de una institución (sus miembros)",
  auth: "session",
  query: z.object({ institution: ZInstitutionCode }),
  response: z.object({ data: z.array(ZNode) }),
  errors: [401, 403, 422],
});

export const createNodeOp = defineOperation({
  operationId: "createNode",
  method: "POST",
  path: "/api/v1/nodes",
  tags: TAGS,
  summary: "Da de alta un nodo y entrega su token de registro de un solo uso (válido 24 h; se muestra una vez)",
  auth: "session",
  body: ZNodeCreate,
  response: ZNodeWithToken,
  successStatus: 201,
  errors: [401, 403, 409, 413, 415, 422],
});

export const getNodeOp = defineOperation({
  operationId: "getNode",
  method: "GET",
  path: "/api/v1/nodes/{institution}/{node}",
  tags: TAGS,
  summary: "Un nodo, con sus claves públicas vigentes",
  auth: "session",
  params: ZNodeIdParams,
  response: ZNode,
  errors: [401, 404],
});

export const rotationTokenOp = defineOperation({
  operationId: "issueNodeRotationToken",
  method: "POST",
  path: "/api/v1/nodes/{institution}/{node}/rotation-token",
  tags: TAGS,
  summary: "Entrega un token de un solo uso para que el nodo presente claves nuevas",
  auth: "session",
  params: ZNodeIdParams,
  response: ZNodeWithToken,
  errors: [401, 403, 404, 409],
});

export const registrationTokenOp = defineOperation({
  operationId: "reissueNodeRegistrationToken",
  method: "POST",
  path: "/api/v1/nodes/{institution}/{node}/registration-token",
  tags: TAGS,
  summary: "Entrega un token de registro nuevo a un nodo pendiente (el anterior venció o se perdió; deja de servir)",
  auth: "session",
  params: ZNodeIdParams,
  response: ZNodeWithToken,
  errors: [401, 403, 404, 409],
});

export const revokeNodeOp = defineOperation({
  operationId: "revokeNode",
  method: "POST",
  path: "/api/v1/nodes/{institution}/{node}/revoke",
  tags: TAGS,
  summary: "Revoca un nodo: sale de la configuración de la red en la siguiente versión",
  auth: "session",
  params: ZNodeIdParams,
  body: z.object({ reason: z.string().trim().min(3, "Indique el motivo de la revocación").max(2000) }),
  response: ZNode,
  errors: [401, 403, 404, 409, 415, 422],
});

export const registerNodeOp = defineOperation({
  operationId: "registerNode",
  method: "POST",
  path: "/api/v1/nodes/register",
  tags: TAGS,
  summary: "El nodo presenta su token de registro y sus claves públicas (una sig ES256, una enc ECDH-ES+A256KW, P-256)",
  description: "Sin sesión: el token de un solo uso autentica. Token inválido, usado o vencido: 401 `invalid_token`.",
  auth: "public",
  body: ZNodeKeysSubmission,
  response: ZRegistration,
  errors: [401, 413, 415, 422],
});

export const rotateNodeKeysOp = defineOperation({
  operationId: "rotateNodeKeys",
  method: "POST",
  path: "/api/v1/nodes/rotate-keys",
  tags: TAGS,
  summary: "El nodo presenta un token de rotación y sus claves nuevas; las anteriores siguen válidas una hora",
  auth: "public",
  body: ZNodeKeysSubmission,
  response: ZRegistration,
  errors: [401, 413, 415, 422],
});

export const anchorOp = defineOperation({
  operationId: "getTrustAnchor",
  method: "GET",
  path: "/api/v1/network-config/anchor",
  tags: TAGS,
  summary: "El ancla de confianza para instalar un nodo: las claves públicas de configuración del portal",
  auth: "public",
  response: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }).meta({ id: "TrustAnchor" }),
  errors: [],
});
