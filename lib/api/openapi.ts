import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { ZErrorBody } from "@/lib/api/error-body";
import { API_TAGS, answerableCodes, type Operation } from "@/lib/api/operation";
import { OPERATIONS } from "@/lib/api/registry";
import { ERROR_CODES, type ErrorCode } from "@/lib/errors";

const json = <T>(schema: T) => ({ content: { "application/json": { schema } } });

/** Statuses in order, each with the codes of ERROR_CODES the operation can answer with it. */
function codesByStatus(op: Operation): [number, ErrorCode[]][] {
  const by = new Map<number, ErrorCode[]>();
  for (const code of answerableCodes(op)) {
    const status = ERROR_CODES[code].status;
    by.set(status, [...(by.get(status) ?? []), code]);
  }
  return [...by].sort(([a], [b]) => a - b);
}

/** The error responses of an operation: per status, the codes it can answer and what each means. */
function errorResponses(op: Operation) {
  const out: Record<string, unknown> = {};
  for (const [status, codes] of codesByStatus(op)) {
    out[String(status)] = {
      description: codes.map((c) => `\`${c}\`: ${ERROR_CODES[c].description}`).join("\n\n"),
      ...json({
        allOf: [
          { $ref: "#/components/schemas/Error" },
          { type: "object", properties: { error: { type: "object", properties: { code: { type: "string", enum: codes } } } } },
        ],
      }),
    };
  }
  return out;
}

function toOpenApi(op: Operation): ZodOpenApiOperationObject {
  const responses: Record<string, unknown> = {
    [String(op.successStatus ?? 200)]: {
      description: "Éxito",
      ...(op.responseMedia ? { content: { [op.responseMedia]: { schema: { type: "string", format: "binary" } } } } : json(op.response)),
    },
    ...errorResponses(op),
  };
  const requestParams: ZodOpenApiOperationObject["requestParams"] = {};
  if (op.query) requestParams.query = op.query as never;
  if (op.params) requestParams.path = op.params as never;
  return {
    operationId: op.operationId,
    tags: op.tags,
    summary: op.summary,
    description: op.description,
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

/** The OpenAPI 3.1 document of the portal's API, generated from the operations' definitions. */
export function buildOpenApiDocument() {
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
        "Los errores tienen siempre la forma `{ error: { code, message, issues? } }`; cada operación documenta, por estado HTTP, los códigos que puede responder. " +
        "Las operaciones que cambian estado exigen la cabecera Origin del portal cuando se llaman con la sesión del navegador. " +
        "Los cuerpos son `application/json` en UTF-8 (hasta 1 MB); los textos no admiten caracteres de control ni de control de dirección.",
      contact: { name: "Equipo de la plataforma de interoperabilidad (División de Gobierno Digital)", url: "https://digital.gob.cl" },
      license: { name: "MIT", identifier: "MIT" },
    },
    // Relative to where the document is served (OpenAPI 3.1 §4.8.5): true on every deployment.
    servers: [{ url: "/", description: "Este portal" }],
    tags: Object.entries(API_TAGS).map(([name, description]) => ({ name, description })),
    components: {
      schemas: { Error: ZErrorBody },
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "Sesión iniciada con ClaveÚnica" },
      },
    },
    paths,
  });
}
