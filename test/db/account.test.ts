import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as accountRoute from "@/app/api/v1/account/route";
import * as emailRoute from "@/app/api/v1/account/email/route";
import * as mailPrefsRoute from "@/app/api/v1/account/mail-preferences/route";
import * as mailsRoute from "@/app/api/v1/account/mails/route";
import * as membershipRoute from "@/app/api/v1/account/memberships/[institution]/route";
import * as confirmationsRoute from "@/app/api/v1/mail/confirmations/route";
import * as unsubscribeRoute from "@/app/api/v1/mail/unsubscribe/route";
import * as oneClickRoute from "@/app/correo/baja/un-clic/route";
import { SENT_MAILS_PAGE } from "@/lib/account/service";
import { recordSignIn } from "@/lib/auth/persons";
import { getDb } from "@/lib/db";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { unsubscribeToken } from "@/lib/mail/unsubscribe";
import { notify } from "@/lib/notifications/service";
import { call } from "../support/api";
import { errorWith } from "../support/errors";

// People of this file only (valid RUNs no other test uses), members of an institution no other
// test notifies, so that what they receive is what this file caused.
const ANA = "21000001-1";
const BETO = "21000002-K";
const CARLA = "21000003-8";
const NEW_SIGN_IN = "21000004-6";
const NO_EMAIL_SIGN_IN = "21000005-4";
const PEOPLE = [ANA, BETO, CARLA, NEW_SIGN_IN, NO_EMAIL_SIGN_IN];
const INST = "MUN-MARIQUINA";
const PLATFORM_ADMIN = "10987654-2";
const CITIZEN = "11111111-1";

const db = getDb();
const TOKEN_IN_TEXT = /\/correo\/confirmar\?t=([A-Za-z0-9_-]{43})/;

async function reset() {
  await db.person.deleteMany({ where: { run: { in: PEOPLE } } });
  const now = new Date();
  await db.person.create({ data: { run: ANA, givenNames: "Ana", familyNames: "Prueba", email: "ana@personal.example.com", emailSource: "CLAVEUNICA", emailConfirmedAt: now } });
  await db.person.create({ data: { run: BETO, givenNames: "Beto", familyNames: "Prueba", email: "beto@personal.example.com", emailSource: "CLAVEUNICA", emailConfirmedAt: now } });
  await db.person.create({ data: { run: CARLA, givenNames: "Carla", familyNames: "Prueba" } });
  await db.membership.create({ data: { personRun: ANA, institutionCode: INST, role: "INSTITUTION_ADMIN", email: "ana@mariquina.example.cl", emailConfirmedAt: now } });
  await db.membership.create({ data: { personRun: BETO, institutionCode: INST, role: "INSTITUTION_STAFF", email: "beto@mariquina.example.cl", emailConfirmedAt: now } });
}

beforeAll(reset);
afterAll(async () => {
  await db.person.deleteMany({ where: { run: { in: PEOPLE } } });
  await db.notification.deleteMany({ where: { institutionCode: INST } });
});

/** The confirmation token of the latest confirmation mail to `run`. */
async function lastConfirmationToken(run: string): Promise<string> {
  const m = await db.mailMessage.findFirstOrThrow({ where: { personRun: run, kind: "CORREO_CONFIRMAR" }, orderBy: { createdAt: "desc" } });
  const token = TOKEN_IN_TEXT.exec(m.text)?.[1];
  if (!token) throw new Error("no token in the confirmation mail");
  return token;
}

const confirm = (token: string) => call(confirmationsRoute.POST, "/api/v1/mail/confirmations", { method: "POST", body: { token } });

async function notifyInst(kind: NotificationKind, title: string) {
  await db.$transaction((tx) => notify(tx, { institution: INST, kind, title, body: `${title}: cuerpo.` }));
}
const lastMailOf = (run: string, subject: string) => db.mailMessage.findFirstOrThrow({ where: { personRun: run, subject }, orderBy: { createdAt: "desc" } });

describe("who may call the account operations", () => {
  it("anonymous: 401 on every account operation; the public links answer without a session", async () => {
    expect((await call(accountRoute.GET, "/api/v1/account")).status).toBe(401);
    expect((await call(emailRoute.PUT, "/api/v1/account/email", { method: "PUT", body: { email: "x@example.com" } })).status).toBe(401);
    expect((await call(membershipRoute.PATCH, `/api/v1/account/memberships/${INST}`, { method: "PATCH", params: { institution: INST }, body: { mailMode: "DIGEST" } })).status).toBe(401);
    expect((await call(mailPrefsRoute.PATCH, "/api/v1/account/mail-preferences", { method: "PATCH", body: { subscribed: false } })).status).toBe(401);
    expect((await call(mailsRoute.GET, "/api/v1/account/mails")).status).toBe(401);
    const unknown = await confirm("A".repeat(43));
    expect(unknown.status).toBe(410);
    expect(unknown.json).toMatchObject(errorWith("invalid_link"));
    const badUnsub = await call(unsubscribeRoute.POST, "/api/v1/mail/unsubscribe", { method: "POST", body: { token: "nada.de.esto" } });
    expect(badUnsub.status).toBe(410);
    expect(badUnsub.json).toMatchObject(errorWith("invalid_link"));
  });

  it("each role sees its own account: citizen without memberships, staff with theirs, the platform team with its inbox mode", async () => {
    const citizen = await call(accountRoute.GET, "/api/v1/account", { as: CITIZEN });
    expect(citizen.status).toBe(200);
    expect(citizen.json).toMatchObject({ run: CITIZEN, memberships: [], platformMailMode: null, subscribed: true });
    const ana = await call(accountRoute.GET, "/api/v1/account", { as: ANA });
    expect(ana.json).toMatchObject({
      run: ANA,
      email: { address: "ana@personal.example.com", source: "CLAVEUNICA", confirmed: true },
      pendingEmail: null,
      memberships: [{ institution: INST, email: "ana@mariquina.example.cl", emailConfirmed: true, mailMode: "IMMEDIATE", role: "INSTITUTION_ADMIN" }],
      platformMailMode: null,
    });
    const admin = await call(accountRoute.GET, "/api/v1/account", { as: PLATFORM_ADMIN });
    expect(admin.json.platformMailMode).toBe("IMMEDIATE");
    // Only the platform team chooses the platform inbox's mode.
    const refused = await call(mailPrefsRoute.PATCH, "/api/v1/account/mail-preferences", { method: "PATCH", as: CITIZEN, body: { platformMailMode: "DIGEST" } });
    expect(refused.status).toBe(403);
    const ok = await call(mailPrefsRoute.PATCH, "/api/v1/account/mail-preferences", { method: "PATCH", as: PLATFORM_ADMIN, body: { platformMailMode: "DIGEST" } });
    expect(ok.json.platformMailMode).toBe("DIGEST");
    await call(mailPrefsRoute.PATCH, "/api/v1/account/mail-preferences", { method: "PATCH", as: PLATFORM_ADMIN, body: { platformMailMode: "IMMEDIATE" } });
  });

  it("a membership the person does not have is 404, never another person's", async () => {
    const r = await call(membershipRoute.PATCH, "/api/v1/account/memberships/SRCEI", { method: "PATCH", as: ANA, params: { institution: "SRCEI" }, body: { mailMode: "DIGEST" } });
    expect(r.status).toBe(404);
    expect(r.json).toMatchObject(errorWith("not_found"));
  });
});

describe("addresses", () => {
  it("a malformed address answers 422, own or institutional", async () => {
    for (const email of ["no-es-correo", "ana@", "a b@example.com", "x".repeat(250) + "@example.com"]) {
      const own = await call(emailRoute.PUT, "/api/v1/account/email", { method: "PUT", as: ANA, body: { email } });
      expect(own.status, email).toBe(422);
      expect(own.json).toMatchObject(errorWith("validation_failed"));
      expect(own.json.error.issues[0].path).toBe("email");
      const inst = await call(membershipRoute.PATCH, `/api/v1/account/memberships/${INST}`, { method: "PATCH", as: ANA, params: { institution: INST }, body: { email } });
      expect(inst.status, email).toBe(422);
    }
  });

  it("a new own address waits for its link; the old one keeps receiving until then; the link works once", async () => {
    const put = await call(emailRoute.PUT, "/api/v1/account/email", { method: "PUT", as: ANA, body: { email: "ana.nueva@personal.example.com" } });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ email: { address: "ana@personal.example.com", confirmed: true }, pendingEmail: { address: "ana.nueva@personal.example.com" } });
    const confirmation = await db.mailMessage.findFirstOrThrow({ where: { personRun: ANA, kind: "CORREO_CONFIRMAR" }, orderBy: { createdAt: "desc" } });
    expect(confirmation).toMatchObject({ toAddress: "ana.nueva@personal.example.com", status: "PENDIENTE" });

    // Personal mail still goes to the confirmed address.
    const person = await db.person.findUniqueOrThrow({ where: { run: ANA } });
    expect(person).toMatchObject({ email: "ana@personal.example.com", emailSource: "CLAVEUNICA" });

    const token = await lastConfirmationToken(ANA);
    // A GET on the page never consumes it: only this POST does.
    const ok = await confirm(token);
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ address: "ana.nueva@personal.example.com", kind: "own", institutionName: null });
    const after = await db.person.findUniqueOrThrow({ where: { run: ANA } });
    expect(after).toMatchObject({ email: "ana.nueva@personal.example.com", emailSource: "PERSONA" });
    expect(after.emailConfirmedAt).not.toBeNull();

    const again = await confirm(token);
    expect(again.status).toBe(410);
    expect(again.json).toMatchObject(errorWith("invalid_link"));
    expect((await call(accountRoute.GET, "/api/v1/account", { as: ANA })).json).toMatchObject({ email: { address: "ana.nueva@personal.example.com", source: "PERSONA", confirmed: true }, pendingEmail: null });
  });

  it("an expired link is refused and changes nothing", async () => {
    await call(emailRoute.PUT, "/api/v1/account/email", { method: "PUT", as: BETO, body: { email: "beto.tarde@personal.example.com" } });
    const token = await lastConfirmationToken(BETO);
    await db.emailConfirmation.updateMany({ where: { personRun: BETO, usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const r = await confirm(token);
    expect(r.status).toBe(410);
    expect((await db.person.findUniqueOrThrow({ where: { run: BETO } })).email).toBe("beto@personal.example.com");
    expect((await call(accountRoute.GET, "/api/v1/account", { as: BETO })).json.pendingEmail).toBeNull();
  });

  it("two concurrent uses of one link: exactly one succeeds", async () => {
    await call(emailRoute.PUT, "/api/v1/account/email", { method: "PUT", as: BETO, body: { email: "beto.doble@personal.example.com" } });
    const token = await lastConfirmationToken(BETO);
    const results = await Promise.all([confirm(token), confirm(token), confirm(token)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 410, 410]);
    expect((await db.person.findUniqueOrThrow({ where: { run: BETO } })).email).toBe("beto.doble@personal.example.com");
  });

  it("a newer link replaces the earlier one; removing the own address keeps it removed", async () => {
    await call(emailRoute.PUT, "/api/v1/account/email", { method: "PUT", as: CARLA, body: { email: "carla.uno@personal.example.com" } });
    const first = await lastConfirmationToken(CARLA);
    await call(emailRoute.PUT, "/api/v1/account/email", { method: "PUT", as: CARLA, body: { email: "carla.dos@personal.example.com" } });
    const second = await lastConfirmationToken(CARLA);
    expect((await confirm(first)).status).toBe(410);
    expect((await confirm(second)).json).toMatchObject({ address: "carla.dos@personal.example.com" });
    const removed = await call(emailRoute.PUT, "/api/v1/account/email", { method: "PUT", as: CARLA, body: { email: null } });
    expect(removed.status).toBe(200);
    expect(removed.json).toMatchObject({ email: null, pendingEmail: null });
  });

  it("a new institutional address is confirmed by its link while it is still the one on record", async () => {
    const r = await call(membershipRoute.PATCH, `/api/v1/account/memberships/${INST}`, { method: "PATCH", as: BETO, params: { institution: INST }, body: { email: "beto.nuevo@mariquina.example.cl" } });
    expect(r.status).toBe(200);
    expect(r.json.memberships[0]).toMatchObject({ email: "beto.nuevo@mariquina.example.cl", emailConfirmed: false });
    const stale = await lastConfirmationToken(BETO);
    await call(membershipRoute.PATCH, `/api/v1/account/memberships/${INST}`, { method: "PATCH", as: BETO, params: { institution: INST }, body: { email: "beto.final@mariquina.example.cl" } });
    expect((await confirm(stale)).status).toBe(410);
    const ok = await confirm(await lastConfirmationToken(BETO));
    expect(ok.json).toMatchObject({ address: "beto.final@mariquina.example.cl", kind: "institutional", institutionName: expect.stringContaining("Mariquina") });
    const m = await db.membership.findFirstOrThrow({ where: { personRun: BETO, institutionCode: INST } });
    expect(m.email).toBe("beto.final@mariquina.example.cl");
    expect(m.emailConfirmedAt).not.toBeNull();
  });
});

describe("recordSignIn and the address ClaveÚnica gives", () => {
  it("stores the IdP's address as the person's own, confirmed", async () => {
    await recordSignIn({ run: NEW_SIGN_IN, givenNames: "Nuevo", familyNames: "Ingreso", email: "nuevo@claveunica.example.com" });
    const p = await db.person.findUniqueOrThrow({ where: { run: NEW_SIGN_IN } });
    expect(p).toMatchObject({ email: "nuevo@claveunica.example.com", emailSource: "CLAVEUNICA" });
    expect(p.emailConfirmedAt).not.toBeNull();
  });

  it("keeps the address the person typed (PERSONA), and a removal they chose", async () => {
    await recordSignIn({ run: ANA, givenNames: "Ana", familyNames: "Prueba", email: "ana@claveunica.example.com" });
    expect(await db.person.findUniqueOrThrow({ where: { run: ANA } })).toMatchObject({ email: "ana.nueva@personal.example.com", emailSource: "PERSONA" });
    await recordSignIn({ run: CARLA, givenNames: "Carla", familyNames: "Prueba", email: "carla@claveunica.example.com" });
    expect(await db.person.findUniqueOrThrow({ where: { run: CARLA } })).toMatchObject({ email: null, emailSource: "PERSONA" });
  });

  it("a person without an address in ClaveÚnica keeps none", async () => {
    await recordSignIn({ run: NO_EMAIL_SIGN_IN, givenNames: "Sin", familyNames: "Correo", email: null });
    const p = await db.person.findUniqueOrThrow({ where: { run: NO_EMAIL_SIGN_IN } });
    expect(p).toMatchObject({ email: null, emailSource: null, emailConfirmedAt: null });
    const account = await call(accountRoute.GET, "/api/v1/account", { as: NO_EMAIL_SIGN_IN });
    expect(account.json).toMatchObject({ email: null, pendingEmail: null, memberships: [] });
  });
});

describe("how notifications reach the person", () => {
  it("the mode per institution decides: daily digest holds the mail, immediate sends it; legal deadlines never wait", async () => {
    const digest = await call(membershipRoute.PATCH, `/api/v1/account/memberships/${INST}`, { method: "PATCH", as: ANA, params: { institution: INST }, body: { mailMode: "DIGEST" } });
    expect(digest.status).toBe(200);
    expect(digest.json.memberships[0].mailMode).toBe("DIGEST");
    await notifyInst("SOLICITUD_NUEVA", "Aviso de modo");
    expect((await lastMailOf(ANA, "Aviso de modo")).status).toBe("EN_RESUMEN");
    expect((await lastMailOf(BETO, "Aviso de modo")).status).toBe("PENDIENTE");
    await notifyInst("PLAZO_PROXIMO", "Plazo de modo");
    expect((await lastMailOf(ANA, "Plazo de modo")).status).toBe("PENDIENTE");
    await call(membershipRoute.PATCH, `/api/v1/account/memberships/${INST}`, { method: "PATCH", as: ANA, params: { institution: INST }, body: { mailMode: "IMMEDIATE" } });
    await notifyInst("SOLICITUD_NUEVA", "Aviso de vuelta");
    expect((await lastMailOf(ANA, "Aviso de vuelta")).status).toBe("PENDIENTE");
  });

  it("the unsubscribe link stops everything but legal deadlines, idempotently; /cuenta reactivates", async () => {
    const token = unsubscribeToken(BETO);
    const r1 = await call(unsubscribeRoute.POST, "/api/v1/mail/unsubscribe", { method: "POST", body: { token } });
    expect(r1.status).toBe(200);
    expect(r1.json).toEqual({ ok: true });
    const first = (await db.person.findUniqueOrThrow({ where: { run: BETO } })).mailOptOutAt;
    expect(first).not.toBeNull();
    expect((await call(unsubscribeRoute.POST, "/api/v1/mail/unsubscribe", { method: "POST", body: { token } })).status).toBe(200);
    expect((await db.person.findUniqueOrThrow({ where: { run: BETO } })).mailOptOutAt).toEqual(first);
    // Tampered: another person's RUN under Beto's MAC.
    const forged = `${Buffer.from(ANA).toString("base64url")}.${token.split(".")[1]}`;
    expect((await call(unsubscribeRoute.POST, "/api/v1/mail/unsubscribe", { method: "POST", body: { token: forged } })).status).toBe(410);

    await notifyInst("SOLICITUD_NUEVA", "Aviso sin suscripción");
    const dropped = await lastMailOf(BETO, "Aviso sin suscripción");
    expect(dropped.status).toBe("DESCARTADO");
    expect(dropped.lastError).toMatch(/no recibir correos/);
    await notifyInst("PLAZO_PROXIMO", "Plazo sin suscripción");
    expect((await lastMailOf(BETO, "Plazo sin suscripción")).status).toBe("PENDIENTE");
    // A confirmation link the person asked for still goes, and does not pass for a legal deadline.
    await call(emailRoute.PUT, "/api/v1/account/email", { method: "PUT", as: BETO, body: { email: "beto.sin.suscripcion@example.com" } });
    const confirmation = await lastMailOf(BETO, "Confirme su dirección de correo");
    expect([confirmation.status, confirmation.legal, confirmation.toAddress]).toEqual(["PENDIENTE", false, "beto.sin.suscripcion@example.com"]);
    expect(confirmation.text).not.toContain("plazo legal");
    await db.mailMessage.delete({ where: { id: confirmation.id } }); // the next test lists Beto's mails
    await db.emailConfirmation.deleteMany({ where: { personRun: BETO, address: "beto.sin.suscripcion@example.com" } });
    expect((await call(accountRoute.GET, "/api/v1/account", { as: BETO })).json.subscribed).toBe(false);

    const back = await call(mailPrefsRoute.PATCH, "/api/v1/account/mail-preferences", { method: "PATCH", as: BETO, body: { subscribed: true } });
    expect(back.json.subscribed).toBe(true);
    await notifyInst("SOLICITUD_NUEVA", "Aviso resuscrito");
    expect((await lastMailOf(BETO, "Aviso resuscrito")).status).toBe("PENDIENTE");
  });
});

describe("one-click unsubscribe (RFC 8058), the List-Unsubscribe address", () => {
  const form = { "content-type": "application/x-www-form-urlencoded" };
  it("a mail program's POST of List-Unsubscribe=One-Click unsubscribes; anything else changes nothing", async () => {
    await db.person.update({ where: { run: CARLA }, data: { mailOptOutAt: null } });
    const url = `/correo/baja/un-clic?t=${unsubscribeToken(CARLA)}`;
    const optedOut = async () => (await db.person.findUniqueOrThrow({ where: { run: CARLA } })).mailOptOutAt;

    // A browser's GET only leads to the page (whose button acts): nothing changes.
    const get = await call(oneClickRoute.GET, url);
    expect(get.status).toBe(303);
    expect(get.headers.get("location")).toBe(`http://localhost:3999/correo/baja?t=${unsubscribeToken(CARLA)}`);
    // Not the RFC's body, not a form, too large, or a forged token: refused, nothing changes.
    expect((await call(oneClickRoute.POST, url, { method: "POST", headers: form, body: "List-Unsubscribe=Otra-Cosa" })).status).toBe(400);
    expect((await call(oneClickRoute.POST, url, { method: "POST", body: { "List-Unsubscribe": "One-Click" } })).status).toBe(415);
    expect((await call(oneClickRoute.POST, url, { method: "POST", headers: form, body: `List-Unsubscribe=One-Click&x=${"a".repeat(2000)}` })).status).toBe(413);
    const forged = `${Buffer.from(CARLA).toString("base64url")}.${unsubscribeToken(ANA).split(".")[1]}`;
    expect((await call(oneClickRoute.POST, `/correo/baja/un-clic?t=${forged}`, { method: "POST", headers: form, body: "List-Unsubscribe=One-Click" })).status).toBe(410);
    expect(await optedOut()).toBeNull();

    const done = await call(oneClickRoute.POST, url, { method: "POST", headers: form, body: "List-Unsubscribe=One-Click" });
    expect(done.status).toBe(200);
    expect(new TextDecoder().decode(done.bytes)).toContain("salvo los avisos de plazos legales");
    expect(await optedOut()).not.toBeNull();
    await db.person.update({ where: { run: CARLA }, data: { mailOptOutAt: null } });
  });
});

describe("what was sent to the person", () => {
  it("lists their mails newest first with their status in words, and never a token", async () => {
    const r = await call(mailsRoute.GET, "/api/v1/account/mails", { as: BETO });
    expect(r.status).toBe(200);
    const subjects = r.json.data.map((m: { subject: string }) => m.subject);
    expect(subjects.slice(0, 3)).toEqual(["Aviso resuscrito", "Plazo sin suscripción", "Aviso sin suscripción"]);
    const dropped = r.json.data.find((m: { subject: string }) => m.subject === "Aviso sin suscripción");
    expect(dropped).toMatchObject({ status: "DESCARTADO", statusText: expect.stringMatching(/^No enviado: /), toAddress: "beto.final@mariquina.example.cl" });
    expect(r.json.data.find((m: { subject: string }) => m.subject === "Aviso resuscrito")).toMatchObject({ statusText: "En cola", link: expect.stringContaining(`/institucion/${INST}/notificaciones`) });
    const confirmations = r.json.data.filter((m: { subject: string }) => m.subject === "Confirme su dirección de correo");
    expect(confirmations.length).toBeGreaterThan(0);
    for (const c of confirmations) expect(c).toMatchObject({ text: null, link: null });

    // No token of any kind anywhere in the answer: confirmation tokens, nor the unsubscribe link's.
    const raw = new TextDecoder().decode(r.bytes);
    const tokens = (await db.mailMessage.findMany({ where: { personRun: BETO, kind: "CORREO_CONFIRMAR" } })).map((m) => TOKEN_IN_TEXT.exec(m.text)?.[1]).filter(Boolean);
    expect(tokens.length).toBeGreaterThan(0);
    for (const t of tokens) expect(raw).not.toContain(t!);
    expect(raw).not.toContain(unsubscribeToken(BETO));
    expect(raw).not.toContain(unsubscribeToken(BETO).split(".")[1]);

    const ana = await call(mailsRoute.GET, "/api/v1/account/mails", { as: ANA });
    expect(ana.json.data.find((m: { subject: string }) => m.subject === "Aviso de modo")).toMatchObject({ status: "EN_RESUMEN", statusText: "En el próximo resumen diario" });
    // Only one's own.
    expect(ana.json.data.every((m: { toAddress: string | null }) => !m.toAddress?.startsWith("beto"))).toBe(true);
  });

  it("says a retry's number and the digest that carried a mail", async () => {
    const digest = await db.mailMessage.create({ data: { personRun: ANA, kind: "RESUMEN", toAddress: "ana@mariquina.example.cl", subject: "Resumen diario", text: "t", html: "<p>t</p>", status: "ENVIADO", sentAt: new Date("2026-11-20T12:00:00Z") } });
    await db.mailMessage.create({ data: { personRun: ANA, kind: "SOLICITUD_NUEVA", toAddress: "ana@mariquina.example.cl", subject: "Agrupado", text: "t", html: "<p>t</p>", status: "AGRUPADO", digestId: digest.id } });
    await db.mailMessage.create({ data: { personRun: ANA, kind: "SOLICITUD_NUEVA", toAddress: "ana@mariquina.example.cl", subject: "Reintentado", text: "t", html: "<p>t</p>", status: "PENDIENTE", attempts: 2, lastError: "SMTP caído" } });
    const r = await call(mailsRoute.GET, "/api/v1/account/mails", { as: ANA });
    const by = (subject: string) => r.json.data.find((m: { subject: string }) => m.subject === subject);
    expect(by("Agrupado").statusText).toBe("Incluido en el resumen del 20 de noviembre de 2026");
    expect(by("Reintentado").statusText).toBe("En cola, reintento 2");
  });

  it("pages with a cursor; a forged cursor is 422", async () => {
    const extra = Array.from({ length: SENT_MAILS_PAGE + 3 }, (_, i) => ({ personRun: CARLA, kind: "PRUEBA", toAddress: "carla.dos@personal.example.com", subject: `Correo ${i}`, text: "t", html: "<p>t</p>", status: "ENVIADO" as const, sentAt: new Date(), createdAt: new Date(Date.now() - 60_000 + i) }));
    await db.mailMessage.createMany({ data: extra });
    const p1 = await call(mailsRoute.GET, "/api/v1/account/mails", { as: CARLA });
    expect(p1.json.data).toHaveLength(SENT_MAILS_PAGE);
    expect(p1.json.nextCursor).toEqual(expect.any(String));
    const p2 = await call(mailsRoute.GET, `/api/v1/account/mails?cursor=${p1.json.nextCursor}`, { as: CARLA });
    const ids = new Set([...p1.json.data, ...p2.json.data].map((m: { id: string }) => m.id));
    const total = await db.mailMessage.count({ where: { personRun: CARLA } });
    expect(ids.size).toBe(Math.min(total, 2 * SENT_MAILS_PAGE));
    expect(p1.json.data.find((m: { subject: string }) => m.subject === "Correo 0")).toBeUndefined();
    expect(p1.json.data.find((m: { subject: string }) => m.subject === "Correo 22").statusText).toBe("Enviado");
    const bad = await call(mailsRoute.GET, "/api/v1/account/mails?cursor=basura", { as: CARLA });
    expect(bad.status).toBe(422);
  });
});
