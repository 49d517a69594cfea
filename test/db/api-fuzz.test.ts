/**
 * Property-based fuzzing of the whole API, generated from its OpenAPI document.
 *
 * For every operation of `buildOpenApiDocument()` (the document is iterated; nothing is listed by
 * hand) the route handler is found by its path (`{param}` → `[param]`, test/support/api-routes.ts)
 * and called in-process with requests fast-check builds from the operation's schemas
 * (test/support/openapi-arbitraries.ts), anonymously, with a forged session cookie, or signed in as
 * one of the demo persons (the two institution admins most, so that writes pass the permission
 * checks):
 *   - valid requests: path parameters mostly real ids of the copy (below), query and body values
 *     from the schemas, bodies mostly known-good examples with generated codes (`bodyExamples`), so
 *     that requests reach the services and their database writes;
 *   - malformed ones: a bad path parameter (empty, 10k chars, case, spaces, NUL, bidi, ids of another
 *     kind); a bad query value (types, ranges, 1e400, enums, patterns, NUL/control/bidi characters,
 *     raw `%00` `%ED%A0%80` `%FF`, LIKE wildcards, 100k chars), unknown, repeated or missing
 *     parameters; a body with a value of the wrong type, a missing or extra (`__proto__`) field, a
 *     100k-character string, a forbidden character anywhere or in a text field of an otherwise valid
 *     body, an edge number (1e400, 2^53+1, -1, 0, 0.5), 2,000 or 20,000 levels of nesting, a body that
 *     is not an object, broken JSON; another Content-Type (text/plain, `charset=utf-16` with UTF-16
 *     bytes, +json types, none); an empty body, one over 1 MB, a lying Content-Length.
 *
 * Every answer is checked (test/support/openapi-oracle.ts: ajv 2020 on the document itself):
 *   - no 5xx;
 *   - its status is documented for the operation, with its media type, and a JSON body matches the
 *     documented schema of that status;
 *   - what the portal promises for bad requests (docs/architecture.md "How a request flows", and the
 *     hardening rules): an anonymous call to an operation with `security: session` answers 401, even
 *     with a malformed body; a malformed path parameter answers 404; a query the document rejects, or
 *     with NUL/control/bidi characters, answers 422; a JSON body sent as anything but
 *     `application/json` (optionally `; charset=utf-8`) answers 415; a body over 1 MB answers 413; a
 *     body the document rejects answers 422; a body with NUL, control, lone-surrogate or bidi
 *     characters in a text field (NUL or lone surrogates anywhere) is refused — never a success. The
 *     fuzzer also sends those to the right person and resource, where only validation can refuse.
 * A separate property per search checks that `%` and `_` in its text parameter are not wildcards.
 *
 * Writes and shared data. The db test files share one database and run one after another, in any
 * order, and they rely on the seeded data (and on the names they create, e.g. node `SRCEI/nodo-1`).
 * Restricting the fuzzer to harmless persons or to malformed writes would leave the success paths
 * of the writes unfuzzed, and a snapshot/restore of a live database is not possible from here. So
 * this file works on its own copy: `CREATE DATABASE … TEMPLATE <the run's database>` before any
 * portal module touches the database, DATABASE_URL pointing at the copy for this file only, and the
 * copy dropped at the end. The fuzzer may then create, publish, revoke and sign anything; no other
 * file sees it, whichever runs first. (Cloning needs no other session on the template: the previous
 * files' workers have ended; a busy template is retried for 20 s, then the file fails loudly.)
 *
 * Special cases, handled rather than skipped:
 *   - POST /api/v1/agreements/{id}/documents is a multipart/form-data upload: its bodies are
 *     multipart forms (a PDF, something else, another field, a wrong media type or file name, no or a
 *     lying Content-Length, broken multipart, JSON instead). What the handler checks before the
 *     service must answer 422; what the service checks (PDF signature, media type) must be refused.
 *   - Binary answers (application/pdf for a document, application/jose for the network
 *     configuration) are checked for their media type and shape, not with a JSON schema.
 *   - GET /api/v1/openapi.json is not an operation of the document (it serves it): checked apart.
 *
 * Scale: about FUZZ_RUNS requests per operation (×2.5 with a body, ×0.2 without any input; default
 * 150: ~9,000 requests, ~40 s for the file on 2 cores; 1000: ~61,000 requests, ~3 min), e.g.
 * `FUZZ_RUNS=1000 npx vitest run --project db test/db/api-fuzz`. FUZZ_SEED replays a run.
 * By default every distinct failure of an operation is collected and reported together (each with a
 * request to reproduce it and, for a 500, the server's logged error); FUZZ_SHRINK=1 stops at the
 * first one and lets fast-check shrink it. FUZZ_REPORT=<file> appends every failing request as a
 * JSON line; FUZZ_STATS=1 prints the statuses seen per operation.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import fc from "fast-check";
import { NextRequest } from "next/server";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { serverEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { sessionToken } from "../support/api";
import { minimalPdf } from "../support/pdf";
import { listRouteModules, loadHandler, type RouteHandler } from "../support/api-routes";
import {
  FORBIDDEN_CHARS,
  codePointName,
  deref,
  hasForbiddenChar,
  malformedBodyArbitrary,
  percentEncode,
  setAt,
  toJsonText,
  validArbitrary,
  withExamples,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
} from "../support/openapi-arbitraries";
import { OpenApiOracle, pathText } from "../support/openapi-oracle";

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : crypto.randomInt(2 ** 31);
const SHRINK = process.env.FUZZ_SHRINK === "1";
const REPORT = process.env.FUZZ_REPORT;
const STATS = process.env.FUZZ_STATS === "1";
const MAX_JSON_BODY = 1_000_000;

const doc = buildOpenApiDocument() as unknown as OpenApiDocument;
const oracle = new OpenApiOracle(doc);
const OPERATIONS = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({ path, method: method.toUpperCase(), op: op as OperationObject })),
);

// ---------------------------------------------------------------------------------------------
// Who calls

type Principal = { kind: "anonymous" } | { kind: "forged" } | { kind: "person"; run: string; who: string };
const PERSONS: Principal[] = [
  { kind: "person", run: "10987654-2", who: "platform admin" },
  { kind: "person", run: "12345678-5", who: "SRCEI admin" },
  { kind: "person", run: "13579246-2", who: "SRCEI staff" },
  { kind: "person", run: "15234567-4", who: "MUN-SANTIAGO admin" },
  { kind: "person", run: "16543210-K", who: "MUN-SANTIAGO staff" },
  { kind: "person", run: "11111111-1", who: "citizen" },
];
const SRCEI_ADMIN = "12345678-5";
const MUN_ADMIN = "15234567-4";
const describePrincipal = (p: Principal) => (p.kind === "person" ? `${p.who} (${p.run})` : p.kind === "forged" ? "forged session cookie" : "anonymous");

const tokens = new Map<string, string>();
async function cookieOf(p: Principal): Promise<string | undefined> {
  if (p.kind === "anonymous") return undefined;
  if (p.kind === "forged") return "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..x.y.z";
  let t = tokens.get(p.run);
  if (!t) {
    t = await sessionToken(p.run);
    tokens.set(p.run, t);
  }
  return `next-auth.session-token=${t}`;
}

// ---------------------------------------------------------------------------------------------
// Sending

type Body = { label: string; bytes: Uint8Array; contentType: string | null; contentLength?: string | null };
type Case = { cls: string; principal: Principal; params: Record<string, string>; query: string; body?: Body };
type Answer = { status: number; contentType: string | null; requestId: string | null; bytes: Uint8Array };

const utf8 = (s: string) => new TextEncoder().encode(s);

function urlOf(path: string, c: Case) {
  const p = path.replace(/\{([^}]+)\}/g, (_, name: string) => percentEncode(c.params[name] ?? ""));
  return `http://localhost:3999${p}${c.query ? `?${c.query}` : ""}`;
}

async function send(handler: RouteHandler, method: string, path: string, c: Case): Promise<Answer> {
  const headers = new Headers();
  const cookie = await cookieOf(c.principal);
  if (cookie) headers.set("cookie", cookie);
  if (c.body) {
    if (c.body.contentType !== null) headers.set("content-type", c.body.contentType);
    if (c.body.contentLength !== null) headers.set("content-length", c.body.contentLength ?? String(c.body.bytes.byteLength));
  }
  const req = new NextRequest(urlOf(path, c), { method, headers, body: c.body ? Buffer.from(c.body.bytes) : undefined });
  const res = await handler(req, { params: Promise.resolve({ ...c.params }) });
  return { status: res.status, contentType: res.headers.get("content-type"), requestId: res.headers.get("x-request-id"), bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** Unhandled errors the route wrapper logs, by request id: the cause of a 500, for the report. */
const serverErrors = new Map<string, string>();

// ---------------------------------------------------------------------------------------------
// The database copy, and real ids in it

let clone: { url: string; drop: () => Promise<void> } | undefined;
const originalDatabaseUrl = process.env.DATABASE_URL;

async function cloneDatabase() {
  const source = new URL(process.env.DATABASE_URL!);
  const sourceName = decodeURIComponent(source.pathname.slice(1));
  const name = `${sourceName}_fuzz_${crypto.randomBytes(4).toString("hex")}`.slice(0, 63);
  const admin = new URL(source);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(sourceName)}`);
        break;
      } catch (err) {
        // 55006: the template has other sessions (a previous file's pool still closing).
        if ((err as { code?: string }).code !== "55006" || attempt >= 100) throw err;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  } finally {
    await client.end();
  }
  const url = new URL(source);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

const ids = {
  institutions: [] as string[],
  services: [] as string[],
  dataItems: [] as string[],
  procedures: [] as string[],
  agreements: [] as string[],
  documents: [] as { id: string; documentId: string }[],
  notifications: [] as string[],
  nodes: [] as string[],
  registrationTokens: [] as string[],
};

async function readIds(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const col = async (sql: string) => (await c.query(sql)).rows.map((r) => Object.values(r)[0] as string);
    ids.institutions = await col(
      "SELECT code FROM institution WHERE code IN (SELECT institution_code FROM membership) OR code IN (SELECT institution_code FROM service) UNION (SELECT code FROM institution ORDER BY md5(code) LIMIT 5)",
    );
    ids.services = await col("SELECT id FROM service ORDER BY id");
    ids.dataItems = await col("SELECT id FROM data_item ORDER BY id");
    ids.procedures = await col("SELECT code FROM procedure ORDER BY code");
    ids.agreements = await col("SELECT id::text FROM agreement ORDER BY created_at DESC LIMIT 20");
    ids.documents = (await c.query("SELECT agreement_id::text AS id, id::text AS \"documentId\" FROM agreement_document LIMIT 10")).rows;
    ids.notifications = await col("SELECT id::text FROM notification ORDER BY created_at DESC LIMIT 20");
    ids.nodes = await col("SELECT id FROM node ORDER BY id LIMIT 20");
  } finally {
    await c.end();
  }
}

/**
 * Real values for an operation's path parameters, by the resource its path names. A resource not
 * listed here (a new one) gets generated values only, which still reach its handler.
 */
function realParamSets(path: string, names: string[]): Record<string, string>[] {
  const split = (id: string, keys: string[]) => Object.fromEntries(id.split("/").map((v, i) => [keys[i], v]));
  const resource = path.split("/")[3];
  let sets: Record<string, string>[] = [];
  if (resource === "institutions") sets = ids.institutions.map((code) => ({ code }));
  if (resource === "services") sets = ids.services.map((id) => split(id, ["institution", "code", "version"]));
  if (resource === "data-items") sets = ids.dataItems.map((id) => split(id, ["institution", "code"]));
  if (resource === "procedures") sets = ids.procedures.map((code) => ({ code }));
  if (resource === "agreements") sets = names.includes("documentId") ? ids.documents : ids.agreements.map((id) => ({ id }));
  if (resource === "notifications") sets = ids.notifications.map((id) => ({ id }));
  if (resource === "nodes") sets = ids.nodes.map((id) => split(id, ["institution", "node"]));
  return sets.filter((s) => names.every((n) => typeof s[n] === "string")).map((s) => Object.fromEntries(names.map((n) => [n, s[n]!])));
}

// ---------------------------------------------------------------------------------------------
// Known-good values, so valid requests get past the services' checks now and then

const MINIMAL_OPENAPI = {
  openapi: "3.1.0",
  info: { title: "Servicio de prueba", version: "1.0.0" },
  paths: { "/personas/{run}": { get: { summary: "Una persona", parameters: [{ name: "run", in: "path", required: true, schema: { type: "string" } }], responses: { "200": { description: "OK" } } } } },
};
const keyPair = (use: "sig" | "enc") => {
  const { publicKey } = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" }) as { kty: string; crv: string; x: string; y: string };
  // kid: the RFC 7638 thumbprint (members in lexicographic order, SHA-256, base64url).
  const kid = crypto.createHash("sha256").update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y })).digest("base64url");
  return { ...jwk, kid, use, alg: use === "sig" ? "ES256" : "ECDH-ES+A256KW" };
};

const REASON = "Motivo suficiente para el cambio de estado, escrito por el fuzzer.";
const LEGAL = "Ley 19.628, art. 20: tratamiento de datos por organismos públicos";

function bodyHints(): Record<string, unknown[]> {
  return {
    institution: ["SRCEI", "MUN-SANTIAGO", "FONASA"],
    consumer: ["MUN-SANTIAGO", "SRCEI"],
    service: ids.services,
    code: ["fuzz-servicio", "CPAT-FUZZ-0001", "fuzz-dato"],
    responsibleRun: ["12345678-5", "13579246-2", "15234567-4", "16543210-K"],
    procedures: [["CPAT-MUN-0101"], ["CPAT-MDSF-0005", "CPAT-JUNAEB-0012"], ["CPAT-MUN-0210"]],
    inputDataItems: [["SRCEI/run"], []],
    outputDataItems: [["SRCEI/fecha-nacimiento"], ["MUN-SANTIAGO/permiso-circulacion"]],
    openapi: [null, MINIMAL_OPENAPI, JSON.stringify(MINIMAL_OPENAPI), "openapi: 3.0.3\ninfo:\n  title: Prueba\n  version: '1'\npaths: {}\n"],
    environments: [["dev"], ["dev", "prod"]],
    environment: ["dev"],
    action: ["publish", "deprecate", "retire", "repeal", "submit", "take_up", "accept", "reject", "extend", "request_mediation", "mediate_accept", "mediate_reject", "sign", "suspend", "resume", "terminate", "expire", "end"],
    reason: [REASON],
    legalBasis: [LEGAL],
    token: ids.registrationTokens,
    jwks: [{ keys: [keyPair("sig"), keyPair("enc")] }],
    baseUrl: ["http://127.0.0.1:9443", "https://nodo.example.cl"],
    documentId: ids.documents.map((d) => d.documentId),
    name: ["fuzz-nodo", "Servicio del fuzzer"],
  };
}

/**
 * Known-good request bodies by the name of their schema in the document (data, like the seed):
 * the fields that must be unique (codes, names) are left out and generated. A schema without
 * examples is generated from the schema alone.
 */
function bodyExamples(): Record<string, Record<string, unknown>[]> {
  const srceiService = { institution: "SRCEI", name: "Servicio de prueba del fuzzer", description: "Descripción suficiente del servicio de prueba.", tps: 10, availability: 99.5, approvalPolicy: "MANUAL", responsibleRun: SRCEI_ADMIN, procedures: ["CPAT-MUN-0101"], inputDataItems: ["SRCEI/run"], outputDataItems: ["SRCEI/fecha-nacimiento"], openapi: MINIMAL_OPENAPI, environments: ["dev"] };
  return {
    ServiceCreate: [srceiService, { ...srceiService, institution: "MUN-SANTIAGO", responsibleRun: "16543210-K", inputDataItems: [], outputDataItems: ["MUN-SANTIAGO/permiso-circulacion"], openapi: null, environments: ["dev", "prod"] }],
    ServiceUpdate: [
      { name: "Servicio renombrado por el fuzzer", description: "Otra descripción suficiente del servicio.", tps: 20, availability: 99.9 },
      { openapi: MINIMAL_OPENAPI, environments: ["dev", "prod"] },
      { procedures: ["CPAT-MDSF-0005"], outputDataItems: ["SRCEI/fecha-nacimiento"], requiresApprovedSchema: true },
    ],
    DataItemCreate: [
      { institution: "SRCEI", name: "Dato de prueba del fuzzer", description: "Descripción suficiente del dato de prueba.", attributes: [{ name: "valor", type: "string", description: "Un valor" }], classification: "PERSONAL", responsibleRun: SRCEI_ADMIN, updateFrequency: "DIARIA", lastUpdatedOn: "2025-01-31", nature: "MAESTRO" },
      { institution: "MUN-SANTIAGO", name: "Dato municipal del fuzzer", description: "Descripción suficiente del dato municipal.", attributes: [{ name: "rol", type: "integer" }], classification: "OTRO", responsibleRun: MUN_ADMIN, updateFrequency: "ANUAL", nature: "REFERENCIAL" },
    ],
    DataItemUpdate: [{ name: "Dato renombrado por el fuzzer", description: "Otra descripción suficiente del dato." }, { classification: "ESTADISTICO", lastUpdatedOn: null }],
    ProcedureCreate: [
      { institution: "SRCEI", name: "Trámite de prueba del fuzzer", description: "Un trámite de prueba.", originatingLaw: "Ley 19.880", needsInteroperability: true, needsConsent: false },
      { institution: "MUN-SANTIAGO", name: "Trámite municipal del fuzzer", originatingLaw: "Decreto Ley 3.063", needsInteroperability: false, needsConsent: true },
    ],
    ProcedureUpdate: [{ name: "Trámite renombrado por el fuzzer", description: "Otra descripción.", originatingLaw: "Ley 21.180" }],
    AgreementCreate: [
      { consumer: "MUN-SANTIAGO", service: "SRCEI/certificado-nacimiento/v1", environment: "dev", type: "SERVICIO", procedures: ["CPAT-MUN-0101"], legalBasis: LEGAL, declaredVolume: 100, mode: "EN_LINEA", requestedTps: 5, requestedUntil: null },
      { consumer: "SRCEI", service: "FONASA/tramo/v1", environment: "dev", type: "PERMANENTE", procedures: ["CPAT-MDSF-0005"], legalBasis: LEGAL, declaredVolume: 5000, mode: "LOTE", requestedTps: 2, requestedUntil: "2030-12-31" },
      { consumer: "MUN-SANTIAGO", service: "FONASA/beneficiarios-por-tramo/v1", environment: "dev", type: "UNICA_VEZ", procedures: ["CPAT-MUN-0210"], legalBasis: LEGAL, declaredVolume: 1, mode: "LOTE", requestedTps: 1, submit: true },
    ],
    AgreementUpdate: [{ legalBasis: LEGAL, declaredVolume: 200, requestedTps: 3 }, { procedures: ["CPAT-MUN-0101"], mode: "LOTE", requestedUntil: "2031-01-31" }],
    AgreementTransition: [
      { action: "submit" }, { action: "take_up" }, { action: "accept", grantedTps: 5, grantedAvailability: 99.5, terms: { kind: "STANDARD" } },
      { action: "reject", reason: REASON }, { action: "extend" }, { action: "request_mediation", reason: REASON },
      { action: "mediate_accept", grantedTps: 5, terms: { kind: "STANDARD" } }, { action: "mediate_reject", reason: REASON },
      { action: "sign" }, { action: "suspend", reason: REASON }, { action: "resume" }, { action: "terminate", reason: REASON },
    ],
    TransitionRequest: [{ action: "publish" }, { action: "deprecate", reason: REASON }, { action: "retire", reason: REASON }, { action: "repeal", reason: REASON }],
    NodeCreate: [{ institution: "SRCEI", environment: "dev", baseUrl: "http://127.0.0.1:9443" }, { institution: "MUN-SANTIAGO", environment: "prod", baseUrl: "https://nodo.example.cl" }],
    NodeKeysSubmission: ids.registrationTokens.map((token) => ({ token, jwks: { keys: [keyPair("sig"), keyPair("enc")] } })),
  };
}

const QUERY_HINTS: Record<string, unknown[]> = {
  institution: ["SRCEI", "MUN-SANTIAGO", "FONASA"],
  provider: ["SRCEI", "IPS"],
  steward: ["SRCEI", "FONASA"],
  procedure: ["CPAT-MUN-0101", "CPAT-MDSF-0005"],
  q: ["nacimiento", "registro civil", "tramo fonasa", "Municipalidad", "SRCEI", "matrícula", "pensión"],
  env: ["dev", "prod"],
};

// ---------------------------------------------------------------------------------------------
// Request arbitraries

const BAD_PATH_VALUES = (real: string) => [
  "", " ", ".", "..", "a/b", "x".repeat(10_000), real.toLowerCase(), real.toUpperCase(), `${real} `, ` ${real}`, `${real}\u0000`, `\u202E${real}`, `${real}\uD800`,
  "' OR 1=1--", "00000000-0000-0000-0000-000000000000", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", "00000000-0000-0000-0000-00000000000g", "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
  "nuevo", "v0", "v1000", "v01", "%00", "SRCEI", "CPAT-MUN-0101", "-x", "\u0000",
];
const BAD_QUERY_VALUES: Record<string, string[]> = {
  integer: ["abc", "1.5", "-1", "0", "1e400", "99999999999999999999", "", " 1", "0x10", "NaN", "Infinity", "1,2", "10001", "9".repeat(400), "-0", "1e3"],
  enum: ["X", "", "dev ", "DEV", "all", "null", "true", "ALL\u0000"],
  pattern: ["", "srcei", "SRCEI/x", "A", "-A", "x".repeat(1000), "SRCEI ", "ÑUÑOA"],
  text: ["%", "_", "%%", "\\", "'", '"', "*", ":*", "&|!", "()", "a:*|b", "!!", "<->", "\\%", "%_%", "a%", "_a_", "x".repeat(100_000), "   ", "ñ".repeat(201)],
};
const RAW_PERCENT = ["%00", "%ED%A0%80", "%FF", "%E2%80%AE", "%", "%zz", "%C0%80", "%F0%9F%98", "%0A", "%1B%5B31m"];
const UNACCEPTABLE_TYPES: (string | null)[] = [
  "text/plain", "application/json; charset=utf-16", "application/json; charset=iso-8859-1", "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x", "application/xml", "application/jsonx", "application/merge-patch+json", "application/vnd.api+json", "json", "", null,
];
const ACCEPTABLE_TYPES = ["application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8"];
const isAcceptableJsonType = (t: string | null) => t !== null && /^application\/json\s*(;\s*charset=("?)utf-8\2\s*)?$/i.test(t);

const isSessionOp = (op: OperationObject) => (op.security ?? []).some((r) => "session" in r);
const jsonSchemaOf = (op: OperationObject) => op.requestBody?.content["application/json"]?.schema;
const isUploadOp = (op: OperationObject) => op.requestBody?.content["multipart/form-data"] !== undefined;

function queryKind(p: ParameterObject): keyof typeof BAD_QUERY_VALUES {
  const s = deref(p.schema, doc);
  if (typeof s !== "object") return "text";
  if (s.type === "integer" || s.type === "number") return "integer";
  if (s.enum) return "enum";
  if (s.pattern) return "pattern";
  return "text";
}

function pathArbitrary(path: string, op: OperationObject): fc.Arbitrary<Record<string, string>> {
  const specs = (op.parameters ?? []).filter((p) => p.in === "path");
  if (!specs.length) return fc.constant({});
  const generated = fc.record(Object.fromEntries(specs.map((p) => [p.name, validArbitrary(p.schema, { doc }).map(String)])) as Record<string, fc.Arbitrary<string>>);
  const real = realParamSets(path, specs.map((p) => p.name));
  return real.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real) }, { weight: 1, arbitrary: generated }) : generated;
}

function badPathArbitrary(path: string, op: OperationObject): fc.Arbitrary<{ params: Record<string, string>; cls: string }> {
  const names = (op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name);
  return fc
    .record({ base: pathArbitrary(path, op), which: fc.nat(), variant: fc.nat(), random: fc.string({ unit: "binary", maxLength: 40 }) })
    .map(({ base, which, variant, random }) => {
      const name = names[which % names.length]!;
      const options = [...BAD_PATH_VALUES(base[name]!), random];
      const value = options[variant % options.length]!;
      return { params: { ...base, [name]: value }, cls: `path ${name} = ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value)}` };
    });
}

function queryArbitrary(op: OperationObject): fc.Arbitrary<[string, string][]> {
  const specs = (op.parameters ?? []).filter((p) => p.in === "query");
  const parts = specs.map((p) => {
    const generated = validArbitrary(p.schema, { doc, accepts: oracle.accepts });
    const hinted = (QUERY_HINTS[p.name] ?? []).filter((v) => oracle.accepts(p.schema, v));
    const pair = (hinted.length ? fc.oneof(fc.constantFrom(...hinted), generated) : generated).map((v): [string, string][] => [[p.name, String(v)]]);
    return p.required ? pair : fc.option(pair, { nil: [] as [string, string][] });
  });
  return fc.tuple(...parts).map((xs) => xs.flat());
}

const encodeQuery = (pairs: [string, string][]) => pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join("&");
const short = (v: string, n = 24) => JSON.stringify(v.length > n ? v.slice(0, n) + "…" : v);

function badQueryArbitrary(op: OperationObject): fc.Arbitrary<{ query: string; cls: string }> {
  const specs = (op.parameters ?? []).filter((p) => p.in === "query");
  const kinds = ["bad-value", "bad-value", "forbidden-char", "forbidden-char", "raw-percent", "unknown", "repeat", "drop"] as const;
  const texts = specs.filter((p) => queryKind(p) === "text");
  return fc
    .record({ pairs: queryArbitrary(op), kind: fc.constantFrom(...kinds), which: fc.nat(), variant: fc.nat() })
    .map(({ pairs, kind, which, variant }) => {
      // Forbidden characters mostly in the free-text parameters (q): the others have patterns or enums.
      const pool = kind === "forbidden-char" && texts.length && which % 4 ? texts : specs;
      const spec = pool.length ? pool[which % pool.length]! : undefined;
      if (!spec || kind === "unknown") {
        const extra = ([["foo", "bar"], ["__proto__", "x"], ["constructor", "1"], ["page[]", "1"], ["q\u0000", "x"], ["", ""]] as [string, string][])[variant % 6]!;
        return { query: encodeQuery([...pairs, extra]), cls: `query unknown parameter ${short(extra[0])}` };
      }
      const others = pairs.filter(([k]) => k !== spec.name);
      const current = pairs.find(([k]) => k === spec.name)?.[1] ?? "";
      switch (kind) {
        case "bad-value": {
          const options = BAD_QUERY_VALUES[queryKind(spec)]!;
          const v = options[variant % options.length]!;
          return { query: encodeQuery([...others, [spec.name, v]]), cls: `query ${spec.name} = ${short(v)}` };
        }
        case "forbidden-char": {
          const chars = [...FORBIDDEN_CHARS, "\u0000", "\u0000"];
          const c = chars[variant % chars.length]!;
          const at = Math.floor(variant / chars.length) % (current.length + 1);
          return { query: encodeQuery([...others, [spec.name, current.slice(0, at) + c + current.slice(at)]]), cls: `query ${spec.name} with ${codePointName(c)}` };
        }
        case "raw-percent": {
          const raw = RAW_PERCENT[variant % RAW_PERCENT.length]!;
          return { query: [encodeQuery(others), `${percentEncode(spec.name)}=${percentEncode(current)}${raw}`].filter(Boolean).join("&"), cls: `query ${spec.name} + raw ${raw}` };
        }
        case "repeat":
          return { query: encodeQuery([...pairs, [spec.name, "x"], [spec.name, "1e400"]]), cls: `query ${spec.name} repeated` };
        case "drop":
          return { query: encodeQuery(others), cls: `query without ${spec.name}` };
      }
    });
}

const jsonBody = (label: string, text: string, contentType: string | null = "application/json"): Body => ({ label, bytes: utf8(text), contentType });

function bodyArbitraries(op: OperationObject) {
  const schema = jsonSchemaOf(op);
  if (schema === undefined) return null;
  const opts = { doc, hints: bodyHints(), accepts: oracle.accepts };
  const name = typeof schema === "object" && typeof schema.$ref === "string" ? schema.$ref.split("/").pop()! : "";
  const valid = withExamples(schema, validArbitrary(schema, opts), bodyExamples()[name] ?? [], opts);
  return {
    // A forbidden character in a text field (a string the schema types without pattern, enum or
    // format) of an otherwise valid body: the body reaches the service and its database writes.
    injection: fc.tuple(valid, fc.nat(), fc.constantFrom(...FORBIDDEN_CHARS, "\u0000", "\uD800", "\u202E")).map(([v, pick, c]): Body => {
      const texts: { at: (string | number)[]; s: string; max: number }[] = [];
      oracle.walkStrings(v, schema, (at, str, kind, sch) => {
        if (kind === "text" && typeof sch === "object" && !sch.pattern && !sch.enum && !sch.format && !("const" in sch)) {
          texts.push({ at, s: str, max: typeof sch.maxLength === "number" ? sch.maxLength : Infinity });
        }
      });
      const t = texts[pick % Math.max(texts.length, 1)];
      if (!t) return jsonBody(`injection ${codePointName(c)} at (no text field)`, toJsonText(v));
      // By code points, so that no surrogate pair is split; at the maximum length the character
      // replaces one, so that only the character makes the value invalid.
      const points = [...t.s];
      const i = Math.floor(pick / Math.max(texts.length, 1)) % (points.length + 1);
      const full = t.s.length + c.length > t.max;
      const injected = points.slice(0, i).join("") + c + points.slice(full ? i + 1 : i).join("");
      return jsonBody(`injection ${codePointName(c)} at ${pathText(t.at)}`, toJsonText(setAt(v, t.at, injected)));
    }),
    valid: fc.tuple(valid, fc.constantFrom(...ACCEPTABLE_TYPES)).map(([v, t]) => jsonBody(`(${t})`, toJsonText(v), t)),
    malformed: malformedBodyArbitrary(valid).map((m) => jsonBody(m.label, m.text)),
    contentType: fc.tuple(valid, fc.constantFrom(...UNACCEPTABLE_TYPES), fc.boolean()).map(([v, t, utf16]): Body => {
      const text = toJsonText(v);
      // A client that says UTF-16 may well send UTF-16.
      const wide = utf16 && Boolean(t?.includes("utf-16"));
      return { label: `content-type ${JSON.stringify(t)}${wide ? " (UTF-16 bytes)" : ""}`, bytes: wide ? new Uint8Array(Buffer.from(text, "utf16le")) : utf8(text), contentType: t };
    }),
    size: fc.tuple(valid, fc.nat()).map(([v, variant]): Body => {
      const text = toJsonText(v);
      switch (variant % 6) {
        case 0:
          return jsonBody("size: empty body (application/json)", "");
        case 1:
          return { label: "size: no body, no content-type", bytes: new Uint8Array(), contentType: null };
        case 2: {
          const padded = typeof v === "object" && v !== null && !Array.isArray(v) ? { ...v, relleno: "x".repeat(1_100_000) } : "x".repeat(1_100_000);
          return jsonBody("size: body over 1 MB", toJsonText(padded));
        }
        case 3:
          return { ...jsonBody("size: declared Content-Length 50 MB", text), contentLength: String(50_000_000) };
        case 4:
          return { ...jsonBody("size: Content-Length -1", text), contentLength: "-1" };
        default:
          return { ...jsonBody("size: no Content-Length", text), contentLength: null };
      }
    }),
  };
}

// --- multipart uploads

const PDF = Buffer.from(minimalPdf());
const BOUNDARY = "----pisee-fuzz-7MA4YWxkTrZu0gW";

function multipart(field: string, filename: string, mediaType: string, content: Uint8Array): Uint8Array {
  const esc = (s: string) => s.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${esc(field)}"; filename="${esc(filename)}"\r\n${mediaType ? `Content-Type: ${mediaType}\r\n` : ""}\r\n`;
  return new Uint8Array(Buffer.concat([Buffer.from(head, "utf8"), Buffer.from(content), Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]));
}

/**
 * `violations`: what the upload route refuses, each with its status, in the route's documented
 * order (415 not multipart, 411 no Content-Length, 413 declared over 10 MB: all before anything is
 * read; then, once the person may attach a document to this agreement now, 422 for a broken form
 * or a missing field); `refused`: what the service refuses after that (any 4xx).
 */
type Upload = { body: Body; violations: { status: number; why: string }[]; refused: string[] };

/** Multipart bodies for an upload operation (`multipart/form-data` with one required binary field). */
function uploadArbitrary(op: OperationObject): { valid: fc.Arbitrary<Upload>; any: fc.Arbitrary<Upload> } {
  const schema = op.requestBody!.content["multipart/form-data"]!.schema as { required: string[] };
  const field = schema.required[0]!;
  const build = (u: { content: string; name: string; mediaType: string; filename: string; transport: string }): Upload => {
    const bytes = { pdf: PDF, text: Buffer.from("hola"), empty: Buffer.alloc(0), html: Buffer.from("<html><script>alert(1)</script></html>") }[u.content]!;
    const form = multipart(u.name, u.filename, u.mediaType, bytes);
    const type = `multipart/form-data; boundary=${BOUNDARY}`;
    const formProblems: { status: number; why: string }[] = [];
    const refused: string[] = [];
    if (u.name !== field) formProblems.push({ status: 422, why: `no "${field}" field` });
    if (u.content !== "pdf") refused.push("the file is not a PDF");
    if (u.mediaType !== "application/pdf") refused.push(`file media type ${JSON.stringify(u.mediaType)}`);
    const label = `upload ${u.transport}: ${u.content} in ${JSON.stringify(u.name)} (${JSON.stringify(u.mediaType)}, ${short(u.filename, 30)})`;
    switch (u.transport) {
      case "json":
        return { body: jsonBody(label, JSON.stringify({ [field]: "JVBERi0xLjQ=" })), violations: [{ status: 415, why: "not multipart" }], refused };
      case "no-content-type":
        return { body: { label, bytes: form, contentType: null }, violations: [{ status: 415, why: "no content type" }], refused };
      case "broken-multipart":
        return { body: { label, bytes: form.slice(0, Math.floor(form.length / 2)), contentType: type }, violations: [{ status: 422, why: "broken multipart" }, ...formProblems], refused };
      case "declared-huge":
        return { body: { label, bytes: form, contentType: type, contentLength: String(50_000_000) }, violations: [{ status: 413, why: "declared 50 MB" }], refused };
      case "no-length":
        return { body: { label, bytes: form, contentType: type, contentLength: null }, violations: [{ status: 411, why: "no Content-Length" }], refused };
      default:
        return { body: { label, bytes: form, contentType: type }, violations: formProblems, refused };
    }
  };
  return {
    valid: fc.record({ content: fc.constant("pdf"), name: fc.constant(field), mediaType: fc.constant("application/pdf"), filename: fc.constantFrom("terminos.pdf", "ñandú.pdf", "x".repeat(300) + ".pdf"), transport: fc.constant("multipart") }).map(build),
    any: fc
      .record({
        content: fc.constantFrom("pdf", "text", "empty", "html"),
        name: fc.constantFrom(field, "archivo"),
        mediaType: fc.constantFrom("application/pdf", "text/plain", ""),
        filename: fc.constantFrom("terminos.pdf", "../../etc/passwd.pdf", "factura\u202Efdp.exe", "a\u0000.pdf", ""),
        transport: fc.constantFrom("multipart", "multipart", "json", "no-content-type", "broken-multipart", "declared-huge", "no-length"),
      })
      .map(build),
  };
}

// --- one request

type FuzzCase = Case & { uploadViolations: { status: number; why: string }[]; uploadRefused: string[] };
const ANONYMOUS: Principal = { kind: "anonymous" };
const FORGED: Principal = { kind: "forged" };

function caseArbitrary(path: string, op: OperationObject): fc.Arbitrary<FuzzCase> {
  // The admins of the two demo institutions most, so that writes get past the permission checks.
  const person = fc.oneof(...PERSONS.map((p) => ({ weight: p.kind === "person" && (p.run === SRCEI_ADMIN || p.run === MUN_ADMIN) ? 3 : 1, arbitrary: fc.constant(p) })));
  const principal = isSessionOp(op)
    ? fc.oneof({ weight: 2, arbitrary: fc.constant(ANONYMOUS) }, { weight: 1, arbitrary: fc.constant(FORGED) }, { weight: 12, arbitrary: person })
    : fc.oneof({ weight: 2, arbitrary: fc.constant(ANONYMOUS) }, { weight: 1, arbitrary: fc.constant(FORGED) }, { weight: 3, arbitrary: person });
  const params = pathArbitrary(path, op);
  const query = queryArbitrary(op).map(encodeQuery);
  const bodies = bodyArbitraries(op);
  const upload = isUploadOp(op) ? uploadArbitrary(op) : null;
  type B = { body?: Body; violations: Upload["violations"]; refused: string[] };
  const none = fc.constant<B>({ body: undefined, violations: [], refused: [] });
  const validBody: fc.Arbitrary<B> = bodies ? bodies.valid.map((body) => ({ body, violations: [], refused: [] })) : upload ? upload.valid : none;
  const make = (cls: string, p: Principal, ps: Record<string, string>, q: string, b: B): FuzzCase => {
    const c: FuzzCase = { cls, principal: p, params: ps, query: q, body: b.body, uploadViolations: b.violations, uploadRefused: b.refused };
    // How fast-check prints a counterexample (FUZZ_SHRINK=1): the request, not its bytes.
    const text = b.body ? show(new TextDecoder().decode(b.body.bytes), 300) : "";
    return Object.assign(c, { [fc.toStringMethod]: () => `${cls} | ${describePrincipal(p)} | ${urlOf(path, c)}${b.body ? ` | ${JSON.stringify(b.body.contentType)} ${text}` : ""}` });
  };
  const queryParams = (op.parameters ?? []).filter((p) => p.in === "query").length;
  const classes: fc.WeightedArbitrary<FuzzCase>[] = [
    { weight: 3, arbitrary: fc.tuple(principal, params, query, validBody).map(([p, ps, q, b]) => make(`valid${b.body ? ` body ${b.body.label}` : ""}`, p, ps, q, b)) },
    { weight: queryParams ? 4 : 1, arbitrary: fc.tuple(principal, params, badQueryArbitrary(op), validBody).map(([p, ps, q, b]) => make(q.cls, p, ps, q.query, b)) },
  ];
  if ((op.parameters ?? []).some((p) => p.in === "path")) {
    classes.push({ weight: 1, arbitrary: fc.tuple(principal, badPathArbitrary(path, op), query, validBody).map(([p, bp, q, b]) => make(bp.cls, p, bp.params, q, b)) });
  }
  if (bodies) {
    const withBody = (arb: fc.Arbitrary<Body>, weight: number) => ({
      weight,
      arbitrary: fc.tuple(principal, params, query, arb).map(([p, ps, q, body]) => make(`body ${body.label}`, p, ps, q, { body, violations: [], refused: [] })),
    });
    classes.push(withBody(bodies.malformed, 5), withBody(bodies.injection, 3), withBody(bodies.contentType, 1), withBody(bodies.size, 1));
  }
  if (upload) classes.push({ weight: 4, arbitrary: fc.tuple(principal, params, query, upload.any).map(([p, ps, q, u]) => make(u.body.label, p, ps, q, u)) });
  return fc.oneof(...classes);
}

// ---------------------------------------------------------------------------------------------
// The oracle for one request

/** `allowed`: the statuses the request may get; without it, any documented status but a success. */
type Expected = { allowed?: number[]; why: string };

/** What the portal promises for this request beyond "documented and no 5xx" (see the header comment). */
function expectedFor(op: OperationObject, c: FuzzCase, violations: string[]): Expected | null {
  const anonymous = c.principal.kind !== "person";
  const pathBad = violations.filter((v) => v.startsWith("path "));
  const queryBad = violations.filter((v) => v.startsWith("query "));
  const bodyBad = violations.filter((v) => v.startsWith("body "));
  const forbidden = violations.filter((v) => v.startsWith("text field ") || v.startsWith("free-form value "));
  const b = c.body;
  const jsonOp = jsonSchemaOf(op) !== undefined;
  const declared = b ? Number(b.contentLength === undefined ? b.bytes.byteLength : (b.contentLength ?? 0)) : 0;
  const oversize = jsonOp && b !== undefined && (b.bytes.byteLength > MAX_JSON_BODY || declared > MAX_JSON_BODY);
  if (isSessionOp(op) && anonymous) {
    const allowed = [401, ...(pathBad.length ? [404] : []), ...(queryBad.length ? [422] : []), ...(oversize ? [413] : [])];
    return { allowed, why: "no session on an operation that requires one (401 before the body is read)" };
  }
  if (pathBad.length) return { allowed: [404], why: pathBad.join("; ") };
  if (queryBad.length) return { allowed: [422], why: queryBad.join("; ") };
  if (jsonOp && b) {
    if (!b.bytes.byteLength && b.contentType === null) return { allowed: [415, 422], why: "no body" };
    if (!isAcceptableJsonType(b.contentType)) return { allowed: [415], why: `Content-Type ${JSON.stringify(b.contentType)} is not application/json` };
    if (oversize) return { allowed: [413], why: "body over 1 MB" };
    if (bodyBad.length) return { allowed: [422], why: bodyBad.join("; ") };
    // Refused, whoever refuses: the fuzzer also sends these with the right person and resource,
    // where only validation (422) can refuse them.
    if (forbidden.length) return { why: forbidden.join("; ") };
  }
  const [first] = c.uploadViolations;
  if (first) {
    // Refused before reading (415, 411, 413); a broken form only once the person may attach here (else 403/404/409 first).
    const allowed = first.status === 422 ? [422, 403, 404, 409] : [first.status];
    return { allowed, why: c.uploadViolations.map((v) => v.why).join("; ") };
  }
  // The file's content is checked by the service, after the agreement is found and the actor's role.
  if (c.uploadRefused.length) return { why: c.uploadRefused.join("; ") };
  return null;
}

type Failure = { signature: string; message: string; record: Record<string, unknown> };

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);
const show = (s: string, n: number) => clip(JSON.stringify(s).slice(1, -1), n);

async function runCase(entry: (typeof OPERATIONS)[number], handler: RouteHandler, c: FuzzCase, seen?: (status: number) => void): Promise<Failure | null> {
  const { path, method, op } = entry;
  const url = urlOf(path, c);
  const bodyText = c.body ? new TextDecoder().decode(c.body.bytes) : undefined;
  const jsonOp = jsonSchemaOf(op) !== undefined;
  const violations = oracle.requestViolations(op, {
    params: c.params,
    query: new URL(url).searchParams,
    bodyText,
    jsonBody: jsonOp && c.body !== undefined && isAcceptableJsonType(c.body.contentType),
  });
  const problems: { code: string; detail: string }[] = [];
  let answer: Answer;
  try {
    answer = await send(handler, method, path, c);
  } catch (err) {
    answer = { status: 500, contentType: null, requestId: null, bytes: utf8(String((err as Error)?.stack ?? err)) };
    problems.push({ code: "handler threw", detail: "the handler threw instead of answering (Next answers 500)" });
  }
  seen?.(answer.status);
  const text = new TextDecoder().decode(answer.bytes);
  if (answer.status >= 500) problems.push({ code: "server error", detail: `server error ${answer.status}` });
  for (const p of oracle.responseProblems(op, answer)) {
    problems.push({ code: p.replace(/\/\d+(?=\/|\s|$)/g, "/N").replace(/:.*$/, ""), detail: p });
  }
  const expected = expectedFor(op, c, violations);
  // An upload's file name may be refused or cleaned (lib/agreements/service.ts replaces controls), not stored as sent.
  if (c.cls.includes("upload") && answer.status === 201) {
    const stored = (JSON.parse(text) as { documents?: { filename?: string }[] }).documents?.at(-1)?.filename ?? "";
    if (hasForbiddenChar(stored)) problems.push({ code: "stored file name", detail: `the stored file name ${JSON.stringify(stored)} keeps ${codePointName(stored.match(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/)?.[0] ?? "?")}` });
  }
  if (expected?.allowed && !expected.allowed.includes(answer.status)) {
    problems.push({ code: `expected ${expected.allowed.join("/")}`, detail: `expected ${expected.allowed.join(" or ")} (${expected.why}), got ${answer.status}` });
  } else if (expected && answer.status < 300) {
    problems.push({ code: "success on a refused request", detail: `expected a refusal (${expected.why}), got ${answer.status}` });
  }
  if (!problems.length) return null;
  const family = c.cls.replace(/ (in|at|=) .*$/, "").replace(/\(.*$/, "").replace(/ (with )?U\+[0-9A-F]{4}/g, "").trim();
  const signature = [op.operationId, family, answer.status, ...problems.map((p) => p.code)].join(" | ");
  const serverLog = answer.requestId ? serverErrors.get(answer.requestId) : undefined;
  const b = c.body;
  const message = [
    `${op.operationId}: ${method} ${clip(url, 300)}`,
    `  as: ${describePrincipal(c.principal)}`,
    `  case: ${c.cls}`,
    ...(b
      ? [
          `  content-type: ${JSON.stringify(b.contentType)}${b.contentLength !== undefined ? `, content-length: ${JSON.stringify(b.contentLength)}` : ""}`,
          `  body (${b.bytes.byteLength} bytes): ${show(bodyText ?? "", 400)}`,
        ]
      : []),
    `  → ${answer.status} ${answer.contentType ?? ""}${answer.requestId ? ` (X-Request-Id ${answer.requestId})` : ""}`,
    `  response: ${show(text, 600)}`,
    ...(serverLog ? [`  server log: ${serverLog}`] : []),
    ...problems.map((p) => `  ✗ ${p.detail}`),
  ].join("\n");
  return {
    signature,
    message,
    record: { operation: op.operationId, method, url: clip(url, 2000), principal: describePrincipal(c.principal), case: c.cls, contentType: b?.contentType, body: bodyText === undefined ? undefined : clip(bodyText, 2000), status: answer.status, response: clip(text, 2000), serverLog, problems: problems.map((p) => p.detail), signature },
  };
}

// ---------------------------------------------------------------------------------------------
// Setting the stage in the copy: an agreement with a document, a submitted one (notifications),
// a pending node (registration token) and an active one, made through the API as users would.

async function setTheStage() {
  const h = async (path: string, method: string) => loadHandler(path, method);
  const post = async (path: string, as: string, body: unknown, params: Record<string, string> = {}) => {
    const res = await send(await h(path, "post"), "POST", path, { cls: "setup", principal: { kind: "person", run: as, who: "setup" }, params, query: "", body: jsonBody("setup", JSON.stringify(body)) });
    return { status: res.status, json: JSON.parse(new TextDecoder().decode(res.bytes) || "null") };
  };
  const expectCreated = (what: string, r: { status: number; json: unknown }, alsoFine: number[] = []) => {
    if (r.status !== 201 && r.status !== 200 && !alsoFine.includes(r.status)) throw new Error(`setup: ${what} answered ${r.status}: ${JSON.stringify(r.json)}`);
    return r.status === 201 || r.status === 200;
  };
  const agreement = (consumer: string, service: string, procedures: string[], submit: boolean) => ({
    consumer, service, environment: "dev", type: "SERVICIO", procedures, legalBasis: "Ley 19.628, art. 20: tratamiento por organismos públicos",
    declaredVolume: 1000, mode: "EN_LINEA", requestedTps: 5, submit,
  });
  // 409 duplicate_request: another file already holds an active request for it in the copied data.
  const draft = await post("/api/v1/agreements", MUN_ADMIN, agreement("MUN-SANTIAGO", "MINEDUC/matricula-escolar/v1", ["CPAT-MUN-0101"], false));
  if (expectCreated("a draft agreement", draft, [409])) {
    const id = (draft.json as { id: string }).id;
    const form = multipart("file", "terminos.pdf", "application/pdf", PDF);
    const up = await send(await h("/api/v1/agreements/{id}/documents", "post"), "POST", "/api/v1/agreements/{id}/documents", {
      cls: "setup", principal: { kind: "person", run: MUN_ADMIN, who: "setup" }, params: { id }, query: "",
      body: { label: "setup", bytes: form, contentType: `multipart/form-data; boundary=${BOUNDARY}` },
    });
    expectCreated("a document upload", { status: up.status, json: new TextDecoder().decode(up.bytes) });
  }
  expectCreated("a submitted agreement", await post("/api/v1/agreements", SRCEI_ADMIN, agreement("SRCEI", "IPS/pgu/v2", ["CPAT-IPS-0020"], true)), [409]);
  const suffix = crypto.randomBytes(3).toString("hex");
  const pending = await post("/api/v1/nodes", SRCEI_ADMIN, { institution: "SRCEI", name: `fuzz-${suffix}`, environment: "dev", baseUrl: "http://127.0.0.1:9443" });
  expectCreated("a node", pending);
  ids.registrationTokens = [(pending.json as { token: string }).token];
  const active = await post("/api/v1/nodes", MUN_ADMIN, { institution: "MUN-SANTIAGO", name: `fuzz-${suffix}`, environment: "dev", baseUrl: "https://nodo.example.cl" });
  expectCreated("a second node", active);
  const registered = await send(await h("/api/v1/nodes/register", "post"), "POST", "/api/v1/nodes/register", {
    cls: "setup", principal: ANONYMOUS, params: {}, query: "",
    body: jsonBody("setup", JSON.stringify({ token: (active.json as { token: string }).token, jwks: { keys: [keyPair("sig"), keyPair("enc")] } })),
  });
  expectCreated("a node registration", { status: registered.status, json: new TextDecoder().decode(registered.bytes) });
}

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  clone = await cloneDatabase();
  process.env.DATABASE_URL = clone.url;
  // A client a previous file left in this worker would still point at the shared database.
  const g = globalThis as { piseeDb?: { $disconnect(): Promise<void> } };
  if (g.piseeDb) {
    await g.piseeDb.$disconnect();
    delete g.piseeDb;
  }
  if (serverEnv().DATABASE_URL !== clone.url) throw new Error("the portal's configuration was read before the copy existed: refusing to fuzz the shared database");
  const original = log.error.bind(log) as (...args: unknown[]) => void;
  log.error = ((obj: unknown, ...rest: unknown[]) => {
    const o = obj as { requestId?: string; err?: { message?: string; stack?: string } | string };
    if (o && typeof o === "object" && o.requestId) serverErrors.set(o.requestId, summarizeError(o.err));
    original(obj, ...rest);
  }) as typeof log.error;
  await setTheStage();
  await readIds(clone.url);
}, 120_000);

afterAll(async () => {
  const g = globalThis as { piseeDb?: { $disconnect(): Promise<void> } };
  await g.piseeDb?.$disconnect();
  delete g.piseeDb;
  process.env.DATABASE_URL = originalDatabaseUrl;
  await clone?.drop();
}, 60_000);

function summarizeError(err: { message?: string; stack?: string } | string | undefined): string {
  if (!err) return "(no error)";
  if (typeof err === "string") return clip(err, 300);
  const all = (err.stack ?? "").split("\n").filter((l) => /^\s*at /.test(l));
  const own = all.filter((l) => /\/(lib|app|node-agent\/src)\//.test(l) && !l.includes("node_modules") && !l.includes("lib/generated"));
  const frames = own.length ? own : all.slice(0, 2);
  const where = frames.slice(0, 3).map((l) => l.trim().replace(/^at /, "").replace(/.*?\/((?:lib|app|node-agent\/src|node_modules\/[^/]+)\/[^)]*)\)?$/, "$1"));
  return `${clip((err.message ?? "").replace(/\s+/g, " "), 300)}${where.length ? ` @ ${where.join(" ← ")}` : ""}`;
}

describe("API fuzzing from the OpenAPI document", () => {
  it("every operation of the document has a route handler", async () => {
    const missing: string[] = [];
    for (const { path, method } of OPERATIONS) await loadHandler(path, method).catch((err: Error) => missing.push(err.message));
    expect(missing).toEqual([]);
  });

  it("every route under app/api/v1 is an operation of the document (but the one serving the document)", async () => {
    const undocumented: string[] = [];
    for (const r of await listRouteModules("app/api/v1")) {
      if (r.openApiPath === "/api/v1/openapi.json") continue;
      for (const m of r.methods) if (!doc.paths[r.openApiPath]?.[m.toLowerCase()]) undocumented.push(`${m} ${r.openApiPath}`);
    }
    expect(undocumented).toEqual([]);
  });

  it("GET /api/v1/openapi.json serves the document", async () => {
    const route = await import("@/app/api/v1/openapi.json/route");
    const res = route.GET();
    expect(res.status).toBe(200);
    const served = (await res.json()) as OpenApiDocument;
    expect(served.paths).toEqual(JSON.parse(JSON.stringify(doc.paths)));
  });

  // LIKE wildcards in a search match only themselves: `S_CEI` or `%` find what `S#CEI` or `#` find.
  const searches = OPERATIONS.flatMap((entry) =>
    (entry.op.parameters ?? []).filter((p) => p.in === "query" && queryKind(p) === "text").map((p) => ({ ...entry, param: p.name })),
  );
  for (const s of searches) {
    it(`${s.method} ${s.path}: "%" and "_" in ${s.param} are not wildcards`, async () => {
      const handler = await loadHandler(s.path, s.method);
      const total = async (q: string, principal: Principal) => {
        const c: FuzzCase = { cls: "wildcards", principal, params: {}, query: encodeQuery([[s.param, q]]), uploadViolations: [], uploadRefused: [] };
        const a = await send(handler, s.method, s.path, c);
        const json = JSON.parse(new TextDecoder().decode(a.bytes)) as { data?: unknown[]; pagination?: { total?: number } };
        return { status: a.status, total: json.pagination?.total ?? json.data?.length ?? -1, url: urlOf(s.path, c) };
      };
      const words = [...(QUERY_HINTS[s.param] ?? []).map(String), "SRCEI", "Registro Civil", "Municipalidad de Santiago", "xq"];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...words), fc.array(fc.tuple(fc.nat(), fc.constantFrom("%", "_", "%%", "_%_")), { minLength: 1, maxLength: 3 }), fc.constantFrom(ANONYMOUS, PERSONS[0]!), async (word, edits, principal) => {
          let wild = word;
          for (const [at, w] of edits) {
            const i = at % (wild.length + 1);
            wild = w === "_" && i < wild.length && at % 2 ? wild.slice(0, i) + "_" + wild.slice(i + 1) : wild.slice(0, i) + w + wild.slice(i);
          }
          const literal = wild.replace(/[%_]/g, "#");
          const [a, b] = [await total(wild, principal), await total(literal, principal)];
          if (a.status !== 200 || b.status !== 200 || a.total !== b.total) {
            throw new Error(`${s.op.operationId}: ${a.url} → ${a.status}, ${a.total} results; ${b.url} → ${b.status}, ${b.total} results (as ${describePrincipal(principal)})`);
          }
        }),
        { numRuns: Math.max(10, Math.round(RUNS / 3)), seed: SEED },
      );
    }, 60_000);
  }

  for (const entry of OPERATIONS) {
    // Requests in proportion to what can vary: a body (or an upload) most, no input at all least.
    const surface = entry.op.requestBody ? 2.5 : (entry.op.parameters ?? []).length ? 1 : 0.2;
    const runs = Math.max(10, Math.round(RUNS * surface));
    it(
      `${entry.method} ${entry.path} (${entry.op.operationId})`,
      async () => {
        const handler = await loadHandler(entry.path, entry.method);
        const failures = new Map<string, Failure & { count: number }>();
        const statuses = new Map<string, number>();
        let requests = 0;
        await fc.assert(
          fc.asyncProperty(caseArbitrary(entry.path, entry.op), async (c) => {
            requests++;
            const f = await runCase(entry, handler, c, (status) => {
              const key = `${c.cls.split(" ")[0]} ${status}`;
              statuses.set(key, (statuses.get(key) ?? 0) + 1);
            });
            if (!f) return;
            if (SHRINK) throw new Error(f.message);
            if (REPORT) fs.appendFileSync(REPORT, JSON.stringify(f.record) + "\n");
            const seen = failures.get(f.signature);
            if (seen) seen.count++;
            else failures.set(f.signature, { ...f, count: 1 });
          }),
          { numRuns: runs, seed: SEED },
        );
        if (STATS) console.log(`${entry.op.operationId}: ${[...statuses].sort().map(([k, n]) => `${k}×${n}`).join(", ")}`);
        if (failures.size) {
          const list = [...failures.values()].map((f) => `[${f.count}×] ${f.signature}\n${f.message}`).join("\n\n");
          throw new Error(`${failures.size} distinct failure(s) in ${requests} requests (replay: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}):\n\n${list}`);
        }
      },
      Math.max(60_000, runs * 1_000),
    );
  }
});
