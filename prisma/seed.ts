/**
 * Idempotent seed. Always: the Ley 21.464 groups with their deadlines and duties, and every
 * institution of prisma/data/institutions.json (a copy of the shared list). Names, kinds,
 * groups and regions are refreshed; what the platform manages (onboarding stage) is kept.
 * With `demo`: the ClaveÚnica emulator's test persons (but those marked `"sembrar": false`, who
 * are added by RUN in the portal before their first sign-in) and their roles with confirmed
 * institutional addresses, and a demo catalog (prisma/demo-catalog.ts) — never in production.
 * Demo memberships are created once: a later start keeps what admins changed since (role,
 * head of service, addresses, mail mode).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseRun } from "@pisee/node-agent/shared";
import { createPrismaClient } from "@/lib/db/client";
import type { GradualityGroup, InstitutionKind, MembershipRole } from "@/lib/generated/prisma/enums";
import { normalizeForSearch } from "@/lib/text/normalize";
import { seedDemoCatalog } from "./demo-catalog";

const root = path.resolve(import.meta.dirname, "..");

type InstitutionsFile = {
  groups: Record<GradualityGroup, { year: number; duty: string }>;
  institutions: { code: string; name: string; kind: InstitutionKind; group: GradualityGroup; region?: string }[];
};
type DemoPerson = { run: string; nombres: string[]; apellidos: string[]; email?: string; sembrar?: boolean };
type DemoRoles = {
  platformAdmins: string[];
  memberships: { run: string; institution: string; role: MembershipRole; headOfService: boolean; email?: string }[];
};

/** Who belongs to each group (Ley 21.464), shown next to the deadline. */
export const GROUP_MEMBERS: Record<GradualityGroup, string> = {
  A: "Ministerios, servicios públicos no incluidos en los grupos B y C, Contraloría General de la República, Fuerzas Armadas y de Orden y Seguridad Pública, y delegaciones presidenciales regionales y provinciales",
  B: "Gobiernos regionales y 84 municipios",
  C: "Resto de los municipios",
};

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(root, file), "utf8")) as T;
}

export function loadInstitutionsFile(): InstitutionsFile {
  return readJson<InstitutionsFile>("prisma/data/institutions.json");
}

export type SeedSummary = { groups: number; institutions: number; standardTerms: number; persons: number; memberships: number; services: number; dataItems: number };

export async function seedDatabase(databaseUrl: string, opts: { demo: boolean }): Promise<SeedSummary> {
  const db = createPrismaClient(databaseUrl, { max: 2 });
  try {
    const file = loadInstitutionsFile();
    const summary: SeedSummary = { groups: 0, institutions: 0, standardTerms: 0, persons: 0, memberships: 0, services: 0, dataItems: 0 };
    await db.$transaction(async (tx) => {
      for (const [group, g] of Object.entries(file.groups) as [GradualityGroup, { year: number; duty: string }][]) {
        const data = { year: g.year, duty: g.duty, members: GROUP_MEMBERS[group] };
        await tx.groupDeadline.upsert({ where: { group }, create: { group, ...data }, update: data });
        summary.groups++;
      }
      // One statement for the ~430 institutions; ON CONFLICT keeps the onboarding stage.
      const rows = file.institutions;
      summary.institutions = await tx.$executeRaw`
        INSERT INTO institution (code, name, search_name, kind, region, "group", updated_at)
        SELECT code, name, search_name, kind::"InstitutionKind", region, grp::"GradualityGroup", now()
        FROM unnest(
          ${rows.map((r) => r.code)}::text[], ${rows.map((r) => r.name)}::text[],
          ${rows.map((r) => normalizeForSearch(r.name))}::text[], ${rows.map((r) => r.kind)}::text[],
          ${rows.map((r) => r.region ?? null)}::text[], ${rows.map((r) => r.group)}::text[]
        ) AS t(code, name, search_name, kind, region, grp)
        ON CONFLICT (code) DO UPDATE SET
          name = EXCLUDED.name, search_name = EXCLUDED.search_name, kind = EXCLUDED.kind,
          region = EXCLUDED.region, "group" = EXCLUDED."group", updated_at = now()`;

      // The network's standard terms (versioned; a published version never changes).
      const termsText = fs.readFileSync(path.join(root, "prisma/data/standard-terms-v1.md"), "utf8");
      await tx.standardTerms.upsert({
        where: { version: 1 },
        create: { version: 1, title: "Términos y condiciones estándar de la Red de Interoperabilidad del Estado", text: termsText, sha256: crypto.createHash("sha256").update(termsText, "utf8").digest("hex") },
        update: {},
      });
      summary.standardTerms = await tx.standardTerms.count();

      if (!opts.demo) return;
      const persons = readJson<DemoPerson[]>("dev/claveunica/persons.json");
      const roles = readJson<DemoRoles>("prisma/data/demo-roles.json");
      for (const p of persons) {
        const run = parseRun(p.run);
        if (!run.ok) continue; // the emulator's deliberately invalid RUN never enters the portal
        if (p.sembrar === false) continue; // added by RUN in the portal (the first sign-in flow)
        const data = { givenNames: p.nombres.join(" "), familyNames: p.apellidos.join(" ") };
        // Created once, like the memberships: the platform team changes who belongs to it.
        const isPlatformAdmin = roles.platformAdmins.includes(run.run);
        await tx.person.upsert({ where: { run: run.run }, create: { run: run.run, ...data, isPlatformAdmin }, update: {} });
        summary.persons++;
      }
      const seededAt = new Date();
      for (const m of roles.memberships) {
        const email = m.email ? { email: m.email, emailConfirmedAt: seededAt } : {};
        // Created once; never overwritten: roles and the head of service are the admins' to change.
        await tx.membership.upsert({
          where: { personRun_institutionCode: { personRun: m.run, institutionCode: m.institution } },
          create: { personRun: m.run, institutionCode: m.institution, role: m.role, headOfService: m.headOfService, ...email },
          update: {},
        });
        summary.memberships++;
      }
      const catalog = await seedDemoCatalog(tx);
      summary.services = catalog.services;
      summary.dataItems = catalog.dataItems;
      // Hundreds of upserts: Prisma's 5 s default is too short on a busy two-core machine, and a
      // seed cut short would leave nothing (the transaction is all or nothing).
    }, { timeout: 120_000, maxWait: 30_000 });
    return summary;
  } finally {
    await db.$disconnect();
  }
}
