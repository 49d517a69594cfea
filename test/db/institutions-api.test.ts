import { describe, expect, it } from "vitest";
import { GET as getOne } from "@/app/api/v1/institutions/[code]/route";
import { GET as list } from "@/app/api/v1/institutions/route";
import { GET as health } from "@/app/api/health/route";
import { clock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { call } from "../support/api";
import { errorWith } from "../support/errors";

describe("GET /api/v1/institutions", () => {
  it("lists every institution, 20 per page, sorted by name", async () => {
    const r = await call(list, "/api/v1/institutions");
    expect(r.status).toBe(200);
    expect(r.json.pagination).toEqual({ page: 1, pageSize: 20, total: 429, totalPages: 22 });
    expect(r.json.data).toHaveLength(20);
    const names = r.json.data.map((i: { name: string }) => i.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "es")));
    expect(r.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("filters by group and kind, with each row's deadline", async () => {
    const c = await call(list, "/api/v1/institutions?group=C&kind=MUNICIPALIDAD&pageSize=100");
    expect(c.json.pagination.total).toBe(261);
    expect(c.json.data.every((i: { group: string; deadline: { year: number } }) => i.group === "C" && i.deadline.year === 2026)).toBe(true);
    const b = await call(list, "/api/v1/institutions?group=B&kind=MUNICIPALIDAD");
    expect(b.json.pagination.total).toBe(84);
    const gore = await call(list, "/api/v1/institutions?group=B&kind=GOBIERNO_REGIONAL");
    expect(gore.json.pagination.total).toBe(16);
  });

  it("searches ignoring accents and case, by name or code", async () => {
    const r = await call(list, "/api/v1/institutions?q=MARIA%20pinto");
    expect(r.json.data.map((i: { name: string }) => i.name)).toEqual(["Municipalidad de María Pinto"]);
    const n = await call(list, "/api/v1/institutions?q=nunoa");
    expect(n.json.data.map((i: { code: string }) => i.code)).toEqual(["MUN-NUNOA"]);
    const code = await call(list, "/api/v1/institutions?q=srcei");
    expect(code.json.data.map((i: { code: string }) => i.code)).toEqual(["SRCEI"]);
  });

  it("takes % _ and \\ literally, not as wildcards", async () => {
    for (const q of ["%", "_", "%25", "\\", "m_n", "%santiago"]) {
      const r = await call(list, `/api/v1/institutions?q=${encodeURIComponent(q)}`);
      expect(r.status, q).toBe(200);
      expect(r.json.pagination.total, q).toBe(0);
    }
  });

  it("answers 422, never 500, for control characters in the search", async () => {
    for (const q of ["%00", "a%00b", "%1B", "%E2%80%AE"]) {
      const r = await call(list, `/api/v1/institutions?q=${q}`);
      expect(r.status, q).toBe(422);
      expect(r.json.error.issues[0].path).toBe("q");
    }
  });

  it("pages through results", async () => {
    const p2 = await call(list, "/api/v1/institutions?group=B&pageSize=50&page=2");
    expect(p2.json.pagination).toEqual({ page: 2, pageSize: 50, total: 100, totalPages: 2 });
    expect(p2.json.data).toHaveLength(50);
    const beyond = await call(list, "/api/v1/institutions?page=99");
    expect(beyond.status).toBe(200);
    expect(beyond.json.data).toEqual([]);
  });

  it("answers 422 naming each malformed parameter", async () => {
    const r = await call(list, "/api/v1/institutions?page=abc&pageSize=1000&group=Z");
    expect(r.status).toBe(422);
    expect(r.json).toMatchObject(errorWith("validation_failed"));
    expect(r.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["group", "page", "pageSize"]);
    for (const i of r.json.error.issues) expect(i.message).toMatch(/[a-záéíóú]/);
    const long = await call(list, `/api/v1/institutions?q=${"x".repeat(101)}`);
    expect(long.status).toBe(422);
    expect(long.json.error.issues[0]).toEqual({ path: "q", message: "La búsqueda admite hasta 100 caracteres" });
  });
});

describe("GET /api/v1/institutions/{code}", () => {
  it("returns one institution with its group's deadline and duty", async () => {
    const r = await call(getOne, "/api/v1/institutions/MUN-MARIQUINA", { params: { code: "MUN-MARIQUINA" } });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      code: "MUN-MARIQUINA",
      name: "Municipalidad de Mariquina",
      kind: "MUNICIPALIDAD",
      region: "CL-LR",
      group: "C",
      deadline: { year: 2026, duty: "Procedimiento administrativo en expedientes electrónicos y aplicación del principio de interoperabilidad", passed: false },
      onboardingStage: "NO_INICIADO",
    });
  });

  it("derives the stage from the facts: an active node and an agreement in force are not «No iniciado»; a passed deadline says so", async () => {
    clock.set(new Date("2026-11-30T12:00:00Z"));
    try {
      const before = await call(getOne, "/api/v1/institutions/MINVU", { params: { code: "MINVU" } });
      expect(before.json).toMatchObject({ group: "A", onboardingStage: "NO_INICIADO", deadline: { year: 2025, passed: true } });

      const db = getDb();
      await db.agreement.create({
        data: {
          number: "ACU-2026-990001",
          consumerCode: "MINVU",
          serviceId: "SRCEI/identidad/v1",
          providerCode: "SRCEI",
          environment: "dev",
          type: "SERVICIO",
          legalBasis: "Prueba de la etapa de incorporación.",
          declaredVolume: 10,
          mode: "EN_LINEA",
          requestedTps: 1,
          status: "ENVIADA",
          createdByRun: "12345678-5",
        },
      });
      expect((await call(getOne, "/api/v1/institutions/MINVU", { params: { code: "MINVU" } })).json.onboardingStage).toBe("ACUERDO");

      await db.agreement.update({ where: { number: "ACU-2026-990001" }, data: { status: "VIGENTE" } });
      await db.node.create({ data: { id: "MINVU/nodo-etapa", institutionCode: "MINVU", name: "nodo-etapa", environment: "dev", baseUrl: "https://nodo.minvu.example", status: "ACTIVE", createdByRun: "12345678-5" } });
      const after = await call(getOne, "/api/v1/institutions/MINVU", { params: { code: "MINVU" } });
      expect(after.json).toMatchObject({ onboardingStage: "PRUEBAS_CONECTIVIDAD", deadline: { year: 2025, passed: true } });
      // The list says the same.
      const listed = await call(list, "/api/v1/institutions?q=MINVU");
      expect(listed.json.data.find((i: { code: string }) => i.code === "MINVU")).toMatchObject({ onboardingStage: "PRUEBAS_CONECTIVIDAD" });
    } finally {
      clock.set(null);
    }
  });

  it("answers 404 for an unknown or malformed code", async () => {
    for (const code of ["NO-EXISTE", "srcei", "X"]) {
      const r = await call(getOne, `/api/v1/institutions/${code}`, { params: { code } });
      expect(r.status).toBe(404);
      expect(r.json).toMatchObject(errorWith("not_found"));
      expect(JSON.stringify(r.json)).not.toMatch(/at .*\.ts|stack/i);
    }
  });
});

describe("GET /api/health", () => {
  it("checks the database", async () => {
    const r = await call(health, "/api/health");
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ status: "ok", checks: { database: "ok" } });
  });
});
