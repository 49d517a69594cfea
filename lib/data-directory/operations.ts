import { defineOperation } from "@/lib/api/operation";
import { ZTransitionRequest } from "@/lib/catalog/schemas";
import { ZDataItem, ZDataItemCreate, ZDataItemIdParams, ZDataItemPage, ZDataItemSearchQuery, ZDataItemUpdate } from "@/lib/data-directory/schemas";

const TAGS = ["Directorio de Datos"];

export const searchDataItemsOp = defineOperation({
  operationId: "searchDataItems",
  method: "GET",
  path: "/api/v1/data-items",
  tags: TAGS,
  summary: "Busca datos del directorio",
  auth: "public",
  query: ZDataItemSearchQuery,
  response: ZDataItemPage,
  errors: [422],
});

export const createDataItemOp = defineOperation({
  operationId: "createDataItem",
  method: "POST",
  path: "/api/v1/data-items",
  tags: TAGS,
  summary: "Crea un dato en borrador (administrador/a de la institución responsable)",
  auth: "session",
  body: ZDataItemCreate,
  response: ZDataItem,
  successStatus: 201,
  errors: [401, 403, 409, 413, 415, 422],
});

export const getDataItemOp = defineOperation({
  operationId: "getDataItem",
  method: "GET",
  path: "/api/v1/data-items/{institution}/{code}",
  tags: TAGS,
  summary: "Un dato, con sus atributos, clasificación, responsable y los servicios que lo exponen",
  auth: "public",
  params: ZDataItemIdParams,
  response: ZDataItem,
  errors: [404],
});

export const updateDataItemOp = defineOperation({
  operationId: "updateDataItem",
  method: "PATCH",
  path: "/api/v1/data-items/{institution}/{code}",
  tags: TAGS,
  summary: "Modifica un dato (solo los campos enviados)",
  auth: "session",
  params: ZDataItemIdParams,
  body: ZDataItemUpdate,
  response: ZDataItem,
  errors: [401, 403, 404, 409, 413, 415, 422],
});

export const transitionDataItemOp = defineOperation({
  operationId: "transitionDataItem",
  method: "POST",
  path: "/api/v1/data-items/{institution}/{code}/transitions",
  tags: TAGS,
  summary: "Cambia el estado de un dato: publish, deprecate (con motivo), retire (con motivo; no si un servicio vigente lo usa)",
  auth: "session",
  params: ZDataItemIdParams,
  body: ZTransitionRequest,
  response: ZDataItem,
  errors: [401, 403, 404, 409, 415, 422],
});
