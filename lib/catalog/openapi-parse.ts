import { parse as parseYaml, YAMLParseError } from "yaml";
import type { ErrorIssue } from "@/lib/errors";

/** An operation of a service's OpenAPI document, as shown to people. */
export type Endpoint = { method: string; path: string; summary: string | null; operationId: string | null };

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export type ParseResult = { ok: true; document: Record<string, unknown> } | { ok: false; issues: ErrorIssue[] };

/**
 * Reads an OpenAPI document given as an object or as JSON/YAML text (pasted or uploaded).
 * Usable in the browser (preview) and on the server (before validation).
 */
export function parseOpenApiInput(input: unknown): ParseResult {
  let doc: unknown = input;
  if (typeof input === "string") {
    const text = input.trim();
    if (!text) return { ok: false, issues: [{ path: "openapi", message: "El documento OpenAPI está vacío." }] };
    try {
      doc = text.startsWith("{") ? JSON.parse(text) : parseYaml(text, { prettyErrors: true, uniqueKeys: true });
    } catch (err) {
      const where = err instanceof YAMLParseError && err.linePos ? ` (línea ${err.linePos[0].line}, columna ${err.linePos[0].col})` : "";
      const kind = text.startsWith("{") ? "JSON" : "YAML";
      return { ok: false, issues: [{ path: "openapi", message: `El documento no es ${kind} válido${where}.` }] };
    }
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    return { ok: false, issues: [{ path: "openapi", message: "El documento OpenAPI debe ser un objeto." }] };
  }
  const version = (doc as { openapi?: unknown; swagger?: unknown }).openapi;
  if (typeof version !== "string" || !/^3\.[01]\.\d+$/.test(version)) {
    const swagger = (doc as { swagger?: unknown }).swagger;
    return {
      ok: false,
      issues: [
        {
          path: "openapi.openapi",
          message: swagger ? "Es un documento Swagger 2.0: se requiere OpenAPI 3.0 o 3.1." : "Falta la versión: el campo «openapi» debe ser 3.0.x o 3.1.x.",
        },
      ],
    };
  }
  return { ok: true, document: doc as Record<string, unknown> };
}

/** The operations of a (parsed) OpenAPI document, in document order. */
export function listEndpoints(document: unknown): Endpoint[] {
  const paths = (document as { paths?: unknown } | null)?.paths;
  if (!paths || typeof paths !== "object") return [];
  const out: Endpoint[] = [];
  for (const [path, item] of Object.entries(paths as Record<string, unknown>)) {
    if (!item || typeof item !== "object") continue;
    for (const method of METHODS) {
      const op = (item as Record<string, unknown>)[method] as { summary?: unknown; operationId?: unknown } | undefined;
      if (!op || typeof op !== "object") continue;
      out.push({
        method: method.toUpperCase(),
        path,
        summary: typeof op.summary === "string" ? op.summary : null,
        operationId: typeof op.operationId === "string" ? op.operationId : null,
      });
    }
  }
  return out;
}
