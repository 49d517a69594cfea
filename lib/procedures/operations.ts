import { defineOperation, type ApiTag } from "@/lib/api/operation";
import { ZProcedureCode, ZTransitionRequest } from "@/lib/fields";
import { ZProcedure, ZProcedureCreate, ZProcedurePage, ZProcedureSearchQuery, ZProcedureUpdate } from "@/lib/procedures/schemas";
import { z } from "@/lib/zod";

const TAGS: ApiTag[] = ["Trámites (CPAT)"];
const params = z.object({ code: ZProcedureCode });

export const searchProceduresOp = defineOperation({
  operationId: "searchProcedures",
  method: "GET",
  path: "/api/v1/procedures",
  tags: TAGS,
  summary: "Lista los trámites del registro",
  description:
    "Pública. Los trámites del registro CPAT, con búsqueda por nombre o código, filtros por institución y estado, y paginación.",
  auth: "public",
  query: ZProcedureSearchQuery,
  response: ZProcedurePage,
  errors: [],
});

export const createProcedureOp = defineOperation({
  operationId: "createProcedure",
  method: "POST",
  path: "/api/v1/procedures",
  tags: TAGS,
  summary: "Registra un trámite (administrador/a de la institución responsable)",
  description:
    "Solo un/a administrador/a de la institución responsable del trámite; el código CPAT es único.",
  auth: "session",
  body: ZProcedureCreate,
  response: ZProcedure,
  successStatus: 201,
  errors: ["forbidden", "procedure_exists"],
});

export const getProcedureOp = defineOperation({
  operationId: "getProcedure",
  method: "GET",
  path: "/api/v1/procedures/{code}",
  tags: TAGS,
  summary: "Un trámite",
  description:
    "Pública. El trámite con su norma de origen, si requiere interoperabilidad o consentimiento, y cuántos servicios lo usan; sus administradores ven además el historial y las acciones disponibles.",
  auth: "public",
  params,
  response: ZProcedure,
  errors: [],
});

export const updateProcedureOp = defineOperation({
  operationId: "updateProcedure",
  method: "PATCH",
  path: "/api/v1/procedures/{code}",
  tags: TAGS,
  summary: "Modifica un trámite (solo los campos enviados)",
  description:
    "Solo un/a administrador/a de la institución responsable; cambian solo los campos enviados. Un trámite derogado no se modifica (409 `procedure_repealed`).",
  auth: "session",
  params,
  body: ZProcedureUpdate,
  response: ZProcedure,
  errors: ["forbidden", "procedure_repealed"],
});

export const transitionProcedureOp = defineOperation({
  operationId: "transitionProcedure",
  method: "POST",
  path: "/api/v1/procedures/{code}/transitions",
  tags: TAGS,
  summary: "Deroga un trámite: repeal (VIGENTE→DEROGADO, con motivo)",
  description:
    "Solo un/a administrador/a de la institución responsable, con motivo. Un trámite derogado no vuelve a estar vigente (409 `invalid_transition`).",
  auth: "session",
  params,
  body: ZTransitionRequest,
  response: ZProcedure,
  errors: ["forbidden", "invalid_transition"],
});
