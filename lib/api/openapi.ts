import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { ERROR_DESCRIPTIONS, ZErrorBody } from "@/lib/api/error-body";
import type { Operation } from "@/lib/api/operation";
import { OPERATIONS } from "@/lib/api/registry";

const json = <T>(schema: T) => ({ content: { "application/json": { schema } } });

function toOpenApi(op: Operation): ZodOpenApiOperationObject {
  const responses: Record<string, { description: string; content: Record<string, { schema: unknown }> }> = {
    [String(op.successStatus ?? 200)]: {
      description: "Éxito",
      ...(op.responseMedia ? { content: { [op.responseMedia]: { schema: { type: "string", format: "binary" } } } } : json(op.response)),
    },
  };
  for (const status of [...op.errors, 500]) {
    responses[String(status)] = { description: ERROR_DESCRIPTIONS[status] ?? "Error", ...json(ZErrorBody) };
  }
  const requestParams: ZodOpenApiOperationObject["requestParams"] = {};
  if (op.query) requestParams.query = op.query as never;
  if (op.params) requestParams.path = op.params as never;
  return {
    operationId: op.operationId,
    tags: op.tags,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.auth === "session" ? { security: [{ session: [] }] } : { security: [] }),
    requestParams,
    ...(op.body ? { requestBody: { required: true, ...json(op.body) } } : {}),
    ...(op.upload
      ? {
          requestBody: {
            required: true,
            content: {
              "multipart/form-data": {
                schema: { type: "object", required: [op.upload.field], properties: { [op.upload.field]: { type: "string", format: "binary", description: op.upload.description } } },
              },
            },
          },
        }
      : {}),
    responses: responses as ZodOpenApiOperationObject["responses"],
  };
}

/** The OpenAPI 3.1 document of the portal's API, generated from the operations' zod schemas. */
export function buildOpenApiDocument(serverUrl?: string) {
  const paths: ZodOpenApiPathsObject = {};
  for (const op of OPERATIONS) {
    const item = (paths[op.path] ??= {});
    (item as Record<string, ZodOpenApiOperationObject>)[op.method.toLowerCase()] = toOpenApi(op);
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "API del portal de la Red de Interoperabilidad del Estado",
      version: "1.0.0",
      description:
        "Servicios centrales de la red: instituciones y sus plazos, catálogo, acuerdos, consentimientos y trazabilidad. " +
        "Los errores tienen siempre la forma `{ error: { code, message, issues? } }`. " +
        "Las operaciones que cambian estado exigen la cabecera Origin del portal cuando se llaman con la sesión del navegador.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "Sesión iniciada con ClaveÚnica" },
      },
    },
    paths,
  });
}
