import { defineOperation } from "@/lib/api/operation";
import { ZInstitution, ZInstitutionCode, ZInstitutionListQuery, ZInstitutionPage } from "@/lib/institutions/schemas";
import { z } from "@/lib/zod";

export const listInstitutionsOp = defineOperation({
  operationId: "listInstitutions",
  method: "GET",
  path: "/api/v1/institutions",
  tags: ["Instituciones"],
  summary: "Lista las instituciones (OAE) con su grupo y plazo de la Ley 21.464",
  description: "Búsqueda por nombre o código sin distinguir tildes ni mayúsculas, filtros por grupo y tipo, y paginación.",
  auth: "public",
  query: ZInstitutionListQuery,
  response: ZInstitutionPage,
  errors: [],
});

export const getInstitutionOp = defineOperation({
  operationId: "getInstitution",
  method: "GET",
  path: "/api/v1/institutions/{code}",
  tags: ["Instituciones"],
  summary: "Una institución por su código",
  description:
    "Pública. Una institución por su código (PROTOCOL.md §1), con su grupo de gradualidad, su plazo y su etapa de incorporación a la red.",
  auth: "public",
  params: z.object({ code: ZInstitutionCode }),
  response: ZInstitution,
  errors: [],
});
