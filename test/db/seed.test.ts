import fs from "node:fs";
import path from "node:path";
import { inject, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { DEMO_OFFICIALS } from "../../prisma/demo-catalog";
import { seedDatabase } from "../../prisma/seed";

const db = createPrismaClient(inject("databaseUrl"), { max: 2 });

describe("seed", () => {
  it("loads the 345 municipalities: 84 in group B and 261 in group C", async () => {
    const count = (group?: "B" | "C") => db.institution.count({ where: { kind: "MUNICIPALIDAD", ...(group ? { group } : {}) } });
    expect(await count()).toBe(345);
    expect(await count("B")).toBe(84);
    expect(await count("C")).toBe(261);
  });

  it("keeps Mariquina and María Pinto as two institutions", async () => {
    const rows = await db.institution.findMany({ where: { name: { in: ["Municipalidad de Mariquina", "Municipalidad de María Pinto"] } }, select: { code: true, group: true } });
    expect(rows.map((r) => r.code).sort()).toEqual(["MUN-MARIA-PINTO", "MUN-MARIQUINA"]);
    expect(rows.every((r) => r.group === "C")).toBe(true);
  });

  it("knows the region of every municipality, regional government and presidential delegation, from the comuna in its name", async () => {
    const rows = await db.institution.findMany({ where: { kind: { in: ["MUNICIPALIDAD", "GOBIERNO_REGIONAL", "DELEGACION_PRESIDENCIAL"] } }, select: { code: true, name: true, kind: true, region: true } });
    expect(rows).toHaveLength(345 + 16 + 16);
    expect(rows.filter((row) => !row.region).map((row) => row.code)).toEqual([]);
    // Written from the country's map, independently of the data file.
    const regionOf = Object.fromEntries(rows.map((row) => [row.code, row.region]));
    expect(regionOf["MUN-SANTIAGO"]).toBe("CL-RM");
    expect(regionOf["MUN-MARIA-PINTO"]).toBe("CL-RM");
    expect(regionOf["MUN-MARIQUINA"]).toBe("CL-LR");
    expect(regionOf["MUN-ARICA"]).toBe("CL-AP");
    expect(regionOf["MUN-CHILLAN"]).toBe("CL-NB");
    expect(regionOf["MUN-PUNTA-ARENAS"]).toBe("CL-MA");
    // Each municipality's region is its comuna's, and each region has its comunas' municipalities.
    const { regions } = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../prisma/data/comunas.json"), "utf8")) as { regions: Record<string, string[]> };
    const comunaRegion = new Map(Object.entries(regions).flatMap(([region, comunas]) => comunas.map((comuna) => [comuna, region] as const)));
    const mismatched = rows
      .filter((row) => row.kind === "MUNICIPALIDAD")
      .filter((row) => comunaRegion.get(row.name.replace(/^Municipalidad de /, "").replace(/\s*\(.*\)$/, "")) !== row.region)
      .map((row) => row.name);
    expect(mismatched).toEqual([]);
    expect(new Set(rows.map((row) => row.region)).size).toBe(16);
  });

  it("loads the regional governments and the group A list, and the three deadlines", async () => {
    expect(await db.institution.count({ where: { kind: "GOBIERNO_REGIONAL", group: "B" } })).toBe(16);
    expect(await db.institution.count({ where: { group: "A" } })).toBe(68);
    const deadlines = await db.groupDeadline.findMany({ orderBy: { group: "asc" } });
    expect(deadlines.map((d) => [d.group, d.year])).toEqual([["A", 2025], ["B", 2025], ["C", 2026]]);
  });

  it("is idempotent and keeps what the platform manages", async () => {
    await db.institution.update({ where: { code: "MUN-MARIQUINA" }, data: { onboardingStage: "REUNION_SOLICITADA" } });
    try {
      const before = { institutions: await db.institution.count(), services: await db.service.count(), events: await db.lifecycleEvent.count() };
      const summary = await seedDatabase(inject("databaseUrl"), { demo: true });
      expect(summary.institutions).toBe(before.institutions);
      expect(await db.institution.count()).toBe(before.institutions);
      expect(await db.membership.count()).toBe(6 + DEMO_OFFICIALS.length);
      expect(await db.service.count()).toBe(before.services);
      expect(await db.lifecycleEvent.count()).toBe(before.events);
      const m = await db.institution.findUniqueOrThrow({ where: { code: "MUN-MARIQUINA" } });
      expect(m.onboardingStage).toBe("REUNION_SOLICITADA");
    } finally {
      await db.institution.update({ where: { code: "MUN-MARIQUINA" }, data: { onboardingStage: "NO_INICIADO" } });
    }
  });

  it("creates the demo memberships once, with confirmed institutional addresses; a later start keeps what admins changed", async () => {
    const where = { personRun_institutionCode: { personRun: "13579246-2", institutionCode: "SRCEI" } };
    const seeded = await db.membership.findUniqueOrThrow({ where });
    expect(seeded).toMatchObject({ role: "INSTITUTION_STAFF", email: "jorge.rojas@registrocivil.gob.cl" });
    expect(seeded.emailConfirmedAt).not.toBeNull();
    await db.membership.update({ where, data: { role: "INSTITUTION_ADMIN", email: "otra@registrocivil.gob.cl", mailMode: "DIGEST" } });
    try {
      await seedDatabase(inject("databaseUrl"), { demo: true });
      expect(await db.membership.findUniqueOrThrow({ where })).toMatchObject({ role: "INSTITUTION_ADMIN", email: "otra@registrocivil.gob.cl", mailMode: "DIGEST" });
    } finally {
      await db.membership.update({ where, data: { role: "INSTITUTION_STAFF", email: seeded.email, mailMode: "IMMEDIATE" } });
    }
  });

  it("does not create the emulator's person marked «sembrar: false» (she is added by RUN before her first sign-in)", async () => {
    expect(await db.person.findUnique({ where: { run: "19283746-4" } })).toBeNull();
  });

  it("never stores the emulator's person with an invalid RUN", async () => {
    expect(await db.person.findMany({ where: { run: { startsWith: "14141414" } } })).toEqual([]);
  });
});

describe("demo catalog", () => {
  it("has data items of every classification and services from several providers", async () => {
    const classes = await db.dataItem.groupBy({ by: ["classification"], _count: true });
    expect(classes.map((c) => c.classification).sort()).toEqual(["ESTADISTICO", "OTRO", "PERSONAL", "RESERVADO", "SECRETO", "SENSIBLE"]);
    const providers = await db.service.groupBy({ by: ["institutionCode"], _count: true });
    expect(providers.map((p) => p.institutionCode).sort()).toEqual(["FONASA", "IPS", "MINEDUC", "MUN-SANTIAGO", "SII", "SRCEI"]);
  });
});

describe("database rules", () => {
  it("the audit log is append-only", async () => {
    const e = await db.auditEvent.create({ data: { action: "test.event", targetType: "test", targetId: "1" } });
    await expect(db.auditEvent.update({ where: { id: e.id }, data: { action: "changed" } })).rejects.toThrow();
    await expect(db.auditEvent.delete({ where: { id: e.id } })).rejects.toThrow();
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: e.id } })).action).toBe("test.event");
  });

  it("an institution has at most one head of service", async () => {
    await db.person.create({ data: { run: "22222222-2", givenNames: "Otra", familyNames: "Persona" } });
    await expect(
      db.membership.create({ data: { personRun: "22222222-2", institutionCode: "SRCEI", role: "INSTITUTION_ADMIN", headOfService: true } }),
    ).rejects.toThrow();
    await db.person.delete({ where: { run: "22222222-2" } });
  });

  it("refuses identifiers that break PROTOCOL.md §1", async () => {
    await expect(db.institution.create({ data: { code: "bad code", name: "x", searchName: "x", kind: "MINISTERIO", group: "A" } })).rejects.toThrow();
    await expect(db.person.create({ data: { run: "12.345.678-5", givenNames: "x", familyNames: "y" } })).rejects.toThrow();
  });
});
