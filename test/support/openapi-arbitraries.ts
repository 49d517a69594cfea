import fc from "fast-check";

/**
 * fast-check arbitraries from the JSON Schemas (2020-12 dialect) of an OpenAPI 3.1 document:
 * values a schema accepts (`validArbitrary`), and malformed variants of them (`malformedBodyArbitrary`,
 * the text helpers below). Only the keywords the portal's document uses are supported; any other
 * keyword throws, so a schema the generator does not understand is never fuzzed by accident with
 * values that ignore it.
 */

export type Schema = boolean | { [keyword: string]: unknown };
export type ParameterObject = { name: string; in: "query" | "path" | "header" | "cookie"; required?: boolean; schema: Schema };
export type MediaObject = { schema?: Schema };
export type OperationObject = {
  operationId: string;
  security?: Record<string, string[]>[];
  parameters?: ParameterObject[];
  requestBody?: { required?: boolean; content: Record<string, MediaObject> };
  responses: Record<string, { description: string; content?: Record<string, MediaObject> }>;
};
export type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, Schema> };
};

const ANNOTATIONS = new Set(["description", "example", "examples", "default", "title", "deprecated", "readOnly", "writeOnly", "$comment", "id"]);
const SUPPORTED = new Set([
  "$ref", "type", "enum", "const", "anyOf", "oneOf", "properties", "required", "additionalProperties", "propertyNames",
  "items", "minItems", "maxItems", "uniqueItems", "minLength", "maxLength", "pattern", "format",
  "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
]);
const FORMATS = new Set(["uuid", "date", "date-time", "uri", "binary"]);

/** Follows a local JSON pointer (`#/components/schemas/X`) in the document. */
export function pointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith("#")) throw new Error(`only local $ref are supported: ${ref}`);
  let node = doc;
  for (const raw of ref.slice(1).split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !(key in node)) throw new Error(`unresolvable $ref ${ref}`);
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** The schema with its `$ref` chain resolved; sibling keywords of a `$ref` (3.1 allows them) are kept. */
export function deref(schema: Schema, doc: OpenApiDocument): Schema {
  let s = schema;
  const seen = new Set<string>();
  while (typeof s === "object" && typeof s.$ref === "string") {
    if (seen.has(s.$ref)) throw new Error(`cyclic $ref ${s.$ref}`);
    seen.add(s.$ref);
    const { $ref, ...siblings } = s;
    const target = pointer(doc, $ref as string) as Schema;
    s = typeof target === "object" ? { ...target, ...siblings } : target;
  }
  return s;
}

function checkKeywords(s: Record<string, unknown>, where: string) {
  for (const k of Object.keys(s)) {
    if (!SUPPORTED.has(k) && !ANNOTATIONS.has(k)) throw new Error(`openapi-arbitraries: unsupported keyword "${k}" at ${where}`);
  }
  if (typeof s.format === "string" && !FORMATS.has(s.format)) throw new Error(`openapi-arbitraries: unsupported format "${s.format}" at ${where}`);
}

// ---------------------------------------------------------------------------------------------
// Characters

/**
 * Characters no text field may carry: C0 controls but tab, line feed and carriage return; DEL and
 * the C1 controls; the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069, "Trojan Source"); and lone surrogates (not Unicode text at all).
 */
const FORBIDDEN_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** What PostgreSQL cannot store faithfully in text or jsonb: NUL, and lone surrogates (they would become U+FFFD). */
const UNSTORABLE_RE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const hasForbiddenChar = (s: string) => FORBIDDEN_RE.test(s);
export const hasUnstorableChar = (s: string) => UNSTORABLE_RE.test(s);

/** One sample of each kind of forbidden character. */
export const FORBIDDEN_CHARS = ["\u0000", "\u0001", "\u0008", "\u000B", "\u001B", "\u001F", "\u007F", "\u0085", "\u009B", "\uD800", "\uDFFF", "\u202E", "\u202A", "\u2066", "\u2069"];

/** Names a character for messages: `U+202E`. */
export const codePointName = (c: string) => [...c].map((ch) => "U+" + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")).join(" ");

/** Percent-encodes a string for a URL; lone surrogates become their WTF-8 bytes (as a careless client would send them). */
export function percentEncode(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const isHigh = c >= 0xd800 && c <= 0xdbff;
    const next = s.charCodeAt(i + 1);
    if (isHigh && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(s.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => "%" + b.toString(16).toUpperCase()).join("");
    } else {
      out += encodeURIComponent(s[i]!);
    }
  }
  return out;
}

const WORDS = [
  "certificado", "nacimiento", "registro", "civil", "datos", "servicio", "información", "año", "Ñuñoa", "pingüino",
  "ley", "19.628", "tramo", "FONASA", "matrícula", "pensión", "solidaria", "Valparaíso", "municipal", "trámite",
  "consentimiento", "señor", "árbol", "ação", "日本語", "😀", "👩🏽‍💻", "🇨🇱", "é", "x",
];

/** Cuts a string to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = "";
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/**
 * Text of `min`..`max` characters: ASCII, any printable Unicode, or Spanish words (accents,
 * ñ, emoji, astral characters), never a forbidden character. Lengths are kept within both the
 * JSON Schema count (code points) and zod's (UTF-16 units).
 */
export function textArbitrary(min = 0, max = Number.POSITIVE_INFINITY): fc.Arbitrary<string> {
  const cap = Math.min(max, min + 80);
  // Now and then exactly the longest text the schema admits (multi-byte characters included).
  const longest = Number.isFinite(max) && max <= 10_000 ? [fc.constantFrom("x", "ñ", "a-b", "😀").map((u) => cut(u.repeat(max), max))] : [];
  return fc
    .oneof(
      ...longest,
      fc.string({ unit: "grapheme-ascii", minLength: 0, maxLength: cap }),
      fc.string({ unit: "grapheme", minLength: 0, maxLength: cap }),
      fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }).map((w) => w.join(" ")),
    )
    .map((s) => {
      let t = s;
      while ([...t].length < min) t += " relleno";
      return cut(t, max);
    })
    .filter((s) => !hasForbiddenChar(s) && [...s].length >= min);
}

// ---------------------------------------------------------------------------------------------
// Valid values

export type GenOptions = {
  doc: OpenApiDocument;
  /** Known-good values by property name (real institution codes, RUNs, ids...), used when the schema accepts them. */
  hints?: Record<string, unknown[]>;
  /** Whether a value satisfies a schema (ajv); hints and examples are only used when it does. */
  accepts?: (schema: Schema, value: unknown) => boolean;
};

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function withKnownValues(arb: fc.Arbitrary<unknown>, schema: Schema, known: unknown[], opts: GenOptions): fc.Arbitrary<unknown> {
  const usable = known.filter((v) => v !== undefined && (!opts.accepts || opts.accepts(schema, v)));
  if (!usable.length) return arb;
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...usable) }, { weight: 2, arbitrary: arb });
}

function stringArbitrary(s: Record<string, unknown>): fc.Arbitrary<string> {
  const min = (s.minLength as number | undefined) ?? 0;
  const max = (s.maxLength as number | undefined) ?? Number.POSITIVE_INFINITY;
  const pattern = typeof s.pattern === "string" ? new RegExp(s.pattern, "u") : null;
  let base: fc.Arbitrary<string>;
  switch (s.format) {
    case "uuid":
      base = fc.uuid({ version: [1, 2, 3, 4, 5, 6, 7, 8] });
      break;
    case "date":
      base = fc.oneof(
        { weight: 4, arbitrary: fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
        // Calendar edges a database or Date may not take: year 0, the first and last years, the Gregorian switch.
        { weight: 1, arbitrary: fc.constantFrom("0000-01-01", "0000-02-29", "0001-01-01", "9999-12-31", "1582-10-10", "1970-01-01", "2000-02-29") },
      );
      break;
    case "date-time":
      base = fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString());
      break;
    case "uri":
      base = fc.oneof(fc.webUrl({ validSchemes: ["http", "https"] }), fc.constantFrom("http://127.0.0.1:9443", "https://nodo.example.cl", "https://nodo.example.cl:8443/base"));
      break;
    default:
      base = pattern ? fc.stringMatching(pattern) : textArbitrary(min, max);
  }
  return base.filter((v) => {
    const n = [...v].length;
    return n >= min && v.length <= max && (!pattern || pattern.test(v)) && (s.format !== "date" || DATE_RE.test(v));
  });
}

/** Values the schema accepts. */
export function validArbitrary(schema: Schema, opts: GenOptions, where = "#", depth = 0): fc.Arbitrary<unknown> {
  const s = deref(schema, opts.doc);
  if (s === false) throw new Error(`openapi-arbitraries: schema false at ${where} accepts nothing`);
  if (s === true || Object.keys(s).every((k) => ANNOTATIONS.has(k))) return fc.jsonValue({ maxDepth: depth > 2 ? 0 : 2 });
  checkKeywords(s, where);
  let arb = validArbitraryOf(s, opts, where, depth);
  if (s.example !== undefined) arb = withKnownValues(arb, s, [s.example], opts);
  return arb;
}

function validArbitraryOf(s: Record<string, unknown>, opts: GenOptions, where: string, depth: number): fc.Arbitrary<unknown> {
  if ("const" in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const branches = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (branches) {
    const { anyOf: _a, oneOf: _o, example: _e, ...rest } = s;
    return fc.oneof(...branches.map((b, i) => validArbitrary(typeof b === "object" ? { ...rest, ...deref(b, opts.doc) as object } : b, opts, `${where}/${s.anyOf ? "anyOf" : "oneOf"}/${i}`, depth)));
  }
  const types = Array.isArray(s.type) ? (s.type as string[]) : s.type ? [s.type as string] : s.properties ? ["object"] : s.items ? ["array"] : null;
  if (!types) throw new Error(`openapi-arbitraries: no type at ${where}`);
  return fc.oneof(...types.map((t) => typedArbitrary(t, s, opts, where, depth)));
}

function typedArbitrary(type: string, s: Record<string, unknown>, opts: GenOptions, where: string, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case "string":
      return stringArbitrary(s);
    case "integer": {
      const min = Math.max((s.minimum as number | undefined) ?? -(2 ** 31), s.exclusiveMinimum !== undefined ? (s.exclusiveMinimum as number) + 1 : -Infinity);
      const max = Math.min((s.maximum as number | undefined) ?? 2 ** 31, s.exclusiveMaximum !== undefined ? (s.exclusiveMaximum as number) - 1 : Infinity);
      return fc.oneof(fc.integer({ min, max }), fc.constantFrom(min, max));
    }
    case "number": {
      // Two decimals at most: what the portal's numeric fields (percentages) take.
      const lo = (s.minimum as number | undefined) ?? (s.exclusiveMinimum !== undefined ? (s.exclusiveMinimum as number) + 0.01 : -1e6);
      const hi = (s.maximum as number | undefined) ?? (s.exclusiveMaximum !== undefined ? (s.exclusiveMaximum as number) - 0.01 : 1e6);
      return fc.integer({ min: Math.ceil(lo * 100), max: Math.floor(hi * 100) }).map((n) => n / 100);
    }
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const items = s.items === undefined ? fc.jsonValue({ maxDepth: 1 }) : validArbitrary(s.items as Schema, opts, `${where}/items`, depth + 1);
      const minLength = (s.minItems as number | undefined) ?? 0;
      const maxLength = Math.min((s.maxItems as number | undefined) ?? minLength + 4, minLength + 4);
      return s.uniqueItems ? fc.uniqueArray(items, { minLength, maxLength, selector: (v) => JSON.stringify(v) }) : fc.array(items, { minLength, maxLength });
    }
    case "object": {
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const required = ((s.required ?? []) as string[]).filter((k) => k in props);
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, propSchema] of Object.entries(props)) {
        const arb = validArbitrary(propSchema, opts, `${where}/properties/${name}`, depth + 1);
        model[name] = opts.hints?.[name] ? withKnownValues(arb, propSchema, opts.hints[name]!, opts) : arb;
      }
      const record = fc.record(model, { requiredKeys: required, noNullPrototype: true });
      const extra = s.additionalProperties;
      if (Object.keys(props).length === 0 && extra !== false && extra !== undefined) {
        // A free-form map (e.g. an OpenAPI description, a JWK): a few entries of what it admits.
        const keys = s.propertyNames ? (validArbitrary(s.propertyNames as Schema, opts, `${where}/propertyNames`, depth + 1) as fc.Arbitrary<string>) : fc.string({ maxLength: 12 });
        const values = validArbitrary(extra as Schema, opts, `${where}/additionalProperties`, depth + 1);
        return fc.dictionary(keys, values, { maxKeys: 4, noNullPrototype: true });
      }
      for (const k of (s.required ?? []) as string[]) if (!(k in props)) throw new Error(`openapi-arbitraries: required "${k}" without a property schema at ${where}`);
      return record;
    }
    default:
      throw new Error(`openapi-arbitraries: unsupported type "${type}" at ${where}`);
  }
}

/**
 * Valid values that are mostly known-good examples (whole objects that pass the service's own
 * checks: matching institution and responsible person, existing procedures...), with the fields the
 * examples leave out (unique codes) and now and then one or two of their fields generated from the
 * schema. Without them, random values would almost never get past the services' business checks.
 */
export function withExamples(schema: Schema, generated: fc.Arbitrary<unknown>, examples: Record<string, unknown>[], opts: GenOptions): fc.Arbitrary<unknown> {
  if (!examples.length) return generated;
  const s = deref(schema, opts.doc);
  const required = new Set(typeof s === "object" ? ((s.required ?? []) as string[]) : []);
  const overlay = fc.record({ gen: generated, ex: fc.constantFrom(...examples), regen: fc.nat(), keepOptional: fc.boolean() }).map(({ gen, ex, regen, keepOptional }) => {
    if (gen === null || typeof gen !== "object" || Array.isArray(gen)) return ex;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(gen)) if (!(k in ex) && (keepOptional || required.has(k))) setOwn(out, k, v);
    const keys = Object.keys(ex);
    const regenerated = new Set(regen % 3 === 0 && keys.length ? [keys[regen % keys.length]!] : []);
    for (const [k, v] of Object.entries(ex)) setOwn(out, k, regenerated.has(k) && k in gen ? (gen as Record<string, unknown>)[k] : cloneJson(v));
    return out;
  });
  return fc.oneof({ weight: 3, arbitrary: overlay }, { weight: 1, arbitrary: generated });
}

// ---------------------------------------------------------------------------------------------
// Malformed JSON bodies

/** JSON text inserted verbatim where it stands (numbers JSON.stringify cannot write, deep nesting...). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** Sets an own enumerable property, even `__proto__` (as JSON.parse does). */
function setOwn(o: Record<string, unknown>, k: string, v: unknown) {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

function cloneJson(v: unknown): unknown {
  if (v instanceof RawJson || v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map(cloneJson);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) setOwn(out, k, cloneJson(x));
  return out;
}

/** JSON text of a value that may contain RawJson; lone surrogates are written as `\ud800` escapes. */
export function toJsonText(v: unknown): string {
  if (v instanceof RawJson) return v.text;
  if (Array.isArray(v)) return "[" + v.map((x) => (x === undefined ? "null" : toJsonText(x))).join(",") + "]";
  if (v !== null && typeof v === "object") {
    return "{" + Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => JSON.stringify(k) + ":" + toJsonText(x)).join(",") + "}";
  }
  return JSON.stringify(v) ?? "null";
}

export type Path = (string | number)[];

function locations(v: unknown, path: Path = [], out: { path: Path; value: unknown }[] = []) {
  out.push({ path, value: v });
  if (v instanceof RawJson || v === null || typeof v !== "object") return out;
  if (Array.isArray(v)) v.forEach((x, i) => locations(x, [...path, i], out));
  else for (const [k, x] of Object.entries(v)) locations(x, [...path, k], out);
  return out;
}

/** A copy of `root` with `value` at `path` (or without what is there, with mode "delete"). */
export function setAt(root: unknown, path: Path, value: unknown, mode: "set" | "delete" = "set"): unknown {
  if (path.length === 0) return value;
  const copy = cloneJson(root) as Record<string | number, unknown>;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (mode === "delete") {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else if (Array.isArray(node)) node[last as number] = value;
  else setOwn(node as Record<string, unknown>, String(last), value);
  return copy;
}

const jsonType = (v: unknown) => (v instanceof RawJson ? "raw" : v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
const WRONG_TYPED = [123, -1, 0, 1.5, true, false, null, "texto", "", [], {}, [1, "a"], { a: 1 }, "123", "true", "null"];
const EXTRA_KEYS = ["extra", "__proto__", "constructor", "prototype", "toString", "$where", "", "id", "createdAt", "status", "a".repeat(300)];
const EXTRA_VALUES: unknown[] = ["x", 1, null, { $gt: "" }, { isAdmin: true }, ["a"]];
const EDGE_NUMBERS = ["1e400", "-1e400", "1e308", "-1e308", "9007199254740993", "-9007199254740993", "100000000000000000000000", "-1", "0", "-0", "0.5", "1.5", "1.0000000001", "4.9e-324", "2147483648", "1E2", "99999999999"];
const HUGE = (variant: number) => ["x".repeat(100_000), "ñ".repeat(100_000), "😀".repeat(50_000), "a b ".repeat(25_000), "%_".repeat(50_000)][variant % 5]!;

/** `depth` nested arrays, or objects, as JSON text. */
export function deepJson(depth: number, kind: "array" | "object"): string {
  return kind === "array" ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "null" + "}".repeat(depth);
}

/** Malformed JSON texts built from a valid one. */
function brokenText(valid: string, variant: number): string {
  const variants = [
    () => valid.slice(0, Math.max(1, Math.floor(valid.length / 2))),
    () => valid + "}",
    () => valid + " trailing",
    () => valid.replace(/"/g, "'"),
    () => (valid.endsWith("}") ? valid.slice(0, -1) + ',}' : valid + ","),
    () => '{"a": NaN}',
    () => '{"a": Infinity}',
    () => '{"a": 0x10}',
    () => "{/* comentario */}",
    () => "\uFEFF" + valid,
    () => "{\"a\":\"" + "\u0001" + "\"}",
    () => "{\"a\":\"\\x41\"}",
    () => "{\"a\":\"\\u12\"}",
    () => "[",
    () => "{",
    () => "undefined",
    () => "   ",
    () => "{\"a\":1}{\"b\":2}",
  ];
  return variants[variant % variants.length]!();
}

export type MalformedBody = { label: string; text: string };

/** The malformed classes of `malformedBodyArbitrary`, in the order of the generator. */
export const MALFORMED_BODY_CLASSES = [
  "wrong-type",
  "missing-field",
  "extra-field",
  "huge-string",
  "forbidden-char",
  "edge-number",
  "deep-nesting",
  "body-not-object",
  "broken-json",
] as const;

/**
 * A valid body turned malformed: a value of the wrong JSON type, a field left out, an unknown field
 * (`__proto__`, `constructor`...), a 100k-character string, a forbidden character (NUL, control,
 * lone surrogate, bidi override) in a string, an edge number (1e400, 2^53+1, -1, 0, 0.5...), 2,000
 * or 20,000 levels of nested arrays/objects, a body that is not an object, or broken JSON text.
 * Each at a location picked among every location of the valid body (the root included).
 */
export function malformedBodyArbitrary(valid: fc.Arbitrary<unknown>): fc.Arbitrary<MalformedBody> {
  return fc
    .record({ base: valid, kind: fc.constantFrom(...MALFORMED_BODY_CLASSES, "wrong-type", "forbidden-char", "huge-string"), pick: fc.nat(), variant: fc.nat() })
    .map(({ base, kind, pick, variant }) => mutate(base, kind, pick, variant));
}

function mutate(base: unknown, kind: (typeof MALFORMED_BODY_CLASSES)[number], pick: number, variant: number): MalformedBody {
  const all = locations(base);
  const nonRoot = all.filter((l) => l.path.length > 0);
  const choose = <T,>(xs: T[]): T | undefined => (xs.length ? xs[pick % xs.length] : undefined);
  const at = (p: Path) => (p.length ? p.join(".") : "(root)");
  const body = (label: string, value: unknown): MalformedBody => ({ label, text: toJsonText(value) });
  switch (kind) {
    case "wrong-type": {
      const loc = choose(nonRoot) ?? all[0]!;
      const options = WRONG_TYPED.filter((w) => jsonType(w) !== jsonType(loc.value));
      const w = options[variant % options.length];
      return body(`wrong-type at ${at(loc.path)} = ${JSON.stringify(w)}`, setAt(base, loc.path, w));
    }
    case "missing-field": {
      const loc = choose(nonRoot);
      if (!loc) return body("missing-field (empty body object)", {});
      return body(`missing-field at ${at(loc.path)}`, setAt(base, loc.path, undefined, "delete"));
    }
    case "extra-field": {
      const objects = all.filter((l) => jsonType(l.value) === "object");
      const loc = choose(objects) ?? all[0]!;
      const key = EXTRA_KEYS[variant % EXTRA_KEYS.length]!;
      const value = EXTRA_VALUES[Math.floor(variant / EXTRA_KEYS.length) % EXTRA_VALUES.length];
      const target = jsonType(loc.value) === "object" ? loc : { path: [], value: {} };
      return body(`extra-field at ${at([...target.path, key.length > 20 ? key.slice(0, 20) + "…" : key])}`, setAt(base, [...target.path, key], value));
    }
    case "huge-string": {
      const loc = choose(all.filter((l) => typeof l.value === "string")) ?? choose(nonRoot) ?? all[0]!;
      return body(`huge-string at ${at(loc.path)}`, setAt(base, loc.path, HUGE(variant)));
    }
    case "forbidden-char": {
      const c = FORBIDDEN_CHARS[variant % FORBIDDEN_CHARS.length]!;
      const loc = choose(all.filter((l) => typeof l.value === "string")) ?? choose(nonRoot) ?? all[0]!;
      const s = typeof loc.value === "string" ? loc.value : "texto";
      const i = Math.floor(variant / FORBIDDEN_CHARS.length) % (s.length + 1);
      return body(`forbidden-char ${codePointName(c)} at ${at(loc.path)}`, setAt(base, loc.path, s.slice(0, i) + c + s.slice(i)));
    }
    case "edge-number": {
      const loc = choose(all.filter((l) => typeof l.value === "number")) ?? choose(nonRoot) ?? all[0]!;
      const n = EDGE_NUMBERS[variant % EDGE_NUMBERS.length]!;
      return body(`edge-number at ${at(loc.path)} = ${n}`, setAt(base, loc.path, new RawJson(n)));
    }
    case "deep-nesting": {
      const depth = variant % 4 === 3 ? 20_000 : 2_000;
      const shape = variant % 2 ? "object" : "array";
      const loc = choose(all) ?? all[0]!;
      return body(`deep-nesting ${depth} ${shape}s at ${at(loc.path)}`, setAt(base, loc.path, new RawJson(deepJson(depth, shape))));
    }
    case "body-not-object": {
      const roots: unknown[] = [[], [base], "texto", 42, null, true, ""];
      const r = roots[variant % roots.length];
      return body(`body-not-object = ${JSON.stringify(r)?.slice(0, 20)}`, r);
    }
    case "broken-json": {
      const text = brokenText(toJsonText(base), variant);
      return { label: `broken-json = #${variant % 18}`, text };
    }
  }
}
