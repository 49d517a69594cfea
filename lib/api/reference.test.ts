import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";
import { getApiReference, readApiReference, readSchema } from "./reference";
import { OPERATIONS } from "./registry";

describe("the API reference of /api/docs", () => {
  const reference = getApiReference();
  const operations = reference.tags.flatMap((t) => t.operations);

  it("shows every operation of the document once, under its first tag, in the tags' order", () => {
    expect(operations.map((o) => `${o.method} ${o.path}`).sort()).toEqual(OPERATIONS.map((o) => `${o.method} ${o.path}`).sort());
    for (const op of OPERATIONS) {
      const tag = reference.tags.find((t) => t.operations.some((o) => o.method === op.method && o.path === op.path));
      expect(tag?.name).toBe(op.tags[0]);
    }
    expect(new Set(operations.map((o) => o.id)).size).toBe(operations.length);
  });

  it("lists each operation's error codes by status, with what they mean", () => {
    const doc = buildOpenApiDocument() as unknown as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    for (const op of operations) {
      const statuses = Object.keys(doc.paths[op.path]![op.method.toLowerCase()]!.responses).map(Number).filter((s) => s >= 400);
      expect(op.errors.map((e) => e.status)).toEqual(statuses.sort((a, b) => a - b));
      for (const e of op.errors) {
        expect(e.codes.length, `${op.method} ${op.path} ${e.status}`).toBeGreaterThan(0);
        for (const c of e.codes) expect(c.description, c.code).not.toBe("");
      }
    }
  });

  it("says who may call each operation", () => {
    for (const op of OPERATIONS) {
      const view = operations.find((o) => o.method === op.method && o.path === op.path)!;
      expect(view.session).toBe(op.auth === "session");
    }
  });

  it("names a success answer's schema and links to it instead of repeating it", () => {
    const get = operations.find((o) => o.method === "GET" && o.path === "/api/v1/agreements/{id}")!;
    expect(get.success).toMatchObject({ status: 200, schema: { ref: "Agreement", type: "objeto" } });
    expect(get.success.schema?.properties).toBeUndefined();
  });

  it("expands a request body's fields and keeps nested components as links to the schemas", () => {
    const create = operations.find((o) => o.method === "POST" && o.path === "/api/v1/services")!;
    expect(create.body?.media).toBe("application/json");
    const fields = Object.fromEntries(create.body!.schema.properties!.map((p) => [p.name, p]));
    expect(fields.name).toMatchObject({ required: true, schema: { type: "texto", rules: ["entre 3 y 160 caracteres"] } });
    expect(fields.availability!.schema).toMatchObject({ type: "número", rules: ["mayor que 0", "máximo 100"] });
    expect(fields.approvalPolicy!.schema).toMatchObject({ ref: "ApprovalPolicy", rules: ["valores: MANUAL, AUTOMATIC"] });
    expect(fields.major).toMatchObject({ required: false });
    expect(reference.schemas.map((s) => s.name)).toContain("ApprovalPolicy");
  });

  it("reads JSON Schema keywords into Spanish", () => {
    expect(readSchema({ type: ["string", "null"], format: "date-time" }, {})).toMatchObject({ type: "texto o nulo", rules: ["formato: fecha y hora ISO 8601"] });
    expect(readSchema({ anyOf: [{ type: "integer", minimum: 1 }, { type: "null" }] }, {})).toMatchObject({ type: "entero o nulo", rules: ["mínimo 1"] });
    expect(readSchema({ type: "array", items: { type: "object", properties: { a: { type: "boolean" } }, required: ["a"] }, maxItems: 5 }, {})).toMatchObject({
      type: "lista de objeto",
      rules: ["hasta 5 elementos"],
      items: { properties: [{ name: "a", required: true, schema: { type: "booleano" } }] },
    });
    const variants = readSchema({ oneOf: [{ type: "object", properties: { kind: { const: "a" } } }, { type: "string", maxLength: 1 }] }, {});
    expect(variants.type).toBe("una de estas formas");
    expect(variants.variants?.map((v) => v.type)).toEqual(["objeto", "texto"]);
    expect(variants.variants?.[0]?.properties?.[0]?.schema.rules).toEqual(["valor: a"]);
  });

  it("does not loop on a schema that refers to itself", () => {
    const components = { Node: { type: "object", properties: { child: { $ref: "#/components/schemas/Node" } } } };
    const view = readApiReference({
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      components: { schemas: components },
      paths: { "/x": { post: { tags: ["T"], requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Node" } } } }, responses: {} } } },
    });
    const schema = view.tags[0]!.operations[0]!.body!.schema;
    expect(schema.properties?.[0]?.schema).toMatchObject({ type: "objeto", ref: "Node" });
  });
});
