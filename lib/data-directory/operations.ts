import { defineOperation, type ApiTag } from "@/lib/api/operation";
import { ZTransitionRequest } from "@/lib/fields";
import { ZDataItem, ZDataItemCreate, ZDataItemIdParams, ZDataItemPage, ZDataItemSearchQuery, ZDataItemUpdate } from "@/lib/data-directory/schemas";

const TAGS: ApiTag[] = ["Directorio de Datos"];

export const searchDataItemsOp = defineOperation({
  operationId: "searchDataItems",
  method: "GET",
  path: "/api/v1/data-items",
  tags: TAGS,
  summary: "Busca datos del directorio",
  description:
    "Pública: datos publicados y obsoletos, con búsqueda de texto (sin distinguir tildes, con palabras parciales), filtros por institución responsable, clasificación y estado, y orden. Los miembros de una institución ven también sus borradores con `status=DRAFT`.",
  auth: "public",
  query: ZDataItemSearchQuery,
  response: ZDataItemPage,
  errors: [],
});

export const createDataItemOp = defineOperation({
  operationId: "createDataItem",
  method: "POST",
  path: "/api/v1/data-items",
  tags: TAGS,
  summary: "Crea un dato en borrador (administrador/a de la institución responsable)",
  description:
    "Solo un/a administrador/a de la institución responsable. El dato nace en borrador (DRAFT); su responsable debe ser miembro de la institución.",
  auth: "session",
  body: ZDataItemCreate,
  response: ZDataItem,
  successStatus: 201,
  errors: ["forbidden", "data_item_exists"],
});

export const getDataItemOp = defineOperation({
  operationId: "getDataItem",
  method: "GET",
  path: "/api/v1/data-items/{institution}/{code}",
  tags: TAGS,
  summary: "Un dato, con sus atributos, clasificación, responsable y los servicios que lo exponen",
  description:
    "Pública para datos publicados, obsoletos y retirados; un borrador existe solo para los miembros de su institución (para el resto, 404).",
  auth: "public",
  params: ZDataItemIdParams,
  response: ZDataItem,
  errors: [],
});

export const updateDataItemOp = defineOperation({
  operationId: "updateDataItem",
  method: "PATCH",
  path: "/api/v1/data-items/{institution}/{code}",
  tags: TAGS,
  summary: "Modifica un dato (solo los campos enviados)",
  description:
    "Solo un/a administrador/a de la institución responsable; cambian solo los campos enviados. Un dato que usan servicios de datos abiertos solo puede clasificarse ESTADISTICO u OTRO (409 `data_item_in_open_service`). Rebajar un dato SENSIBLE que usan servicios publicados u obsoletos quita el consentimiento que esos servicios exigen: solo lo hace el equipo de la plataforma (409 `classification_in_use` para los demás), y cada institución proveedora afectada recibe un aviso.",
  auth: "session",
  params: ZDataItemIdParams,
  body: ZDataItemUpdate,
  response: ZDataItem,
  errors: ["forbidden", "data_item_retired", "data_item_in_open_service", "classification_in_use"],
});

export const transitionDataItemOp = defineOperation({
  operationId: "transitionDataItem",
  method: "POST",
  path: "/api/v1/data-items/{institution}/{code}/transitions",
  tags: TAGS,
  summary: "Cambia el estado de un dato: publish, deprecate (con motivo), retire (con motivo; no si un servicio vigente lo usa)",
  description:
    "Solo un/a administrador/a de la institución responsable. Una acción que la tabla de transiciones no permite desde el estado actual responde 409 `invalid_transition`; retirar un dato que usan servicios vigentes, 409 `data_item_in_use`.",
  auth: "session",
  params: ZDataItemIdParams,
  body: ZTransitionRequest,
  response: ZDataItem,
  errors: ["forbidden", "invalid_transition", "data_item_in_use"],
});
