import { computeRunCheckDigit } from "@pisee/node-agent/shared";
import { afterAll, describe, expect, it } from "vitest";
import * as head from "@/app/api/v1/institutions/[code]/head-of-service/route";
import * as member from "@/app/api/v1/institutions/[code]/members/[run]/route";
import * as members from "@/app/api/v1/institutions/[code]/members/route";
import * as admin from "@/app/api/v1/platform/admins/[run]/route";
import * as admins from "@/app/api/v1/platform/admins/route";
import { recordSignIn } from "@/lib/auth/persons";
import { loadActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { call } from "../support/api";
import { errorWith } from "../support/errors";

const CITIZEN = "11111111-1";
const MUN_STAFF = "16543210-K";
const MUN_ADMIN = "15234567-4";
const SRCEI_ADMIN = "12345678-5";
const PLATFORM = "10987654-2";
const MUN = "MUN-SANTIAGO";

/** RUNs no seeded person has: 2000000n with its check digit. */
let next = 20_000_100;
const created: string[] = [];
function newRun(): string {
  const n = next++;
  const run = `${n}-${computeRunCheckDigit(n)}`;
  created.push(run);
  return run;
}
/** The same number with a wrong check digit. */
function badRun(): string {
  const n = next++;
  const dv = computeRunCheckDigit(n);
  return `${n}-${dv === "1" ? "2" : "1"}`;
}

const db = getDb();

afterAll(async () => {
  // Leave the seeded roles as they were for the files that run after this one.
  await db.person.deleteMany({ where: { run: { in: created } } });
  await db.person.updateMany({ where: { run: { not: PLATFORM } }, data: { isPlatformAdmin: false } });
});

const add = (code: string, body: unknown, as?: string) => call(members.POST, `/api/v1/institutions/${code}/members`, { method: "POST", params: { code }, body, as });
const patch = (code: string, run: string, body: unknown, as?: string) =>
  call(member.PATCH, `/api/v1/institutions/${code}/members/${run}`, { method: "PATCH", params: { code, run }, body, as });
const remove = (code: string, run: string, as?: string) => call(member.DELETE, `/api/v1/institutions/${code}/members/${run}`, { method: "DELETE", params: { code, run }, as });
const list = (code: string, as?: string) => call(members.GET, `/api/v1/institutions/${code}/members`, { params: { code }, as });
const setHead = (code: string, body: unknown, as?: string) => call(head.PUT, `/api/v1/institutions/${code}/head-of-service`, { method: "PUT", params: { code }, body, as });

const audits = (targetId: string, action: string) => db.auditEvent.findMany({ where: { targetId, action }, orderBy: { id: "asc" } });
const mails = (personRun: string, kind?: string) => db.mailMessage.findMany({ where: { personRun, ...(kind ? { kind } : {}) }, orderBy: { createdAt: "asc" } });

describe("the people of an institution: who may do what", () => {
  it("lists: its members and the platform team; nobody else", async () => {
    expect((await list(MUN)).status).toBe(401);
    expect((await list(MUN, CITIZEN)).status).toBe(403);
    expect((await list(MUN, SRCEI_ADMIN)).status).toBe(403);
    for (const as of [MUN_STAFF, MUN_ADMIN, PLATFORM]) {
      const r = await list(MUN, as);
      expect(r.status, as).toBe(200);
      expect(r.json.data).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ run: MUN_ADMIN, role: "INSTITUTION_ADMIN", headOfService: true, signedIn: expect.any(Boolean) }),
          expect.objectContaining({ run: MUN_STAFF, role: "INSTITUTION_STAFF", headOfService: false }),
        ]),
      );
    }
    expect((await list("NO-EXISTE", PLATFORM)).status).toBe(404);
  });

  it("adds: the institution's admins and the platform team; 422 on a wrong check digit or a malformed address; 409 when already a member", async () => {
    const body = () => ({ run: newRun(), role: "INSTITUTION_STAFF", email: "persona@munistgo.cl" });
    expect((await add(MUN, body())).status).toBe(401);
    for (const as of [CITIZEN, MUN_STAFF, SRCEI_ADMIN]) {
      const r = await add(MUN, body(), as);
      expect(r.status, as).toBe(403);
      expect(r.json).toMatchObject(errorWith("forbidden"));
    }
    const byAdmin = await add(MUN, body(), MUN_ADMIN);
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.json).toMatchObject({ role: "INSTITUTION_STAFF", signedIn: false, givenNames: "", email: "persona@munistgo.cl", emailConfirmed: false, headOfService: false });
    expect((await add(MUN, body(), PLATFORM)).status).toBe(201);

    const wrong = await add(MUN, { ...body(), run: badRun() }, MUN_ADMIN);
    expect(wrong.status).toBe(422);
    expect(wrong.json.error.issues).toEqual([expect.objectContaining({ path: "run", message: expect.stringContaining("dígito verificador") })]);
    const malformed = await add(MUN, { ...body(), email: "persona@@munistgo" }, MUN_ADMIN);
    expect(malformed.status).toBe(422);
    expect(malformed.json.error.issues).toEqual([expect.objectContaining({ path: "email" })]);

    const again = await add(MUN, { run: MUN_STAFF, role: "INSTITUTION_ADMIN", email: "jose@munistgo.cl" }, MUN_ADMIN);
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject(errorWith("member_exists"));
    // A RUN typed with dots and a lower-case k is the same person.
    const dotted = await add(MUN, { run: "16.543.210-k", role: "INSTITUTION_ADMIN", email: "jose@munistgo.cl" }, PLATFORM);
    expect(dotted.status).toBe(409);
  });

  it("adding writes the audit event and mails the confirmation link to the institutional address (and the news to another confirmed one)", async () => {
    const run = newRun();
    const r = await add(MUN, { run, role: "INSTITUTION_ADMIN", email: "nueva@munistgo.cl" }, MUN_ADMIN);
    expect(r.status).toBe(201);
    const [audit] = await audits(`${MUN}/${run}`, "membership.added");
    expect(audit).toMatchObject({ actorRun: MUN_ADMIN, data: { role: "INSTITUTION_ADMIN", email: "nueva@munistgo.cl" } });
    const sent = await mails(run);
    expect(sent).toEqual([expect.objectContaining({ kind: "CORREO_CONFIRMAR", toAddress: "nueva@munistgo.cl", status: "PENDIENTE" })]);
    expect(sent[0]!.text).toContain("administrador/a de Municipalidad de Santiago");
    const membership = await db.membership.findFirstOrThrow({ where: { personRun: run, institutionCode: MUN } });
    expect(membership).toMatchObject({ addedByRun: MUN_ADMIN, emailConfirmedAt: null });
    // Patricia González stays the only admin (the last-admin test counts on it).
    expect((await remove(MUN, run, MUN_ADMIN)).status).toBe(200);

    // Someone who already has a confirmed address also hears of it there.
    const known = newRun();
    await db.person.create({ data: { run: known, givenNames: "Rosa", familyNames: "Vera", email: "rosa@correo.cl", emailConfirmedAt: new Date(), lastSignInAt: new Date() } });
    expect((await add(MUN, { run: known, role: "INSTITUTION_STAFF", email: "rosa@munistgo.cl" }, MUN_ADMIN)).status).toBe(201);
    const toKnown = await mails(known);
    expect(toKnown.map((m) => [m.kind, m.toAddress])).toEqual(
      expect.arrayContaining([
        ["CORREO_CONFIRMAR", "rosa@munistgo.cl"],
        ["ROL_AGREGADO", "rosa@correo.cl"],
      ]),
    );
  });

  it("a person added before their first sign-in has the role when they first sign in with ClaveÚnica", async () => {
    const run = newRun();
    expect((await add(MUN, { run, role: "INSTITUTION_STAFF", email: "pronto@munistgo.cl" }, MUN_ADMIN)).status).toBe(201);
    expect(await db.person.findUniqueOrThrow({ where: { run } })).toMatchObject({ givenNames: "", lastSignInAt: null });
    await recordSignIn({ run, givenNames: "Pedro", familyNames: "Lagos" });
    const actor = await loadActor(run);
    expect(actor?.memberships).toEqual([expect.objectContaining({ institutionCode: MUN, role: "INSTITUTION_STAFF", headOfService: false })]);
    const listed = (await list(MUN, MUN_ADMIN)).json.data.find((m: { run: string }) => m.run === run);
    expect(listed).toMatchObject({ givenNames: "Pedro", familyNames: "Lagos", signedIn: true });
  });

  it("changes the role or the address: admins of the institution and the platform team; audited and mailed", async () => {
    const run = newRun();
    await add(MUN, { run, role: "INSTITUTION_STAFF", email: "cambia@munistgo.cl" }, MUN_ADMIN);
    expect((await patch(MUN, run, { role: "INSTITUTION_ADMIN" })).status).toBe(401);
    for (const as of [CITIZEN, MUN_STAFF, SRCEI_ADMIN]) expect((await patch(MUN, run, { role: "INSTITUTION_ADMIN" }, as)).status, as).toBe(403);
    const up = await patch(MUN, run, { role: "INSTITUTION_ADMIN" }, MUN_ADMIN);
    expect(up.status).toBe(200);
    expect(up.json.role).toBe("INSTITUTION_ADMIN");
    const down = await patch(MUN, run, { role: "INSTITUTION_STAFF", email: "otra@munistgo.cl" }, PLATFORM);
    expect(down.status).toBe(200);
    expect(down.json).toMatchObject({ role: "INSTITUTION_STAFF", email: "otra@munistgo.cl", emailConfirmed: false });
    expect(await audits(`${MUN}/${run}`, "membership.updated")).toHaveLength(2);
    const sent = await mails(run);
    expect(sent.filter((m) => m.kind === "ROL_CAMBIADO")).toHaveLength(2);
    expect(sent.filter((m) => m.kind === "CORREO_CONFIRMAR").map((m) => m.toAddress)).toEqual(["cambia@munistgo.cl", "otra@munistgo.cl"]);

    expect((await patch(MUN, run, { email: "mal" }, MUN_ADMIN)).status).toBe(422);
    expect((await patch(MUN, run, {}, MUN_ADMIN)).status).toBe(422);
    expect((await patch(MUN, newRun(), { role: "INSTITUTION_ADMIN" }, MUN_ADMIN)).status).toBe(404);
    // A RUN in the path with a wrong check digit names nobody.
    expect((await patch(MUN, badRun(), { role: "INSTITUTION_ADMIN" }, MUN_ADMIN)).status).toBe(404);
  });

  it("removes: admins of the institution and the platform team; audited and mailed", async () => {
    const [a, b] = [newRun(), newRun()];
    await add(MUN, { run: a, role: "INSTITUTION_STAFF", email: "a@munistgo.cl" }, MUN_ADMIN);
    await add(MUN, { run: b, role: "INSTITUTION_STAFF", email: "b@munistgo.cl" }, MUN_ADMIN);
    expect((await remove(MUN, a)).status).toBe(401);
    for (const as of [CITIZEN, MUN_STAFF, SRCEI_ADMIN]) expect((await remove(MUN, a, as)).status, as).toBe(403);
    expect((await remove(MUN, a, MUN_ADMIN)).status).toBe(200);
    expect((await remove(MUN, b, PLATFORM)).status).toBe(200);
    expect((await remove(MUN, a, MUN_ADMIN)).status).toBe(404);
    expect(await db.membership.count({ where: { personRun: { in: [a, b] } } })).toBe(0);
    for (const run of [a, b]) {
      expect(await audits(`${MUN}/${run}`, "membership.removed")).toHaveLength(1);
      expect(await mails(run, "ROL_RETIRADO")).toHaveLength(1);
    }
  });

  it("never leaves an institution without an admin: removing or demoting the last one answers 409", async () => {
    // Patricia González is MUN-SANTIAGO's only admin (and its head of service).
    const demote = await patch(MUN, MUN_ADMIN, { role: "INSTITUTION_STAFF" }, MUN_ADMIN);
    expect(demote.status).toBe(409);
    expect(demote.json).toMatchObject(errorWith("last_admin"));
    expect((await patch(MUN, MUN_ADMIN, { role: "INSTITUTION_STAFF" }, PLATFORM)).json).toMatchObject(errorWith("last_admin"));
    // The platform team may remove the head of service, but not the last admin.
    expect((await remove(MUN, MUN_ADMIN, PLATFORM)).json).toMatchObject(errorWith("last_admin"));

    // Two admins demoting each other at once: exactly one succeeds.
    const code = "MUN-BUIN";
    const [x, y] = [newRun(), newRun()];
    await add(code, { run: x, role: "INSTITUTION_ADMIN", email: "x@buin.cl" }, PLATFORM);
    await add(code, { run: y, role: "INSTITUTION_ADMIN", email: "y@buin.cl" }, PLATFORM);
    const both = await Promise.all([patch(code, x, { role: "INSTITUTION_STAFF" }, PLATFORM), patch(code, y, { role: "INSTITUTION_STAFF" }, PLATFORM)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await db.membership.count({ where: { institutionCode: code, role: "INSTITUTION_ADMIN" } })).toBe(1);
    const removals = await Promise.all([remove(code, x, PLATFORM), remove(code, y, PLATFORM)]);
    expect(removals.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await db.membership.count({ where: { institutionCode: code, role: "INSTITUTION_ADMIN" } })).toBe(1);
  });
});

describe("the head of service", () => {
  const code = "MUN-CALAMA";
  const reason = "Oficio N° 123 de la institución, del 2 de noviembre.";

  it("only the platform team names it, with a reason; the flag moves, audited, both persons and the institution told", async () => {
    const [first, second] = [newRun(), newRun()];
    await add(code, { run: first, role: "INSTITUTION_ADMIN", email: "jefa@calama.cl" }, PLATFORM);
    await add(code, { run: second, role: "INSTITUTION_STAFF", email: "jefe@calama.cl" }, PLATFORM);

    expect((await setHead(code, { run: first, reason })).status).toBe(401);
    for (const as of [CITIZEN, MUN_STAFF, MUN_ADMIN, SRCEI_ADMIN, first]) {
      const r = await setHead(code, { run: first, reason }, as);
      expect(r.status, as).toBe(403);
    }
    const short = await setHead(code, { run: first, reason: "Pedido" }, PLATFORM);
    expect(short.status).toBe(422);
    expect(short.json.error.issues[0].path).toBe("reason");
    expect((await setHead(code, { run: first }, PLATFORM)).status).toBe(422);
    const outsider = await setHead(code, { run: MUN_STAFF, reason }, PLATFORM);
    expect(outsider.status).toBe(409);
    expect(outsider.json).toMatchObject(errorWith("not_a_member"));
    expect((await setHead(code, { run: badRun(), reason }, PLATFORM)).status).toBe(422);

    expect((await setHead(code, { run: first, reason }, PLATFORM)).json).toEqual({ run: first, previousRun: null });
    const moved = await setHead(code, { run: second, reason }, PLATFORM);
    expect(moved.status).toBe(200);
    expect(moved.json).toEqual({ run: second, previousRun: first });
    const heads = await db.membership.findMany({ where: { institutionCode: code, headOfService: true }, select: { personRun: true } });
    expect(heads).toEqual([{ personRun: second }]);

    const events = await audits(code, "institution.head_of_service_set");
    expect(events.map((e) => e.data)).toEqual([
      { from: null, to: first, reason },
      { from: first, to: second, reason },
    ]);
    expect(events.every((e) => e.actorRun === PLATFORM)).toBe(true);
    expect(await mails(second, "JEFATURA_DESIGNADA")).toHaveLength(1);
    expect((await mails(first)).map((m) => m.kind)).toEqual(expect.arrayContaining(["JEFATURA_DESIGNADA", "ROL_CAMBIADO"]));
    const notes = await db.notification.findMany({ where: { institutionCode: code, kind: "INTEGRANTES_CAMBIADOS" } });
    expect(notes).toHaveLength(2);

    // The institution's admin cannot remove the head of service; the platform team can.
    const byAdmin = await remove(code, second, first);
    expect(byAdmin.status).toBe(409);
    expect(byAdmin.json).toMatchObject(errorWith("head_of_service_member"));
    expect((await remove(code, second, PLATFORM)).status).toBe(200);
    expect(await db.membership.count({ where: { institutionCode: code, headOfService: true } })).toBe(0);

    // None: null, still with a reason.
    expect((await setHead(code, { run: first, reason }, PLATFORM)).status).toBe(200);
    expect((await setHead(code, { run: null, reason }, PLATFORM)).json).toEqual({ run: null, previousRun: first });
  });
});

describe("the platform team", () => {
  const listAdmins = (as?: string) => call(admins.GET, "/api/v1/platform/admins", { as });
  const name = (body: unknown, as?: string) => call(admins.POST, "/api/v1/platform/admins", { method: "POST", body, as });
  const unname = (run: string, as?: string) => call(admin.DELETE, `/api/v1/platform/admins/${run}`, { method: "DELETE", params: { run }, as });

  it("only the platform team lists, names and removes its members; never the last one", async () => {
    expect((await listAdmins()).status).toBe(401);
    for (const as of [CITIZEN, MUN_STAFF, MUN_ADMIN]) {
      expect((await listAdmins(as)).status, as).toBe(403);
      expect((await name({ run: newRun() }, as)).status, as).toBe(403);
      expect((await unname(PLATFORM, as)).status, as).toBe(403);
    }
    expect((await name({ run: newRun() })).status).toBe(401);
    expect((await unname(PLATFORM)).status).toBe(401);

    const alone = await unname(PLATFORM, PLATFORM);
    expect(alone.status).toBe(409);
    expect(alone.json).toMatchObject(errorWith("last_admin"));

    const wrong = await name({ run: badRun() }, PLATFORM);
    expect(wrong.status).toBe(422);
    expect(wrong.json.error.issues[0].path).toBe("run");

    const run = newRun();
    const named = await name({ run, reason: "Se incorpora al equipo de interoperabilidad." }, PLATFORM);
    expect(named.status).toBe(201);
    expect(named.json).toEqual({ run, givenNames: "", familyNames: "", signedIn: false });
    expect((await name({ run }, PLATFORM)).json).toMatchObject(errorWith("member_exists"));
    expect((await listAdmins(PLATFORM)).json.data.map((a: { run: string }) => a.run).sort()).toEqual([PLATFORM, run].sort());
    expect(await audits(run, "platform.admin_added")).toEqual([expect.objectContaining({ actorRun: PLATFORM, data: { reason: "Se incorpora al equipo de interoperabilidad." } })]);
    expect(await mails(run, "ADMIN_PLATAFORMA")).toHaveLength(1);

    // The new member signs in and is of the team at once.
    await recordSignIn({ run, givenNames: "Luis", familyNames: "Mora" });
    expect((await loadActor(run))?.isPlatformAdmin).toBe(true);

    expect((await unname(run, PLATFORM)).status).toBe(200);
    expect(await audits(run, "platform.admin_removed")).toHaveLength(1);
    expect(await mails(run, "ADMIN_PLATAFORMA")).toHaveLength(2);
    expect((await unname(run, PLATFORM)).status).toBe(404);
    expect((await unname(PLATFORM, PLATFORM)).status).toBe(409);
  });
});
