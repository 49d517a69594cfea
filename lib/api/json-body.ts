import "server-only";
import { AppError, type ErrorIssue } from "@/lib/errors";
import { LONE_SURROGATE } from "@/lib/zod";

/** Largest JSON body the API reads (the OpenAPI description of a service is the largest field). */
export const MAX_JSON_BODY_BYTES = 1_000_000;
/** Deepest nesting of arrays and objects a JSON body may have. */
export const MAX_JSON_DEPTH = 64;

/** `application/json`, optionally with `charset=utf-8`: the only JSON the API reads (RFC 8259 §8.1). */
const JSON_MEDIA_TYPE = /^application\/json[ \t]*(?:;[ \t]*charset[ \t]*=[ \t]*(?:utf-8|"utf-8")[ \t]*)?$/i;

export function isJsonMediaType(contentType: string | null): boolean {
  return contentType !== null && JSON_MEDIA_TYPE.test(contentType.trim());
}

const tooLarge = (limit: number) => new AppError("payload_too_large", `El cuerpo excede el tamaño máximo (${Math.round(limit / 1_000_000)} MB).`);

/**
 * Reads a request body up to `limit` bytes: a declared `Content-Length` over it is refused before
 * reading, and the read stops as soon as the bytes received go over it (chunked bodies too).
 */
export async function readBodyBytes(req: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

const invalid = (path: string, message: string, summary = "El cuerpo no es JSON válido.") => new AppError("validation_failed", summary, [{ path, message }]);

/**
 * The problem of a parsed JSON value that no field type can see: nesting deeper than
 * MAX_JSON_DEPTH, or a NUL or lone surrogate in any string or member name (PostgreSQL cannot
 * store either, and no one means to send them). Iterative, so depth costs no stack.
 */
export function jsonValueProblem(value: unknown): ErrorIssue | null {
  const stack: { v: unknown; path: string[]; depth: number }[] = [{ v: value, path: [], depth: 0 }];
  const bad = (s: string) => s.includes("\u0000") || LONE_SURROGATE.test(s);
  const at = (path: string[]) => path.join(".") || "(raíz)";
  while (stack.length) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === "string") {
      if (bad(v)) return { path: at(path), message: "Contiene un carácter nulo (U+0000) o un sustituto UTF-16 sin pareja." };
      continue;
    }
    if (v === null || typeof v !== "object") continue;
    if (depth >= MAX_JSON_DEPTH) return { path: at(path), message: `Anidamiento excesivo (más de ${MAX_JSON_DEPTH} niveles).` };
    if (Array.isArray(v)) {
      v.forEach((x, i) => stack.push({ v: x, path: [...path, String(i)], depth: depth + 1 }));
      continue;
    }
    for (const [k, x] of Object.entries(v)) {
      if (bad(k)) return { path: at(path), message: "Un nombre de campo contiene un carácter nulo (U+0000) o un sustituto UTF-16 sin pareja." };
      stack.push({ v: x, path: [...path, k], depth: depth + 1 });
    }
  }
  return null;
}

/**
 * The JSON body of a request: `application/json` in UTF-8 (else 415), at most
 * MAX_JSON_BODY_BYTES (else 413), valid UTF-8 and JSON, not nested deeper than MAX_JSON_DEPTH and
 * without NUL or lone surrogates anywhere (else 422 with the place).
 */
export async function readJsonBody(req: Request): Promise<unknown> {
  if (!isJsonMediaType(req.headers.get("content-type"))) throw new AppError("unsupported_media_type");
  const bytes = await readBodyBytes(req, MAX_JSON_BODY_BYTES);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalid("(cuerpo)", "El cuerpo no está codificado en UTF-8 válido.");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    // V8 parses recursively: nesting deep enough to exhaust the stack is refused as what it is.
    throw invalid("(cuerpo)", err instanceof RangeError ? `Anidamiento excesivo (más de ${MAX_JSON_DEPTH} niveles).` : "JSON mal formado");
  }
  const problem = jsonValueProblem(value);
  if (problem) throw new AppError("validation_failed", "Los datos enviados no son válidos.", [problem]);
  return value;
}
