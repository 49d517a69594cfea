import { describe, expect, it } from "vitest";
import * as one from "@/app/api/v1/services/[institution]/[code]/[version]/route";
import * as transitions from "@/app/api/v1/services/[institution]/[code]/[version]/transitions/route";
import * as collection from "@/app/api/v1/services/route";
import * as items from "@/app/api/v1/data-items/route";
import { getDb } from "@/lib/db";
import { call } from "../support/api";
import { errorBody, errorWith } from "../support/errors";

const SRCEI_ADMIN = "12345678-5";
const SRCEI_STAFF = "13579246-2";
const MUN_ADMIN = "15234567-4";
const CITIZEN = "11111111-1";

const openapi = `openapi: 3.1.0
info:
  title: Consulta de prueba
  version: 1.0.0
paths:
  /consultas/{run}:
    get:
      summary: Consulta por RUN
      parameters:
        - { name: run, in: path, required: true, schema: { type: string } }
      responses:
        "200": { description: ok }
`;

let seq = 0;
function newService(overrides: Record<string, unknown> = {}) {
  seq += 1;
  return {
    institution: "SRCEI",
    code: `prueba-${Date.now().toString(36)}-${seq}`,
    name: "Servicio de prueba de estado civil",
    description: "Entrega el estado civil de una persona para la prueba.",
    tps: 10,
    availability: 99.5,
    approvalPolicy: "MANUAL",
    responsibleRun: SRCEI_STAFF,
    inputDataItems: ["SRCEI/run"],
    outputDataItems: ["SRCEI/nombre-completo"],
    procedures: [],
    environments: ["dev", "prod"],
    openapi,
    ...overrides,
  };
}

const parts = (id: string) => {
  const [institution, code, version] = id.split("/");
  return { institution: institution!, code: code!, version: version! };
};
const create = (body: unknown, as = SRCEI_ADMIN) => call(collection.POST, "/api/v1/services", { method: "POST", body, as });
const get = (id: string, as?: string) => call(one.GET, `/api/v1/services/${id}`, { params: parts(id), as });
const patch = (id: string, body: unknown, as = SRCEI_ADMIN) => call(one.PATCH, `/api/v1/services/${id}`, { method: "PATCH", params: parts(id), body, as });
const act = (id: string, action: string, reason?: string, as = SRCEI_ADMIN) =>
  call(transitions.POST, `/api/v1/services/${id}/transitions`, { method: "POST", params: parts(id), body: { action, reason }, as });
const search = (qs: string, as?: string) => call(collection.GET, `/api/v1/services?${qs}`, { as });
const ids = (r: { json: { data: { id: string }[] } }) => r.json.data.map((s) => s.id).sort();

describe("creating and publishing a service", () => {
  it("creates a draft, shows its endpoints and history, and publishes it", async () => {
    const r = await create(newService());
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ status: "DRAFT", provider: { code: "SRCEI" }, sensitive: false, personal: true, allowedActions: ["publish"] });
    expect(r.json.endpoints).toEqual([{ method: "GET", path: "/consultas/{run}", summary: "Consulta por RUN", operationId: null }]);
    expect(r.json.responsible).toEqual({ name: "Jorge Ignacio Rojas Díaz", run: SRCEI_STAFF });
    const id = r.json.id as string;

    const pub = await act(id, "publish");
    expect(pub.status).toBe(200);
    expect(pub.json.status).toBe("PUBLISHED");
    expect(pub.json.publishedAt).toBe(pub.json.events.find((e: { action: string }) => e.action === "publish").at);
    expect(pub.json.events.map((e: { action: string; from: string | null; to: string; actor: string }) => [e.action, e.from, e.to, e.actor])).toEqual([
      ["create", null, "DRAFT", "Carolina Andrea Muñoz Fuentes"],
      ["publish", "DRAFT", "PUBLISHED", "Carolina Andrea Muñoz Fuentes"],
    ]);
    // The public sees it, without the official's RUN.
    const anon = await get(id);
    expect(anon.status).toBe(200);
    expect(anon.json.responsible).toEqual({ name: "Jorge Ignacio Rojas Díaz" });
    expect(anon.json.allowedActions).toEqual([]);
  });

  it("«Publicado» is the date of the publication event, not the row's", async () => {
    const r = await create(newService());
    const id = r.json.id as string;
    const pub = await act(id, "publish");
    expect(pub.status).toBe(200);
    const event = pub.json.events.find((e: { action: string }) => e.action === "publish").at as string;
    // The row says another day than the history (the event log is insert-only: the row is what drifts, as an update touching it would).
    await getDb().service.update({ where: { id }, data: { publishedAt: new Date("2020-05-05T15:00:00Z") } });
    const shown = await get(id);
    expect(shown.json.publishedAt).toBe(event);
  });

  it("derives sensitive from a SENSIBLE data item", async () => {
    const r = await create(newService({ outputDataItems: ["SRCEI/discapacidad-rnd"] }));
    expect(r.json.sensitive).toBe(true);
  });

  it("a duplicate id answers 409", async () => {
    const body = newService();
    expect((await create(body)).status).toBe(201);
    const again = await create(body);
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject(errorWith("service_exists"));
  });

  it("an invalid OpenAPI document answers 422 saying where", async () => {
    const r = await create(newService({ openapi: { openapi: "3.1.0", info: { title: "x" }, paths: { "/a": { get: { responses: { "200": {} } } } } } }));
    expect(r.status).toBe(422);
    expect(r.json.error.issues).toEqual([
      { path: "openapi.info", message: "En openapi.info: debe tener la propiedad requerida version" },
      { path: "openapi.paths./a.get.responses.200", message: "En openapi.paths./a.get.responses.200: debe tener la propiedad requerida description" },
    ]);
    const yaml = await create(newService({ openapi: "openapi: 3.1.0\n info: [" }));
    expect(yaml.status).toBe(422);
    expect(yaml.json.error.issues[0].message).toMatch(/YAML válido \(línea/);
  });

  it("refuses references that do not exist or do not fit", async () => {
    const r = await create(
      newService({ responsibleRun: CITIZEN, outputDataItems: ["SRCEI/no-existe"], procedures: ["CPAT-NO-EXISTE"], approvalPolicy: "AUTOMATIC" }),
    );
    expect(r.status).toBe(422);
    expect(r.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["approvalPolicy", "outputDataItems.0", "procedures.0", "responsibleRun"]);
  });

  it("another institution's draft data item cannot be used (it does not exist for others)", async () => {
    const draft = await call(items.POST, "/api/v1/data-items", {
      method: "POST",
      as: MUN_ADMIN,
      body: {
        institution: "MUN-SANTIAGO",
        code: `borrador-${Date.now().toString(36)}`,
        name: "Dato en borrador",
        description: "Un dato que aún no se publica.",
        attributes: [{ name: "x", type: "string", description: "" }],
        classification: "OTRO",
        responsibleRun: MUN_ADMIN,
        updateFrequency: "ANUAL",
        nature: "REFERENCIAL",
      },
    });
    expect(draft.status).toBe(201);
    const r = await create(newService({ outputDataItems: [draft.json.id] }));
    expect(r.status).toBe(422);
    expect(r.json.error.issues[0].message).toContain("No existe el dato");
  });

  it("publishing an incomplete service answers 422 with what is missing", async () => {
    const r = await create(newService({ openapi: null, outputDataItems: [] }));
    const pub = await act(r.json.id, "publish");
    expect(pub.status).toBe(422);
    expect(pub.json.error.message).toBe("El servicio no está completo para publicarse.");
    expect(pub.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["openapi", "outputDataItems"]);
  });
});

describe("transitions through the API", () => {
  it("follows the table and answers 409 naming the current state otherwise", async () => {
    const id = (await create(newService())).json.id as string;
    expect((await act(id, "deprecate", "x")).json).toEqual(errorBody("invalid_transition", "No se puede declarar obsoleto un servicio en estado Borrador (DRAFT)."));
    expect((await act(id, "publish")).status).toBe(200);
    const again = await act(id, "publish");
    expect(again.status).toBe(409);
    expect(again.json.error.message).toContain("Publicado (PUBLISHED)");
    const noReason = await act(id, "deprecate");
    expect(noReason.status).toBe(422);
    expect(noReason.json.error.issues[0].path).toBe("reason");
    expect((await act(id, "deprecate", "Reemplazado por la versión 2")).json.status).toBe("DEPRECATED");
    expect((await act(id, "retire", "Sin consumidores")).json.status).toBe("RETIRED");
    const retired = await act(id, "publish");
    expect(retired.status).toBe(409);
    expect(retired.json.error.message).toContain("Retirado (RETIRED)");
    expect((await act(id, "bogus")).json).toMatchObject(errorWith("invalid_transition"));
    // A retired service can no longer be edited.
    const edit = await patch(id, { name: "Otro nombre" });
    expect(edit.status).toBe(409);
    expect(edit.json).toMatchObject(errorWith("service_retired"));
    const g = await get(id, SRCEI_ADMIN);
    expect(g.json.events.map((e: { action: string }) => e.action)).toEqual(["create", "publish", "deprecate", "retire"]);
    expect(g.json.events[2].reason).toBe("Reemplazado por la versión 2");
  });

  it("edits only the fields sent", async () => {
    const id = (await create(newService())).json.id as string;
    const r = await patch(id, { name: "Nombre nuevo del servicio", tps: 99 });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ name: "Nombre nuevo del servicio", tps: 99, availability: 99.5 });
    expect((await patch(id, { code: "otro" })).status).toBe(422);
  });
});

describe("search", () => {
  it("ignores accents and case, and matches partial words", async () => {
    expect(ids(await search("q=inscripcion%20registro"))).toEqual(["SRCEI/discapacidad/v1"]);
    expect(ids(await search("q=INSCRIPCIÓN"))).toEqual(["SRCEI/discapacidad/v1"]);
    expect(ids(await search("q=nacim"))).toContain("SRCEI/certificado-nacimiento/v1");
    // SRCEI's identity service is used by the "Pensión Garantizada Universal" procedure: found too.
    expect(ids(await search("q=pension%20garantizada"))).toEqual(["IPS/pgu/v1", "IPS/pgu/v2", "SRCEI/identidad/v1"]);
    // A word of the provider's name or of a data item finds the service too.
    expect(ids(await search("q=fonasa%20tramo"))).toContain("FONASA/tramo/v1");
  });

  it("combines filters", async () => {
    expect(ids(await search("provider=IPS&status=DEPRECATED"))).toEqual(["IPS/pgu/v1"]);
    expect(ids(await search("provider=SRCEI&classification=SENSIBLE&q=discapacidad"))).toEqual(["SRCEI/discapacidad/v1"]);
    expect(ids(await search("procedure=CPAT-MDSF-0005&sensitive=false"))).toEqual(["MINEDUC/matricula-escolar/v1", "SRCEI/certificado-nacimiento/v1"]);
    expect(ids(await search("procedure=CPAT-MDSF-0005&sensitive=true"))).toEqual(["FONASA/tramo/v1", "IPS/pension-invalidez/v1", "SRCEI/discapacidad/v1"]);
    expect(ids(await search("classification=ESTADISTICO"))).toEqual(["FONASA/beneficiarios-por-tramo/v1", "MINEDUC/matricula-por-comuna/v1"]);
  });

  it("sorts, counts and pages", async () => {
    const all = await search("pageSize=100");
    const names = all.json.data.map((s: { name: string }) => s.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, "es", { sensitivity: "base" })));
    const p = await search("pageSize=2&page=2&sort=name");
    expect(p.json.pagination).toMatchObject({ page: 2, pageSize: 2, total: all.json.pagination.total });
    expect(p.json.data.map((s: { name: string }) => s.name)).toEqual(names.slice(2, 4));
    const recent = await search("sort=recent&pageSize=1");
    expect(new Date(recent.json.data[0].updatedAt).getTime()).toBeGreaterThanOrEqual(Math.max(...all.json.data.map((s: { updatedAt: string }) => new Date(s.updatedAt).getTime())));
    expect((await search("q=palabrainexistentexyz")).json).toEqual({ data: [], pagination: { page: 1, pageSize: 20, total: 0, totalPages: 1 } });
  });

  it("drafts only for the provider's members", async () => {
    expect(ids(await search("status=DRAFT&provider=MUN-SANTIAGO"))).toEqual([]);
    expect(ids(await search("status=DRAFT&provider=MUN-SANTIAGO", CITIZEN))).toEqual([]);
    expect(ids(await search("status=DRAFT&provider=MUN-SANTIAGO", SRCEI_ADMIN))).toEqual([]);
    expect(ids(await search("status=DRAFT&provider=MUN-SANTIAGO", MUN_ADMIN))).toEqual(["MUN-SANTIAGO/patentes-comerciales/v1"]);
    expect((await get("MUN-SANTIAGO/patentes-comerciales/v1", SRCEI_ADMIN)).status).toBe(404);
    expect((await get("MUN-SANTIAGO/patentes-comerciales/v1", "16543210-K")).status).toBe(200);
  });

  it("validates its parameters", async () => {
    const r = await search("sort=price&sensitive=maybe&status=BORRADOR");
    expect(r.status).toBe(422);
    expect(r.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["sensitive", "sort", "status"]);
  });
});
