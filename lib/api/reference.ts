import "server-only";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { ERROR_CODES, type ErrorCode } from "@/lib/errors";

/**
 * The API reference that /api/docs renders: the portal's own OpenAPI document (the one served at
 * /api/v1/openapi.json), read into what a person looks for in it, with Spanish words for the
 * JSON Schema keywords. Rendered on the server, so the page needs no script and shows every
 * operation in its first answer.
 */

/** A JSON Schema as the reference shows it. */
export type SchemaView = {
  /** What kind of value, in Spanish: "texto", "entero", "lista de texto", "objeto ServiceCreate"… */
  type: string;
  /** The component it refers to (links to its description in the schemas section). */
  ref?: string;
  /** Rules on the value: "entre 3 y 160 caracteres", "patrón …", "valores: a, b"… */
  rules: string[];
  description?: string;
  example?: string;
  properties?: PropertyView[];
  /** A list's elements, when they are more than a plain type. */
  items?: SchemaView;
  /** The alternatives of oneOf / anyOf. */
  variants?: SchemaView[];
};
export type PropertyView = { name: string; required: boolean; schema: SchemaView };

export type ParameterView = { name: string; in: "path" | "query"; required: boolean; schema: SchemaView };
export type ErrorStatusView = { status: number; codes: { code: string; description: string }[] };
export type OperationView = {
  /** Anchor of the operation on the page. */
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  session: boolean;
  parameters: ParameterView[];
  body?: { media: string; schema: SchemaView };
  success: { status: number; media?: string; schema?: SchemaView };
  errors: ErrorStatusView[];
};
export type TagView = { id: string; name: string; description: string; operations: OperationView[] };
export type ApiReference = {
  title: string;
  version: string;
  openapi: string;
  description: string;
  tags: TagView[];
  schemas: { name: string; schema: SchemaView }[];
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const REF_PREFIX = "#/components/schemas/";
/** Deeper nesting than this is shown as its type only (the API's schemas stop well before). */
const MAX_DEPTH = 8;

const TYPE_WORDS: Record<string, string> = {
  string: "texto",
  integer: "entero",
  number: "número",
  boolean: "booleano",
  object: "objeto",
  array: "lista",
  null: "nulo",
};
const FORMAT_WORDS: Record<string, string> = {
  "date-time": "fecha y hora ISO 8601",
  date: "fecha AAAA-MM-DD",
  uri: "URL",
  url: "URL",
  email: "correo electrónico",
  uuid: "UUID",
  binary: "archivo (binario)",
};

const show = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

/** The rules of a schema's keywords, in Spanish. */
function rulesOf(s: Json): string[] {
  const rules: string[] = [];
  const chars = (n: number) => `${n} ${n === 1 ? "carácter" : "caracteres"}`;
  if (typeof s.minLength === "number" && typeof s.maxLength === "number") rules.push(`entre ${s.minLength} y ${chars(s.maxLength)}`);
  else if (typeof s.minLength === "number") rules.push(`al menos ${chars(s.minLength)}`);
  else if (typeof s.maxLength === "number") rules.push(`hasta ${chars(s.maxLength)}`);
  const bounded = (n: unknown): n is number => typeof n === "number" && Math.abs(n) < Number.MAX_SAFE_INTEGER;
  if (bounded(s.minimum)) rules.push(`mínimo ${s.minimum}`);
  if (typeof s.exclusiveMinimum === "number") rules.push(`mayor que ${s.exclusiveMinimum}`);
  if (bounded(s.maximum)) rules.push(`máximo ${s.maximum}`);
  if (typeof s.exclusiveMaximum === "number") rules.push(`menor que ${s.exclusiveMaximum}`);
  if (typeof s.minItems === "number") rules.push(`al menos ${s.minItems} elemento${s.minItems === 1 ? "" : "s"}`);
  if (typeof s.maxItems === "number") rules.push(`hasta ${s.maxItems} elemento${s.maxItems === 1 ? "" : "s"}`);
  if (typeof s.format === "string") rules.push(`formato: ${FORMAT_WORDS[s.format] ?? s.format}`);
  // A UUID's pattern says nothing its format does not.
  if (typeof s.pattern === "string" && s.format !== "uuid") rules.push(`patrón: ${s.pattern}`);
  if (Array.isArray(s.enum)) rules.push(`valores: ${s.enum.map(show).join(", ")}`);
  if ("const" in s) rules.push(`valor: ${show(s.const)}`);
  if ("default" in s && s.default !== undefined) rules.push(`por omisión: ${show(s.default)}`);
  return rules;
}

/** The type word of a schema (without its properties). */
function typeWord(s: Json, items: SchemaView | undefined): string {
  const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === "string" ? [s.type] : [];
  const words = types.map((t) => (t === "array" && items ? `lista de ${items.type}` : (TYPE_WORDS[t] ?? t)));
  if (words.length) return words.join(" o ");
  if (isObject(s.properties)) return "objeto";
  if (Array.isArray(s.enum)) return "texto";
  if ("const" in s) return typeof s.const === "string" ? "texto" : (TYPE_WORDS[typeof s.const] ?? "valor");
  return "cualquier valor";
}

/** Reads one JSON Schema of the document; `$ref`s to components stay references unless `expand`. */
export function readSchema(raw: unknown, components: Json, opts: { expand?: boolean; depth?: number } = {}): SchemaView {
  const depth = opts.depth ?? 0;
  if (!isObject(raw)) return { type: "cualquier valor", rules: [] };
  const description = typeof raw.description === "string" ? raw.description : undefined;
  if (typeof raw.$ref === "string" && raw.$ref.startsWith(REF_PREFIX)) {
    const name = raw.$ref.slice(REF_PREFIX.length);
    if (!opts.expand || depth >= MAX_DEPTH) {
      const target = components[name];
      const brief = isObject(target) && !isObject(target.properties) && !target.anyOf && !target.oneOf ? rulesOf(target) : [];
      const word = isObject(target) ? typeWord(target, undefined) : "objeto";
      return { type: word, ref: name, rules: brief, description: description ?? (isObject(target) && typeof target.description === "string" ? target.description : undefined) };
    }
    const target = readSchema(components[name], components, { depth: depth + 1 });
    return { ...target, ref: name, description: description ?? target.description };
  }
  const child = (s: unknown) => readSchema(s, components, { depth: depth + 1 });
  const example = raw.example === undefined ? undefined : show(raw.example);

  // allOf: the members' properties and rules together (the API uses it to narrow the error codes).
  if (Array.isArray(raw.allOf)) {
    const parts = raw.allOf.map((s) => readSchema(s, components, { depth: depth + 1, expand: true }));
    const properties = mergeProperties(parts.flatMap((p) => p.properties ?? []));
    return { type: parts.find((p) => p.type)?.type ?? "objeto", rules: [...rulesOf(raw), ...parts.flatMap((p) => p.rules)], description, example, properties };
  }
  const alternatives = Array.isArray(raw.oneOf) ? raw.oneOf : Array.isArray(raw.anyOf) ? raw.anyOf : undefined;
  if (alternatives) {
    const variants = alternatives.map(child).flatMap((v) => (v.variants && !v.properties && v.type === "una de estas formas" ? v.variants : [v]));
    const nullable = variants.some((v) => v.type === "nulo");
    const others = variants.filter((v) => v.type !== "nulo");
    if (others.length === 1) {
      const only = others[0]!;
      return { ...only, type: nullable ? `${only.type} o nulo` : only.type, rules: [...rulesOf(raw), ...only.rules], description: description ?? only.description, example: example ?? only.example };
    }
    return { type: nullable ? "una de estas formas, o nulo" : "una de estas formas", rules: rulesOf(raw), description, example, variants: others };
  }

  const items = raw.items !== undefined && depth < MAX_DEPTH ? child(raw.items) : undefined;
  const view: SchemaView = { type: typeWord(raw, items), rules: rulesOf(raw), description, example };
  if (items && (items.properties || items.variants || items.ref || items.rules.length || items.description)) view.items = items;
  if (isObject(raw.properties) && depth < MAX_DEPTH) {
    const required = new Set(Array.isArray(raw.required) ? (raw.required as string[]) : []);
    view.properties = Object.entries(raw.properties).map(([name, s]) => ({ name, required: required.has(name), schema: child(s) }));
  }
  if (isObject(raw.additionalProperties) && depth < MAX_DEPTH) {
    const values = child(raw.additionalProperties);
    view.type = `objeto con claves libres (cada valor: ${values.type})`;
    if (isObject(raw.propertyNames)) view.rules.push(...rulesOf(raw.propertyNames).map((r) => `claves: ${r}`));
    if (values.properties || values.variants) view.items = values;
  }
  return view;
}

/** Properties of allOf members: a later member narrows an earlier one's property of the same name. */
function mergeProperties(props: PropertyView[]): PropertyView[] | undefined {
  if (!props.length) return undefined;
  const byName = new Map<string, PropertyView>();
  for (const p of props) {
    const before = byName.get(p.name);
    if (!before) byName.set(p.name, p);
    else {
      const properties = mergeProperties([...(before.schema.properties ?? []), ...(p.schema.properties ?? [])]);
      byName.set(p.name, {
        name: p.name,
        required: before.required || p.required,
        schema: { ...before.schema, rules: [...before.schema.rules, ...p.schema.rules], ...(properties ? { properties } : {}) },
      });
    }
  }
  return [...byName.values()];
}

/** The error codes of one error response: the narrowed `error.code` enum of the document. */
function errorCodesOf(response: Json): string[] {
  const schema = (response.content as Json | undefined)?.["application/json"];
  const allOf = isObject(schema) && isObject(schema.schema) ? schema.schema.allOf : undefined;
  if (!Array.isArray(allOf)) return [];
  for (const member of allOf) {
    const code = isObject(member) ? ((member.properties as Json | undefined)?.error as Json | undefined)?.properties : undefined;
    const values = isObject(code) && isObject(code.code) ? code.code.enum : undefined;
    if (Array.isArray(values)) return values.filter((v): v is string => typeof v === "string");
  }
  return [];
}

const errorDescription = (code: string) => (code in ERROR_CODES ? ERROR_CODES[code as ErrorCode].description : "");

/** The first media type of a content map and its schema. */
function firstContent(content: unknown): { media: string; schema: unknown } | undefined {
  if (!isObject(content)) return undefined;
  const [media, value] = Object.entries(content)[0] ?? [];
  return media ? { media, schema: isObject(value) ? value.schema : undefined } : undefined;
}

const anchor = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

function readOperation(method: string, path: string, op: Json, components: Json): OperationView {
  const parameters = (Array.isArray(op.parameters) ? op.parameters : []).filter(isObject).map((p) => {
    const schema = readSchema(p.schema, components);
    return {
      name: String(p.name),
      in: p.in === "path" ? ("path" as const) : ("query" as const),
      required: p.required === true,
      schema: { ...schema, description: typeof p.description === "string" ? p.description : schema.description },
    };
  });
  const requestBody = isObject(op.requestBody) ? firstContent(op.requestBody.content) : undefined;
  const responses = isObject(op.responses) ? op.responses : {};
  const statuses = Object.keys(responses).map(Number).sort((a, b) => a - b);
  const successStatus = statuses.find((s) => s < 300) ?? 200;
  const success = firstContent((responses[String(successStatus)] as Json | undefined)?.content);
  const isBinary = (s: unknown) => isObject(s) && s.format === "binary";
  return {
    id: typeof op.operationId === "string" ? `op-${anchor(op.operationId)}` : `op-${anchor(`${method} ${path}`)}`,
    method: method.toUpperCase(),
    path,
    summary: typeof op.summary === "string" ? op.summary : `${method.toUpperCase()} ${path}`,
    description: typeof op.description === "string" ? op.description : "",
    session: Array.isArray(op.security) && op.security.some((s) => isObject(s) && "session" in s),
    parameters,
    body: requestBody ? { media: requestBody.media, schema: readSchema(requestBody.schema, components, { expand: true }) } : undefined,
    success: {
      status: successStatus,
      media: success?.media,
      // A named answer is described once, in the schemas section: only its name here.
      schema: success && !isBinary(success.schema) ? readSchema(success.schema, components) : undefined,
    },
    errors: statuses
      .filter((s) => s >= 400)
      .map((status) => ({ status, codes: errorCodesOf(responses[String(status)] as Json).map((code) => ({ code, description: errorDescription(code) })) })),
  };
}

/** Reads an OpenAPI 3.1 document (the portal's) into the reference. */
export function readApiReference(doc: Json): ApiReference {
  const components = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
  const info = isObject(doc.info) ? doc.info : {};
  const declared = (Array.isArray(doc.tags) ? doc.tags : []).filter(isObject).map((t) => ({ name: String(t.name), description: typeof t.description === "string" ? t.description : "" }));
  const byTag = new Map<string, OperationView[]>(declared.map((t) => [t.name, []]));
  for (const [path, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    if (!isObject(item)) continue;
    for (const [method, op] of Object.entries(item)) {
      if (!isObject(op)) continue;
      const tag = Array.isArray(op.tags) && typeof op.tags[0] === "string" ? op.tags[0] : "Otras operaciones";
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push(readOperation(method, path, op, components));
    }
  }
  const descriptions = new Map(declared.map((t) => [t.name, t.description]));
  return {
    title: typeof info.title === "string" ? info.title : "API",
    version: typeof info.version === "string" ? info.version : "",
    openapi: typeof doc.openapi === "string" ? doc.openapi : "",
    description: typeof info.description === "string" ? info.description : "",
    tags: [...byTag]
      .filter(([, ops]) => ops.length > 0)
      .map(([name, operations]) => ({ id: `tag-${anchor(name)}`, name, description: descriptions.get(name) ?? "", operations })),
    schemas: Object.entries(components).map(([name, s]) => ({ name, schema: readSchema(s, components, { expand: false }) })),
  };
}

let cached: ApiReference | undefined;
/** The reference of this portal's API (built once: the document only changes with the code). */
export function getApiReference(): ApiReference {
  cached ??= readApiReference(buildOpenApiDocument() as unknown as Json);
  return cached;
}
