import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";
import { OPERATIONS } from "./registry";

const root = path.resolve(import.meta.dirname, "..", "..");

describe("API registry", () => {
  it.each(OPERATIONS.map((op) => [op.method, op.path, op] as const))("%s %s is served by a route handler", (method, opPath) => {
    const file = path.join(root, "app", ...opPath.split("/").filter(Boolean).map((s) => s.replace(/^\{(.+)\}$/, "[$1]")), "route.ts");
    expect(fs.existsSync(file), file).toBe(true);
    expect(fs.readFileSync(file, "utf8")).toMatch(new RegExp(`export const ${method}\\b`));
  });

  it("operation ids are unique and the document is OpenAPI 3.1", () => {
    const ids = OPERATIONS.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const doc = buildOpenApiDocument() as unknown as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe("3.1.0");
    for (const op of OPERATIONS) expect(doc.paths[op.path]?.[op.method.toLowerCase()], `${op.method} ${op.path}`).toBeDefined();
  });
});
