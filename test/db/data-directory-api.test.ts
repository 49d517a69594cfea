import { describe, expect, it } from "vitest";
import * as one from "@/app/api/v1/data-items/[institution]/[code]/route";
import * as transitions from "@/app/api/v1/data-items/[institution]/[code]/transitions/route";
import * as collection from "@/app/api/v1/data-items/route";
import * as procedures from "@/app/api/v1/procedures/route";
import * as notifications from "@/app/api/v1/notifications/route";
import * as serviceOne from "@/app/api/v1/services/[institution]/[code]/[version]/route";
import * as serviceTransitions from "@/app/api/v1/services/[institution]/[code]/[version]/transitions/route";
import * as services from "@/app/api/v1/services/route";
import { call } from "../support/api";
import { errorWith } from "../support/errors";

const FONASA_STAFF = "8765432-K";
const SRCEI_ADMIN = "12345678-5";
const PLATFORM = "10987654-2";

const params = (id: string) => {
  const [institution, code] = id.split("/");
  return { institution: institution!, code: code! };
};

describe("data directory API", () => {
  it("shows a data item with the services that expose it", async () => {
    const r = await call(one.GET, "/api/v1/data-items/SRCEI/run", { params: params("SRCEI/run") });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ id: "SRCEI/run", classification: "PERSONAL", status: "PUBLISHED", steward: { code: "SRCEI" } });
    expect(r.json.services.map((s: { id: string }) => s.id)).toContain("SRCEI/certificado-nacimiento/v1");
    expect(r.json.services.every((s: { direction: string }) => s.direction === "INPUT")).toBe(true);
    expect(r.json.responsible.run).toBeUndefined();
  });

  it("searches without accents and filters by classification and steward", async () => {
    const r = await call(collection.GET, "/api/v1/data-items?q=filiacion");
    expect(r.json.data.map((d: { id: string }) => d.id)).toEqual(["SRCEI/filiacion"]);
    const s = await call(collection.GET, "/api/v1/data-items?classification=SENSIBLE&pageSize=100");
    expect(s.json.data.map((d: { id: string }) => d.id).sort()).toEqual(["FONASA/tramo", "IPS/pension-invalidez", "SRCEI/discapacidad-rnd"]);
    const st = await call(collection.GET, "/api/v1/data-items?steward=MINEDUC");
    expect(st.json.pagination.total).toBe(2);
  });

  it("a data item in use cannot be retired (409), and an open-data one cannot become personal while an automatic service uses it", async () => {
    const dep = await call(transitions.POST, "/x", { method: "POST", params: params("SRCEI/run"), body: { action: "deprecate", reason: "prueba" }, as: SRCEI_ADMIN });
    expect(dep.status).toBe(200);
    const ret = await call(transitions.POST, "/x", { method: "POST", params: params("SRCEI/run"), body: { action: "retire", reason: "prueba" }, as: SRCEI_ADMIN });
    expect(ret.status).toBe(409);
    expect(ret.json).toMatchObject(errorWith("data_item_in_use"));

    const reclassify = await call(one.PATCH, "/x", { method: "PATCH", params: params("FONASA/beneficiarios-por-tramo"), body: { classification: "PERSONAL" }, as: SRCEI_ADMIN });
    expect(reclassify.status).toBe(403);
  });

  it("reclassifying a data item changes the derived sensitivity of the services that use it", async () => {
    const code = `reclasificable-${Date.now().toString(36)}`;
    const item = await call(collection.POST, "/api/v1/data-items", {
      method: "POST",
      as: SRCEI_ADMIN,
      body: { institution: "SRCEI", code, name: "Dato reclasificable", description: "Dato que cambia de clasificación.", attributes: [{ name: "v", type: "string" }], classification: "PERSONAL", responsibleRun: SRCEI_ADMIN, updateFrequency: "DIARIA", nature: "MAESTRO" },
    });
    expect(item.status).toBe(201);
    const svc = await call(services.POST, "/api/v1/services", {
      method: "POST",
      as: SRCEI_ADMIN,
      body: { institution: "SRCEI", code: `usa-${code}`, name: "Servicio que usa el dato", description: "Usa el dato reclasificable.", tps: 1, availability: 99, approvalPolicy: "MANUAL", responsibleRun: SRCEI_ADMIN, outputDataItems: [item.json.id], environments: ["dev"] },
    });
    const sp = { institution: "SRCEI", code: `usa-${code}`, version: "v1" };
    expect(svc.json).toMatchObject({ sensitive: false, personal: true });
    await call(one.PATCH, "/x", { method: "PATCH", params: params(item.json.id), body: { classification: "SENSIBLE" }, as: SRCEI_ADMIN });
    const after = await call(serviceOne.GET, "/x", { params: sp, as: SRCEI_ADMIN });
    expect(after.json).toMatchObject({ sensitive: true, personal: false });
    const listed = await call(services.GET, `/api/v1/services?status=DRAFT&provider=SRCEI&sensitive=true&q=${encodeURIComponent("usa el dato reclasificable")}`, { as: SRCEI_ADMIN });
    expect(listed.json.data.map((s: { id: string; sensitive: boolean }) => [s.id, s.sensitive])).toEqual([[`SRCEI/usa-${code}/v1`, true]]);
  });

  it("lowering SENSIBLE on an item live services use: only the platform team, and every affected provider is told", async () => {
    const code = `sensible-${Date.now().toString(36)}`;
    const item = await call(collection.POST, "/api/v1/data-items", {
      method: "POST",
      as: SRCEI_ADMIN,
      body: { institution: "SRCEI", code, name: "Dato sensible en uso", description: "Dato sensible que usa un servicio publicado.", attributes: [{ name: "v", type: "string" }], classification: "SENSIBLE", responsibleRun: SRCEI_ADMIN, updateFrequency: "DIARIA", nature: "MAESTRO" },
    });
    const p = params(item.json.id);
    expect((await call(transitions.POST, "/x", { method: "POST", params: p, body: { action: "publish" }, as: SRCEI_ADMIN })).status).toBe(200);
    const openapi = { openapi: "3.1.0", info: { title: "Consulta", version: "1.0.0" }, paths: { "/consultas": { get: { responses: { "200": { description: "ok" } } } } } };
    const svc = await call(services.POST, "/api/v1/services", {
      method: "POST",
      as: SRCEI_ADMIN,
      body: { institution: "SRCEI", code: `usa-${code}`, name: "Servicio con dato sensible", description: "Usa un dato sensible.", tps: 1, availability: 99, approvalPolicy: "MANUAL", responsibleRun: SRCEI_ADMIN, outputDataItems: [item.json.id], environments: ["dev"], openapi },
    });
    const sp = { institution: "SRCEI", code: `usa-${code}`, version: "v1" };
    expect((await call(serviceTransitions.POST, "/x", { method: "POST", params: sp, body: { action: "publish" }, as: SRCEI_ADMIN })).json).toMatchObject({ status: "PUBLISHED", sensitive: true });

    // The steward may not do it alone: it would remove consent at every node.
    const own = await call(one.PATCH, "/x", { method: "PATCH", params: p, body: { classification: "PERSONAL" }, as: SRCEI_ADMIN });
    expect(own.status).toBe(409);
    expect(own.json).toMatchObject(errorWith("classification_in_use"));
    expect(own.json.error.message).toContain(svc.json.id);
    expect((await call(serviceOne.GET, "/x", { params: sp })).json.sensitive).toBe(true);
    // The platform team may, and only that change.
    expect((await call(one.PATCH, "/x", { method: "PATCH", params: p, body: { classification: "PERSONAL", name: "Otro nombre" }, as: PLATFORM })).status).toBe(403);
    const byPlatform = await call(one.PATCH, "/x", { method: "PATCH", params: p, body: { classification: "PERSONAL" }, as: PLATFORM });
    expect(byPlatform.status).toBe(200);
    expect(byPlatform.json.classification).toBe("PERSONAL");
    expect((await call(serviceOne.GET, "/x", { params: sp })).json.sensitive).toBe(false);
    const notes = await call(notifications.GET, "/api/v1/notifications?institution=SRCEI", { as: SRCEI_ADMIN });
    const note = notes.json.data.find((n: { kind: string; body: string }) => n.kind === "CLASIFICACION_CAMBIADA" && n.body.includes(item.json.id));
    expect(note.body).toContain("de SENSIBLE a PERSONAL");
    expect(note.body).toContain("ya no exige consentimiento");
    // Raising it again is the steward's call; the provider is told consent is required again.
    expect((await call(one.PATCH, "/x", { method: "PATCH", params: p, body: { classification: "SENSIBLE" }, as: SRCEI_ADMIN })).status).toBe(200);
    const again = await call(notifications.GET, "/api/v1/notifications?institution=SRCEI", { as: SRCEI_ADMIN });
    expect(again.json.data.some((n: { kind: string; body: string }) => n.kind === "CLASIFICACION_CAMBIADA" && n.body.includes("de PERSONAL a SENSIBLE") && n.body.includes(": exige consentimiento"))).toBe(true);
  });

  it("validates the body with field paths", async () => {
    const r = await call(collection.POST, "/api/v1/data-items", {
      method: "POST",
      as: FONASA_STAFF,
      body: { institution: "FONASA", code: "X", name: "a", description: "corta", attributes: [], classification: "PUBLICO", responsibleRun: "1-1", updateFrequency: "DIARIA", nature: "MAESTRO" },
    });
    expect(r.status).toBe(422);
    expect(r.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["attributes", "classification", "code", "description", "name", "responsibleRun"]);
  });
});

describe("procedures API", () => {
  it("lists the register, searchable without accents", async () => {
    const r = await call(procedures.GET, "/api/v1/procedures?q=circulacion");
    expect(r.json.data.map((p: { code: string }) => p.code)).toEqual(["CPAT-MUN-0101"]);
    const all = await call(procedures.GET, "/api/v1/procedures?institution=MUN-SANTIAGO");
    expect(all.json.data.length).toBeGreaterThanOrEqual(2);
  });
});
