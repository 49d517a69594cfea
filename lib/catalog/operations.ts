import { defineOperation, type ApiTag } from "@/lib/api/operation";
import { ZService, ZServiceCreate, ZServiceIdParams, ZServicePage, ZServiceSearchQuery, ZServiceUpdate } from "@/lib/catalog/schemas";
import { ZTransitionRequest } from "@/lib/fields";

const TAGS: ApiTag[] = ["Catálogo de Servicios"];

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
  errors: [],
});

export const createServiceOp = defineOperation({
  operationId: "createService",
  method: "POST",
  path: "/api/v1/services",
  tags: TAGS,
  summary: "Crea un servicio en borrador (administrador/a de la institución proveedora)",
  description:
    "Solo un/a administrador/a de la institución proveedora. El servicio nace en borrador (DRAFT); su identificador es `{institución}/{código}/v{versión mayor}`. Los datos, trámites y responsable se validan contra el directorio.",
  auth: "session",
  body: ZServiceCreate,
  response: ZService,
  successStatus: 201,
  errors: ["forbidden", "service_exists"],
});

export const getServiceOp = defineOperation({
  operationId: "getService",
  method: "GET",
  path: "/api/v1/services/{institution}/{code}/{version}",
  tags: TAGS,
  summary: "Un servicio, con sus datos, trámites, niveles de servicio, endpoints e historial",
  description:
    "Pública para servicios publicados, obsoletos y retirados; un borrador existe solo para los miembros de su institución (para el resto, 404).",
  auth: "public",
  params: ZServiceIdParams,
  response: ZService,
  errors: [],
});

export const updateServiceOp = defineOperation({
  operationId: "updateService",
  method: "PATCH",
  path: "/api/v1/services/{institution}/{code}/{version}",
  tags: TAGS,
  summary: "Modifica un servicio (solo los campos enviados)",
  description:
    "Solo un/a administrador/a de la institución proveedora; cambian solo los campos enviados. Un servicio retirado no se modifica (409 `service_retired`).",
  auth: "session",
  params: ZServiceIdParams,
  body: ZServiceUpdate,
  response: ZService,
  errors: ["forbidden", "service_retired"],
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
  errors: ["forbidden", "invalid_transition"],
});
