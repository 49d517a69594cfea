import { defineOperation } from "@/lib/api/operation";
import { ZService, ZServiceCreate, ZServiceIdParams, ZServicePage, ZServiceSearchQuery, ZServiceUpdate, ZTransitionRequest } from "@/lib/catalog/schemas";

const TAGS = ["Catálogo de Servicios"];

export const searchServicesOp = defineOperation({
  operationId: "searchServices",
  method: "GET",
  path: "/api/v1/services",
  tags: TAGS,
  summary: "Busca servicios del catálogo",
  description:
    "Búsqueda de texto completo en español (sin distinguir tildes ni mayúsculas, con palabras parciales), filtros y orden. " +
    "Sin sesión se ven los servicios publicados y obsoletos; los miembros de una institución ven también sus borradores con `status=DRAFT`.",
  auth: "public",
  query: ZServiceSearchQuery,
  response: ZServicePage,
  errors: [422],
});

export const createServiceOp = defineOperation({
  operationId: "createService",
  method: "POST",
  path: "/api/v1/services",
  tags: TAGS,
  summary: "Crea un servicio en borrador (administrador/a de la institución proveedora)",
  auth: "session",
  body: ZServiceCreate,
  response: ZService,
  successStatus: 201,
  errors: [401, 403, 409, 413, 415, 422],
});

export const getServiceOp = defineOperation({
  operationId: "getService",
  method: "GET",
  path: "/api/v1/services/{institution}/{code}/{version}",
  tags: TAGS,
  summary: "Un servicio, con sus datos, trámites, niveles de servicio, endpoints e historial",
  auth: "public",
  params: ZServiceIdParams,
  response: ZService,
  errors: [404],
});

export const updateServiceOp = defineOperation({
  operationId: "updateService",
  method: "PATCH",
  path: "/api/v1/services/{institution}/{code}/{version}",
  tags: TAGS,
  summary: "Modifica un servicio (solo los campos enviados)",
  auth: "session",
  params: ZServiceIdParams,
  body: ZServiceUpdate,
  response: ZService,
  errors: [401, 403, 404, 409, 413, 415, 422],
});

export const transitionServiceOp = defineOperation({
  operationId: "transitionService",
  method: "POST",
  path: "/api/v1/services/{institution}/{code}/{version}/transitions",
  tags: TAGS,
  summary: "Cambia el estado: publish (DRAFT→PUBLISHED), deprecate (PUBLISHED→DEPRECATED, con motivo), retire (DEPRECATED→RETIRED, con motivo)",
  description: "Una acción que la tabla de transiciones no permite desde el estado actual responde 409 `invalid_transition` nombrando ese estado.",
  auth: "session",
  params: ZServiceIdParams,
  body: ZTransitionRequest,
  response: ZService,
  errors: [401, 403, 404, 409, 415, 422],
});
