import { beforeAll, describe, expect, it } from "vitest";
import * as itemOne from "@/app/api/v1/data-items/[institution]/[code]/route";
import * as itemTransitions from "@/app/api/v1/data-items/[institution]/[code]/transitions/route";
import * as itemCollection from "@/app/api/v1/data-items/route";
import * as procOne from "@/app/api/v1/procedures/[code]/route";
import * as procTransitions from "@/app/api/v1/procedures/[code]/transitions/route";
import * as procCollection from "@/app/api/v1/procedures/route";
import * as svcOne from "@/app/api/v1/services/[institution]/[code]/[version]/route";
import * as svcTransitions from "@/app/api/v1/services/[institution]/[code]/[version]/transitions/route";
import * as svcCollection from "@/app/api/v1/services/route";
import { call } from "../support/api";

/**
 * Every write endpoint × every kind of caller. Only the owning institution's admin may write;
 * its staff, another institution's admin, a citizen get 403; nobody signed in gets 401.
 */
const ROLES = {
  anonymous: undefined,
  citizen: "11111111-1",
  otherAdmin: "15234567-4", // MUN-SANTIAGO
  staff: "13579246-2", // SRCEI staff
  admin: "12345678-5", // SRCEI admin
} as const;
const EXPECTED: Record<keyof typeof ROLES, number> = { anonymous: 401, citizen: 403, otherAdmin: 403, staff: 403, admin: 0 };

const uid = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const openapi = { openapi: "3.1.0", info: { title: "t", version: "1" }, paths: { "/x": { get: { responses: { "200": { description: "ok" } } } } } };

const serviceBody = () => ({
  institution: "SRCEI",
  code: `permiso-${uid()}`,
  name: "Servicio para la matriz de permisos",
  description: "Servicio creado para probar los permisos.",
  tps: 5,
  availability: 99,
  approvalPolicy: "MANUAL",
  responsibleRun: ROLES.admin,
  outputDataItems: ["SRCEI/nombre-completo"],
  environments: ["dev"],
  openapi,
});
const itemBody = () => ({
  institution: "SRCEI",
  code: `dato-${uid()}`,
  name: "Dato para la matriz de permisos",
  description: "Dato creado para probar los permisos.",
  attributes: [{ name: "valor", type: "string", description: "" }],
  classification: "PERSONAL",
  responsibleRun: ROLES.admin,
  updateFrequency: "DIARIA",
  nature: "MAESTRO",
});
const procBody = () => ({
  code: `CPAT-T-${uid().toUpperCase()}`,
  institution: "SRCEI",
  name: "Trámite para la matriz de permisos",
  originatingLaw: "Ley de prueba",
  needsInteroperability: true,
  needsConsent: false,
});

type Target = { params: Record<string, string>; url: string };
const svcParams = (id: string) => {
  const [institution, code, version] = id.split("/");
  return { params: { institution: institution!, code: code!, version: version! }, url: `/api/v1/services/${id}` };
};
const itemParams = (id: string) => {
  const [institution, code] = id.split("/");
  return { params: { institution: institution!, code: code! }, url: `/api/v1/data-items/${id}` };
};
const procParams = (code: string) => ({ params: { code }, url: `/api/v1/procedures/${code}` });

async function publishedService(): Promise<Target> {
  const c = await call(svcCollection.POST, "/api/v1/services", { method: "POST", body: serviceBody(), as: ROLES.admin });
  const t = svcParams(c.json.id);
  await call(svcTransitions.POST, `${t.url}/transitions`, { method: "POST", params: t.params, body: { action: "publish" }, as: ROLES.admin });
  return t;
}
async function publishedItem(): Promise<Target> {
  const c = await call(itemCollection.POST, "/api/v1/data-items", { method: "POST", body: itemBody(), as: ROLES.admin });
  const t = itemParams(c.json.id);
  await call(itemTransitions.POST, `${t.url}/transitions`, { method: "POST", params: t.params, body: { action: "publish" }, as: ROLES.admin });
  return t;
}
async function procedure(): Promise<Target> {
  const c = await call(procCollection.POST, "/api/v1/procedures", { method: "POST", body: procBody(), as: ROLES.admin });
  return procParams(c.json.code);
}

type Endpoint = { name: string; target?: () => Promise<Target>; run: (t: Target | undefined, as: string | undefined) => Promise<{ status: number }> };

const ENDPOINTS: Endpoint[] = [
  { name: "POST /api/v1/services", run: (_t, as) => call(svcCollection.POST, "/api/v1/services", { method: "POST", body: serviceBody(), as }) },
  { name: "PATCH /api/v1/services/{id}", target: publishedService, run: (t, as) => call(svcOne.PATCH, t!.url, { method: "PATCH", params: t!.params, body: { tps: 7 }, as }) },
  {
    name: "POST /api/v1/services/{id}/transitions",
    target: publishedService,
    run: (t, as) => call(svcTransitions.POST, `${t!.url}/transitions`, { method: "POST", params: t!.params, body: { action: "deprecate", reason: "prueba" }, as }),
  },
  { name: "POST /api/v1/data-items", run: (_t, as) => call(itemCollection.POST, "/api/v1/data-items", { method: "POST", body: itemBody(), as }) },
  { name: "PATCH /api/v1/data-items/{id}", target: publishedItem, run: (t, as) => call(itemOne.PATCH, t!.url, { method: "PATCH", params: t!.params, body: { updateFrequency: "ANUAL" }, as }) },
  {
    name: "POST /api/v1/data-items/{id}/transitions",
    target: publishedItem,
    run: (t, as) => call(itemTransitions.POST, `${t!.url}/transitions`, { method: "POST", params: t!.params, body: { action: "deprecate", reason: "prueba" }, as }),
  },
  { name: "POST /api/v1/procedures", run: (_t, as) => call(procCollection.POST, "/api/v1/procedures", { method: "POST", body: procBody(), as }) },
  { name: "PATCH /api/v1/procedures/{code}", target: procedure, run: (t, as) => call(procOne.PATCH, t!.url, { method: "PATCH", params: t!.params, body: { needsConsent: true }, as }) },
  {
    name: "POST /api/v1/procedures/{code}/transitions",
    target: procedure,
    run: (t, as) => call(procTransitions.POST, `${t!.url}/transitions`, { method: "POST", params: t!.params, body: { action: "repeal", reason: "prueba" }, as }),
  },
];

describe.each(ENDPOINTS)("$name", (endpoint) => {
  let target: Target | undefined;
  beforeAll(async () => {
    target = await endpoint.target?.();
  });
  for (const [role, run] of Object.entries(ROLES) as [keyof typeof ROLES, string | undefined][]) {
    const expected = EXPECTED[role];
    it(`${role} → ${expected || "2xx"}`, async () => {
      const r = await endpoint.run(target, run);
      if (expected) expect(r.status).toBe(expected);
      else expect([200, 201]).toContain(r.status);
    });
  }
});

describe("drafts of another institution", () => {
  it("do not exist for another institution's admin (404, not 403)", async () => {
    const c = await call(svcCollection.POST, "/api/v1/services", { method: "POST", body: serviceBody(), as: ROLES.admin });
    const t = svcParams(c.json.id);
    const r = await call(svcOne.PATCH, t.url, { method: "PATCH", params: t.params, body: { tps: 3 }, as: ROLES.otherAdmin });
    expect(r.status).toBe(404);
    const staff = await call(svcOne.GET, t.url, { params: t.params, as: ROLES.staff });
    expect(staff.status).toBe(200);
    expect((staff as unknown as { json: { allowedActions: string[] } }).json.allowedActions).toEqual([]);
  });
});
