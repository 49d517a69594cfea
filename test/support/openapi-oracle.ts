import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import {
  codePointName,
  deref,
  hasForbiddenChar,
  hasUnstorableChar,
  type OpenApiDocument,
  type OperationObject,
  type Schema,
} from "./openapi-arbitraries";

const DOC_ID = "urn:pisee:openapi";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

function isDate(s: string) {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(+m[1]!, +m[2]! - 1, +m[3]!);
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

/** The media types whose bodies are JSON. */
export const isJsonMedia = (media: string) => /^application\/([\w.-]+\+)?json$/i.test(media);

/**
 * Checks requests and responses against the OpenAPI document with ajv (JSON Schema 2020-12, the
 * dialect of OpenAPI 3.1). The whole document is added as one schema, so the `#/components/schemas/...`
 * references of any schema taken from it resolve.
 */
export class OpenApiOracle {
  private readonly ajv: Ajv2020;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(readonly doc: OpenApiDocument) {
    this.ajv = new Ajv2020({ strict: false, allErrors: true, allowUnionTypes: true, validateSchema: false });
    // The formats the document uses (openapi-arbitraries refuses any other).
    this.ajv.addFormat("uuid", UUID_RE);
    this.ajv.addFormat("date", isDate);
    this.ajv.addFormat("date-time", DATE_TIME_RE);
    this.ajv.addFormat("uri", (s: string) => {
      try {
        return Boolean(new URL(s).protocol);
      } catch {
        return false;
      }
    });
    this.ajv.addFormat("binary", true);
    this.ajv.addSchema(doc as object, DOC_ID);
  }

  /** A validator for a schema taken from the document (its local $refs point into the document). */
  validator(schema: Schema): ValidateFunction {
    const text = JSON.stringify(schema).replace(/"\$ref":"#\//g, `"$ref":"${DOC_ID}#/`);
    let v = this.cache.get(text);
    if (!v) {
      v = this.ajv.compile(typeof schema === "boolean" ? schema : JSON.parse(text));
      this.cache.set(text, v);
    }
    return v;
  }

  accepts = (schema: Schema, value: unknown): boolean => this.validator(schema)(value) === true;

  errorsOf(schema: Schema, value: unknown): string[] {
    const v = this.validator(schema);
    return v(value) ? [] : formatErrors(v.errors ?? []);
  }

  // -------------------------------------------------------------------------------------------
  // Requests

  /**
   * Why the document says this request is invalid (empty: valid as far as the document can tell).
   * Query values are read as the server reads them (`Number(value)` for numeric parameters).
   * Also: forbidden characters (hasForbiddenChar) in a text field of the body or in a query value,
   * and NUL or lone surrogates anywhere in a free-form part of the body (what PostgreSQL cannot store).
   */
  requestViolations(op: OperationObject, req: { params: Record<string, string>; query: URLSearchParams; bodyText?: string; jsonBody: boolean }): string[] {
    const out: string[] = [];
    for (const p of op.parameters ?? []) {
      if (p.in === "path") {
        const v = req.params[p.name];
        if (v === undefined) out.push(`path parameter ${p.name} missing`);
        else if (!this.accepts(p.schema, v)) out.push(`path parameter ${p.name} violates the document`);
      } else if (p.in === "query") {
        const v = req.query.get(p.name);
        if (v === null) {
          if (p.required) out.push(`query parameter ${p.name} missing`);
          continue;
        }
        const schema = deref(p.schema, this.doc);
        const numeric = typeof schema === "object" && (schema.type === "integer" || schema.type === "number");
        const value = numeric ? (v.trim() === "" ? Number.NaN : Number(v)) : v;
        if (!this.accepts(p.schema, value)) out.push(`query parameter ${p.name} violates the document`);
        if (hasForbiddenChar(v)) out.push(`query parameter ${p.name} contains ${forbiddenNames(v)}`);
      }
    }
    const schema = op.requestBody?.content["application/json"]?.schema;
    if (schema !== undefined && req.jsonBody) {
      let body: unknown;
      try {
        body = JSON.parse(req.bodyText ?? "");
      } catch {
        out.push("body is not JSON");
        return out;
      }
      const errors = this.errorsOf(schema, body);
      if (errors.length) out.push(`body violates the document (${errors.slice(0, 3).join("; ")})`);
      this.walkStrings(body, schema, (at, s, kind) => {
        if (kind === "text" ? hasForbiddenChar(s) : hasUnstorableChar(s)) out.push(`${kind === "text" ? "text field" : "free-form value"} ${pathText(at)} contains ${forbiddenNames(s)}`);
      });
    }
    return out;
  }

  /**
   * Calls `visit` for every string of `value` the schema describes: "text" for a string the schema
   * types as a string, "free" for strings (values and keys) inside a free-form part (`{}`).
   * Properties the schema does not declare are skipped: the server ignores them.
   */
  walkStrings(value: unknown, schema: Schema, visit: StringVisitor, at: (string | number)[] = []) {
    const s = deref(schema, this.doc);
    const freeForm = s === true || (typeof s === "object" && !["type", "enum", "const", "anyOf", "oneOf", "properties", "items", "additionalProperties"].some((k) => k in s));
    if (freeForm) return walkFree(value, at, visit);
    if (s === false) return;
    const branches = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
    if (branches) {
      const { anyOf: _a, oneOf: _o, ...rest } = s;
      const merged = branches.map((b) => (typeof b === "object" ? { ...rest, ...(deref(b, this.doc) as object) } : b));
      const match = merged.find((b) => typeMatches(b, value)) ?? merged.find((b) => this.accepts(b, value));
      if (match !== undefined) this.walkStrings(value, match, visit, at);
      return;
    }
    if (typeof value === "string") {
      if (typeMatches(s, value)) visit(at, value, "text", s);
    } else if (Array.isArray(value)) {
      if (s.items !== undefined) value.forEach((x, i) => this.walkStrings(x, s.items as Schema, visit, [...at, i]));
    } else if (value !== null && typeof value === "object") {
      const props = (s.properties ?? {}) as Record<string, Schema>;
      for (const [k, x] of Object.entries(value)) {
        const child = Object.hasOwn(props, k) ? props[k] : s.additionalProperties;
        if (child !== undefined && child !== false) this.walkStrings(x, child as Schema, visit, [...at, k]);
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Responses

  /** What is wrong with a response: an undocumented status or media type, or a body that does not match its schema. */
  responseProblems(op: OperationObject, res: { status: number; contentType: string | null; bytes: Uint8Array }): string[] {
    const documented = op.responses[String(res.status)] ?? op.responses[`${String(res.status)[0]}XX`] ?? op.responses.default;
    if (!documented) return [`status ${res.status} is not documented (documented: ${Object.keys(op.responses).join(", ")})`];
    const content = documented.content;
    if (!content) return res.bytes.length ? [`status ${res.status} is documented without a body, but the answer has one`] : [];
    const media = (res.contentType ?? "").split(";")[0]!.trim().toLowerCase();
    const entry = content[media];
    if (!entry) return [`media type "${res.contentType}" is not documented for ${res.status} (documented: ${Object.keys(content).join(", ")})`];
    const text = new TextDecoder().decode(res.bytes);
    if (isJsonMedia(media)) {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return [`body of ${res.status} is not JSON`];
      }
      return entry.schema === undefined ? [] : this.errorsOf(entry.schema, body).map((e) => `body of ${res.status} does not match the documented schema: ${e}`);
    }
    // Binary answers (documented as `type: string, format: binary`): check what the media type promises.
    if (media === "application/pdf" && !text.startsWith("%PDF-")) return ["application/pdf answer does not start with %PDF-"];
    if (media === "application/jose" && !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(text)) return ["application/jose answer is not a compact JWS"];
    if (!res.bytes.length) return [`${media} answer is empty`];
    return [];
  }
}

/** A string found by walkStrings: where, the string, whether a text field or free-form, and its schema. */
export type StringVisitor = (at: (string | number)[], s: string, kind: "text" | "free", schema: Schema) => void;

/** `a.b[0].c`, for messages. */
export const pathText = (at: (string | number)[]) => at.map((k, i) => (typeof k === "number" ? `[${k}]` : i ? `.${k}` : k)).join("") || "(root)";

/** Iterative: free-form values may be nested thousands of levels deep (the fuzzer sends such bodies). */
function walkFree(root: unknown, rootAt: (string | number)[], visit: StringVisitor) {
  const stack: { value: unknown; at: (string | number)[] }[] = [{ value: root, at: rootAt }];
  while (stack.length) {
    const { value, at } = stack.pop()!;
    if (typeof value === "string") visit(at, value, "free", true);
    else if (Array.isArray(value)) value.forEach((x, i) => stack.push({ value: x, at: at.length < 50 ? [...at, i] : at }));
    else if (value !== null && typeof value === "object") {
      for (const [k, x] of Object.entries(value)) {
        visit([...at, "{key}"], k, "free", true);
        stack.push({ value: x, at: at.length < 50 ? [...at, k] : at });
      }
    }
  }
}

function typeMatches(schema: Schema, value: unknown): boolean {
  if (typeof schema !== "object") return schema;
  const t = value === null ? "null" : Array.isArray(value) ? "array" : typeof value === "number" ? (Number.isInteger(value) ? ["integer", "number"] : ["number"]) : typeof value;
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : null;
  if (!types) return "enum" in schema || "const" in schema;
  return (Array.isArray(t) ? t : [t]).some((x) => types.includes(x));
}

function forbiddenNames(s: string): string {
  const found = new Set<string>();
  for (let i = 0; i < s.length && found.size < 4; i++) {
    const ch = s[i]!;
    const pair = s.slice(i, i + 2);
    if (/^[\uD800-\uDBFF][\uDC00-\uDFFF]$/.test(pair)) {
      i++;
      continue;
    }
    if (hasForbiddenChar(ch)) found.add(codePointName(ch));
  }
  return [...found].join(", ");
}

function formatErrors(errors: ErrorObject[]): string[] {
  return errors.slice(0, 6).map((e) => `${e.instancePath || "(root)"} ${e.message ?? e.keyword}${e.params && "additionalProperty" in e.params ? ` (${String(e.params.additionalProperty)})` : ""}`);
}
