import { describe, expect, it } from "vitest";
import { listEndpoints, parseOpenApiInput } from "./openapi-parse";
import { validateOpenApiDocument } from "./openapi-validate";

const valid31 = {
  openapi: "3.1.0",
  info: { title: "Certificado", version: "1.0.0" },
  paths: {
    "/certificados/{run}": {
      get: { operationId: "getCertificado", summary: "Certificado de nacimiento", parameters: [{ name: "run", in: "path", required: true, schema: { type: "string" } }], responses: { "200": { description: "ok" } } },
    },
    "/solicitudes": { post: { responses: { "201": { description: "creada" } } } },
  },
};

describe("OpenAPI documents", () => {
  it("accepts 3.1 and 3.0, as an object, JSON or YAML", () => {
    expect(validateOpenApiDocument(valid31).ok).toBe(true);
    expect(validateOpenApiDocument(JSON.stringify(valid31)).ok).toBe(true);
    const yaml = `openapi: 3.0.3\ninfo:\n  title: x\n  version: "1"\npaths:\n  /a:\n    get:\n      responses:\n        "200":\n          description: ok\n`;
    expect(validateOpenApiDocument(yaml).ok).toBe(true);
  });

  it("says where each problem is, in Spanish", () => {
    const r = validateOpenApiDocument({ openapi: "3.1.0", info: { title: "x" }, paths: { "/a": { get: { responses: { "200": {} } } } } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.path)).toEqual(["openapi.info", "openapi.paths./a.get.responses.200"]);
      expect(r.issues[0]!.message).toBe("En openapi.info: debe tener la propiedad requerida version");
    }
  });

  it("refuses Swagger 2.0, unparseable text and non-objects", () => {
    const swagger = validateOpenApiDocument({ swagger: "2.0", info: {}, paths: {} });
    expect(!swagger.ok && swagger.issues[0]!.message).toContain("Swagger 2.0");
    const bad = validateOpenApiDocument("openapi: 3.1.0\n  info: [");
    expect(!bad.ok && bad.issues[0]!.message).toMatch(/YAML válido \(línea \d+/);
    expect(validateOpenApiDocument("{ no es json").ok).toBe(false);
    expect(validateOpenApiDocument([1, 2]).ok).toBe(false);
    expect(parseOpenApiInput("   ").ok).toBe(false);
  });

  it("lists the endpoints", () => {
    expect(listEndpoints(valid31)).toEqual([
      { method: "GET", path: "/certificados/{run}", summary: "Certificado de nacimiento", operationId: "getCertificado" },
      { method: "POST", path: "/solicitudes", summary: null, operationId: null },
    ]);
    expect(listEndpoints(null)).toEqual([]);
  });
});
