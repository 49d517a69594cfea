import { describe, expect, it } from "vitest";
import { can, canReadInstitution, PERMISSIONS, rolesOf, type Action, type ActorRoles } from "./permissions";

const INST = "SRCEI";
const OTHER = "MUN-SANTIAGO";

const actors: Record<string, ActorRoles | null> = {
  anonymous: null,
  citizen: { run: "11111111-1", isPlatformAdmin: false, memberships: [] },
  staff: { run: "13579246-2", isPlatformAdmin: false, memberships: [{ institutionCode: INST, role: "INSTITUTION_STAFF", headOfService: false }] },
  admin: { run: "9-9", isPlatformAdmin: false, memberships: [{ institutionCode: INST, role: "INSTITUTION_ADMIN", headOfService: false }] },
  head: { run: "12345678-5", isPlatformAdmin: false, memberships: [{ institutionCode: INST, role: "INSTITUTION_ADMIN", headOfService: true }] },
  otherAdmin: { run: "15234567-4", isPlatformAdmin: false, memberships: [{ institutionCode: OTHER, role: "INSTITUTION_ADMIN", headOfService: true }] },
  platform: { run: "10987654-2", isPlatformAdmin: true, memberships: [] },
};

// The expected matrix, written out by hand: who may do each action in SRCEI.
const expected: Record<Action, string[]> = {
  "account.read": ["citizen", "staff", "admin", "head", "otherAdmin", "platform"],
  "consent.manage_own": ["citizen", "staff", "admin", "head", "otherAdmin", "platform"],
  "trace.read_own": ["citizen", "staff", "admin", "head", "otherAdmin", "platform"],
  "institution.read_private": ["staff", "admin", "head"],
  "institution.manage_staff": ["admin", "head"],
  "catalog.read_drafts": ["staff", "admin", "head"],
  "catalog.edit": ["admin", "head"],
  "schema.propose": ["staff", "admin", "head"],
  "agreement.prepare": ["staff", "admin", "head"],
  "agreement.submit": ["admin", "head"],
  "agreement.review": ["admin", "head"],
  "agreement.sign": ["head"],
  "node.manage": ["admin", "head"],
  "trace.read_institution": ["staff", "admin", "head"],
  "schema.approve": ["platform"],
  "agreement.mediate": ["platform"],
  "onboarding.manage": ["platform"],
  "institution.manage_admins": ["platform"],
  "institution.set_head": ["platform"],
  "platform.manage_admins": ["platform"],
  "platform.run_jobs": ["platform"],
  "data_item.declassify": ["platform"],
  "platform.monitor": ["platform"],
  "institution.oversee": ["platform"],
};

describe("permission table", () => {
  it("covers every action", () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  for (const action of Object.keys(PERMISSIONS) as Action[]) {
    it(`${action}: exactly the expected actors`, () => {
      const allowed = Object.entries(actors)
        .filter(([, actor]) => can(actor, action, INST))
        .map(([name]) => name);
      expect(allowed).toEqual(expected[action]);
    });
  }

  it("institution actions need the institution", () => {
    expect(can(actors.head!, "catalog.edit")).toBe(false);
    expect(can(actors.head!, "catalog.edit", OTHER)).toBe(false);
    expect(can(actors.otherAdmin!, "catalog.edit", OTHER)).toBe(true);
  });

  it("the institution's area is read by its members and, read-only, by the platform team; not by other institutions nor citizens", () => {
    const readers = Object.entries(actors)
      .filter(([, actor]) => canReadInstitution(actor, INST))
      .map(([name]) => name);
    expect(readers).toEqual(["staff", "admin", "head", "platform"]);
    // Read-only: overseeing gives none of the institution's actions, nor its persons' data.
    for (const action of ["catalog.edit", "catalog.read_drafts", "agreement.review", "agreement.sign", "node.manage", "institution.manage_staff", "trace.read_institution"] as const) {
      expect(can(actors.platform!, action, INST), action).toBe(false);
    }
  });

  it("lists roles for display", () => {
    expect(rolesOf(actors.head!).map((r) => r.role)).toEqual(["CITIZEN", "INSTITUTION_ADMIN"]);
    expect(rolesOf(actors.platform!).map((r) => r.role)).toEqual(["CITIZEN", "PLATFORM_ADMIN"]);
  });
});
