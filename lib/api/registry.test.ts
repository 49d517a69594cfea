import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "@/lib/errors";
import { buildOpenApiDocument } from "./openapi";
import { API_TAGS, answerableCodes } from "./operation";
import { OPERATIONS } from "./registry";

const root = path.resolve(import.meta.dirname, "..", "..");

describe("API registry", () => {
  it.each(OPERATIONS.map((op) => [op.method, op.path, op] as const))("%s %s is served by a route handler", (method, opPath) => {
    const file = path.join(root, "app", ...opPath.split("/").filter(Boolean).map((s) => s.replace(/^\{(.+)\}$/, "[$1]")), "route.ts");
    expect(fs.existsSync(file), file).toBe(true);
    expect(fs.readFileSync(file, "utf8")).toMatch(new RegExp(`export const ${method}\\b`));
  });

  // Routes that are not operations of the API, each for a reason.
  const NOT_OPERATIONS: Record<string, string> = {
    "app/api/v1/openapi.json/route.ts": "serves the document itself",
    "app/api/auth/[...nextauth]/route.ts": "next-auth's own sign-in endpoints",
  };
  const routeFiles = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? routeFiles(path.join(dir, e.name)) : e.name === "route.ts" ? [path.join(dir, e.name)] : []));

  it.each(routeFiles(path.join(root, "app", "api")).map((f) => [path.relative(root, f)]))("%s: every handler's operation is registered", async (file) => {
    const source = fs.readFileSync(path.join(root, file), "utf8");
    const handled = [...source.matchAll(/handle\((\w+)/g)].map((m) => m[1]!);
    if (!handled.length) {
      expect(NOT_OPERATIONS[file], `${file} has no handle(operation, …): list it in NOT_OPERATIONS with its reason`).toBeDefined();
      return;
    }
    for (const name of handled) {
      const from = new RegExp(`import \\{[^}]*\\b${name}\\b[^}]*\\} from "@/([^"]+)"`).exec(source)?.[1];
      expect(from, `${file}: where ${name} comes from`).toBeDefined();
      const mod = (await import(path.join(root, from!))) as Record<string, unknown>;
      expect(OPERATIONS, `${file}: ${name} is not in lib/api/registry.ts`).toContain(mod[name]);
      const op = mod[name] as (typeof OPERATIONS)[number];
      const expected = path.join("app", ...op.path.split("/").filter(Boolean).map((seg) => seg.replace(/^\{(.+)\}$/, "[$1]")), "route.ts");
      expect(file, `${name} documents ${op.path}`).toBe(expected);
    }
  });

  it("operation ids are unique and the document is OpenAPI 3.1", () => {
    const ids = OPERATIONS.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const doc = buildOpenApiDocument() as unknown as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe("3.1.0");
    for (const op of OPERATIONS) expect(doc.paths[op.path]?.[op.method.toLowerCase()], `${op.method} ${op.path}`).toBeDefined();
  });
});

describe("the OpenAPI document lists what each operation can answer", () => {
  const doc = buildOpenApiDocument() as unknown as {
    info: { license?: unknown; contact?: unknown };
    tags: { name: string; description: string }[];
    paths: Record<string, Record<string, { description?: string; tags: string[]; responses: Record<string, { content?: { "application/json"?: { schema: { allOf: [unknown, { properties: { error: { properties: { code: { enum: string[] } } } } }] } } } }> }>>;
  };

  it("declares its tags, license and contact", () => {
    expect(doc.info.license).toBeDefined();
    expect(doc.info.contact).toBeDefined();
    expect(doc.tags.map((t) => t.name)).toEqual(Object.keys(API_TAGS));
  });

  it.each(OPERATIONS.map((op) => [op.operationId, op] as const))("%s: a description, and every code it can answer under its status", (_id, op) => {
    const entry = doc.paths[op.path]![op.method.toLowerCase()]!;
    expect(entry.description?.length).toBeGreaterThan(20);
    for (const tag of entry.tags) expect(Object.keys(API_TAGS)).toContain(tag);
    const codes = answerableCodes(op);
    expect(codes).toContain("internal");
    for (const code of codes) {
      const response = entry.responses[String(ERROR_CODES[code].status)];
      expect(response, `${code}`).toBeDefined();
      expect(response!.content!["application/json"]!.schema.allOf[1].properties.error.properties.code.enum).toContain(code);
    }
    if (op.auth === "session") expect(codes).toContain("unauthenticated");
    if (op.body) expect(codes).toEqual(expect.arrayContaining(["validation_failed", "payload_too_large", "unsupported_media_type"]));
    if (op.method !== "GET") expect(codes).toContain("forbidden_origin");
  });
});
