import { defineOperation, type ApiTag } from "@/lib/api/operation";
import { ZInstitutionCode } from "@/lib/institutions/schemas";
import { ZNode, ZNodeCreate, ZNodeIdParams, ZNodeKeysSubmission, ZNodeWithToken, ZRegistration } from "@/lib/nodes/schemas";
import { z, zText } from "@/lib/zod";

const TAGS: ApiTag[] = ["Red y nodos"];

export const listNodesOp = defineOperation({
  operationId: "listNodes",
  method: "GET",
  path: "/api/v1/nodes",
  tags: TAGS,
  summary: "Los nodos de una institución (sus miembros)",
  description:
    "Solo los miembros de la institución. Cada nodo con su ambiente, estado, URL, claves públicas vigentes y si tiene un token pendiente (nunca el token).",
  auth: "session",
  query: z.object({ institution: ZInstitutionCode }),
  response: z.object({ data: z.array(ZNode) }),
  errors: ["forbidden"],
});

export const createNodeOp = defineOperation({
  operationId: "createNode",
  method: "POST",
  path: "/api/v1/nodes",
  tags: TAGS,
  summary: "Da de alta un nodo y entrega su token de registro de un solo uso (válido 24 h; se muestra una vez)",
  description:
    "Solo un/a administrador/a de la institución. La URL es un origen (esquema, host y puerto); en producción, https y un host público (PROTOCOL.md §2). El token se muestra una sola vez; se guarda solo su SHA-256.",
  auth: "session",
  body: ZNodeCreate,
  response: ZNodeWithToken,
  successStatus: 201,
  errors: ["forbidden", "node_exists"],
});

export const getNodeOp = defineOperation({
  operationId: "getNode",
  method: "GET",
  path: "/api/v1/nodes/{institution}/{node}",
  tags: TAGS,
  summary: "Un nodo, con sus claves públicas vigentes",
  description:
    "Solo los miembros de la institución del nodo; para el resto no existe (404).",
  auth: "session",
  params: ZNodeIdParams,
  response: ZNode,
  errors: [],
});

export const rotationTokenOp = defineOperation({
  operationId: "issueNodeRotationToken",
  method: "POST",
  path: "/api/v1/nodes/{institution}/{node}/rotation-token",
  tags: TAGS,
  summary: "Entrega un token de un solo uso para que el nodo presente claves nuevas",
  description:
    "Solo un/a administrador/a de la institución, y solo para un nodo activo (409 `node_not_active`). El token vale 24 horas, una vez; solo el último entregado sirve.",
  auth: "session",
  params: ZNodeIdParams,
  response: ZNodeWithToken,
  errors: ["forbidden", "node_not_active"],
});

export const registrationTokenOp = defineOperation({
  operationId: "reissueNodeRegistrationToken",
  method: "POST",
  path: "/api/v1/nodes/{institution}/{node}/registration-token",
  tags: TAGS,
  summary: "Entrega un token de registro nuevo a un nodo pendiente (el anterior venció o se perdió; deja de servir)",
  description:
    "Solo un/a administrador/a de la institución, y solo para un nodo pendiente de registro (409 `node_not_pending`).",
  auth: "session",
  params: ZNodeIdParams,
  response: ZNodeWithToken,
  errors: ["forbidden", "node_not_pending"],
});

export const revokeNodeOp = defineOperation({
  operationId: "revokeNode",
  method: "POST",
  path: "/api/v1/nodes/{institution}/{node}/revoke",
  tags: TAGS,
  summary: "Revoca un nodo: sale de la configuración de la red en la siguiente versión",
  description:
    "Solo un/a administrador/a de la institución, con un motivo. Un nodo revocado no vuelve a activarse: se registra uno nuevo.",
  auth: "session",
  params: ZNodeIdParams,
  body: z.object({ reason: zText().max(2000).trim().min(3, "Indique el motivo de la revocación") }),
  response: ZNode,
  errors: ["forbidden", "node_revoked"],
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
  errors: ["invalid_token"],
});

export const rotateNodeKeysOp = defineOperation({
  operationId: "rotateNodeKeys",
  method: "POST",
  path: "/api/v1/nodes/rotate-keys",
  tags: TAGS,
  summary: "El nodo presenta un token de rotación y sus claves nuevas; las anteriores siguen válidas una hora",
  description:
    "Sin sesión: el token de rotación de un solo uso autentica (401 `invalid_token` si no sirve). Las claves nuevas se publican desde la siguiente configuración; las anteriores siguen en ella una hora, para que los pares se actualicen sin cortes.",
  auth: "public",
  body: ZNodeKeysSubmission,
  response: ZRegistration,
  errors: ["invalid_token"],
});

export const anchorOp = defineOperation({
  operationId: "getTrustAnchor",
  method: "GET",
  path: "/api/v1/network-config/anchor",
  tags: TAGS,
  summary: "El ancla de confianza para instalar un nodo: las claves públicas de configuración del portal",
  description:
    "Pública. El JWKS de las claves de configuración del portal, para `node-agent init --anchor` (PROTOCOL.md §2). No incluye la clave de consentimientos.",
  auth: "public",
  response: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }).meta({ id: "TrustAnchor" }),
  errors: [],
});
