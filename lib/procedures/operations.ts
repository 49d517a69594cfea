import { defineOperation } from "@/lib/api/operation";
import { ZProcedureCode, ZTransitionRequest } from "@/lib/catalog/schemas";
import { ZProcedure, ZProcedureCreate, ZProcedurePage, ZProcedureSearchQuery, ZProcedureUpdate } from "@/lib/procedures/schemas";
import { z } from "@/lib/zod";

const TAGS = ["Trámites (CPAT)"];
const params = z.object({ code: ZProcedureCode });

export const searchProceduresOp = defineOperation({
  operationId: "searchProcedures",
  method: "GET",
  path: "/api/v1/procedures",
  tags: TAGS,
  summary: "Lista los trámites del registro",
  auth: "public",
  query: ZProcedureSearchQuery,
  response: ZProcedurePage,
  errors: [422],
});

export const createProcedureOp = defineOperation({
  operationId: "createProcedure",
  method: "POST",
  path: "/api/v1/procedures",
  tags: TAGS,
  summary: "Registra un trámite (administrador/a de la institución responsable)",
  auth: "session",
  body: ZProcedureCreate,
  response: ZProcedure,
  successStatus: 201,
  errors: [401, 403, 409, 413, 415, 422],
});

export const getProcedureOp = defineOperation({
  operationId: "getProcedure",
  method: "GET",
  path: "/api/v1/procedures/{code}",
  tags: TAGS,
  summary: "Un trámite",
  auth: "public",
  params,
  response: ZProcedure,
  errors: [404],
});

export const updateProcedureOp = defineOperation({
  operationId: "updateProcedure",
  method: "PATCH",
  path: "/api/v1/procedures/{code}",
  tags: TAGS,
  summary: "Modifica un trámite (solo los campos enviados)",
  auth: "session",
  params,
  body: ZProcedureUpdate,
  response: ZProcedure,
  errors: [401, 403, 404, 409, 413, 415, 422],
});

export const transitionProcedureOp = defineOperation({
  operationId: "transitionProcedure",
  method: "POST",
  path: "/api/v1/procedures/{code}/transitions",
  tags: TAGS,
  summary: "Deroga un trámite: repeal (VIGENTE→DEROGADO, con motivo)",
  auth: "session",
  params,
  body: ZTransitionRequest,
  response: ZProcedure,
  errors: [401, 403, 404, 409, 415, 422],
});
