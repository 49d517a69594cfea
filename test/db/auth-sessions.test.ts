import { decode } from "next-auth/jwt";
import { afterEach, describe, expect, it } from "vitest";
import { GET as listNotifications } from "@/app/api/v1/notifications/route";
import * as nextAuth from "@/app/api/auth/[...nextauth]/route";
import { POST as signOut } from "@/app/salir/route";
import { purgeRevokedSessions } from "@/lib/auth/revocation";
import { clock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { call, sessionToken } from "../support/api";
import { errorBody } from "../support/errors";

// Sign-out ends the session on the server: a copy of the cookie stops working at once.

const ADMIN = "12345678-5"; // Carolina Muñoz, SRCEI admin: may read SRCEI's notifications
const INBOX = "/api/v1/notifications?institution=SRCEI";

afterEach(() => clock.set(null));

const cookieFor = (token: string) => ({ cookie: `next-auth.session-token=${token}` });
const inbox = (token: string) => call(listNotifications, INBOX, { headers: cookieFor(token) });
const salir = (token: string) => call(signOut, "/salir", { method: "POST", headers: cookieFor(token) });

async function sidOf(token: string): Promise<{ sid: string; exp: number }> {
  const payload = await decode({ token, secret: process.env.NEXTAUTH_SECRET! });
  return { sid: payload!.sid as string, exp: payload!.exp as number };
}

describe("next-auth's session endpoint", () => {
  const session = (token: string) =>
    call((req, ctx) => nextAuth.GET(req, ctx as never), "/api/auth/session", { params: { nextauth: ["session"] } as never, headers: cookieFor(token) });

  it("answers as no session, and clears the cookie, once the session was signed out", async () => {
    // (A live session goes on to next-auth itself, which needs Next's request scope: e2e/auth.spec.ts.)
    const token = await sessionToken(ADMIN);
    await salir(token);
    const after = await session(token);
    expect(after.status).toBe(200);
    expect(after.json).toEqual({});
    expect(after.headers.get("set-cookie")).toMatch(/^next-auth\.session-token=; Path=\/; Max-Age=0/);
    const noSid = await session(await sessionToken(ADMIN, { sid: undefined }));
    expect(noSid.json).toEqual({});
  });
});

describe("session revocation", () => {
  it("after POST /salir the same cookie gets 401 unauthenticated from the API", async () => {
    const token = await sessionToken(ADMIN);
    const before = await inbox(token);
    expect(before.status).toBe(200);

    const out = await salir(token);
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toMatch(/\/api\/v1\/accounts\/app\/logout\?redirect=/);
    expect(out.headers.get("set-cookie")).toMatch(/^next-auth\.session-token=; Path=\/; Max-Age=0/);

    const after = await inbox(token);
    expect(after.status).toBe(401);
    expect(after.json).toEqual(errorBody("unauthenticated", "Debe iniciar sesión para realizar esta acción."));

    // Another session of the same person is not affected.
    expect((await inbox(await sessionToken(ADMIN))).status).toBe(200);
  });

  it("keeps the revocation until the token expires, with one audit event, however often /salir is called", async () => {
    const token = await sessionToken(ADMIN);
    const { sid, exp } = await sidOf(token);
    await salir(token);
    await salir(token);
    const db = getDb();
    const row = await db.revokedSession.findUniqueOrThrow({ where: { sid } });
    expect(row.personRun).toBe(ADMIN);
    expect(row.expiresAt.getTime()).toBe(exp * 1000);
    const events = await db.auditEvent.findMany({ where: { action: "person.signed_out", targetId: ADMIN, data: { path: ["sid"], equals: sid } } });
    expect(events).toHaveLength(1);
    expect(events[0]!.actorRun).toBe(ADMIN);
  });

  it("treats a token without sid, with a malformed sid, or older than 8 h from sign-in as signed out", async () => {
    expect((await inbox(await sessionToken(ADMIN, { sid: undefined }))).status).toBe(401);
    expect((await inbox(await sessionToken(ADMIN, { sid: "no-es-un-uuid" }))).status).toBe(401);
    expect((await inbox(await sessionToken(ADMIN, { signedInAt: undefined }))).status).toBe(401);
    // next-auth re-encodes tokens with a later exp; the session still ends 8 h after sign-in.
    const signedInAt = Math.floor(Date.now() / 1000) - 8 * 60 * 60 - 1;
    expect((await inbox(await sessionToken(ADMIN, { signedInAt }))).status).toBe(401);
    expect((await inbox(await sessionToken(ADMIN, { signedInAt: signedInAt + 120 }))).status).toBe(200);
  });

  it("signing out without a valid session only clears the cookie", async () => {
    const db = getDb();
    const before = await db.revokedSession.count();
    const out = await salir(await sessionToken(ADMIN, { sid: undefined }));
    expect(out.status).toBe(303);
    expect(await db.revokedSession.count()).toBe(before);
  });

  it("the job purges revocations once their tokens have expired, and only those", async () => {
    const db = getDb();
    const soon = await sessionToken(ADMIN);
    await salir(soon);
    const { sid, exp } = await sidOf(soon);
    clock.set(new Date(exp * 1000 + 30_000)); // within the margin for clocks between instances
    await purgeRevokedSessions();
    expect(await db.revokedSession.findUnique({ where: { sid } })).not.toBeNull();
    clock.set(new Date(exp * 1000 + 5 * 60_000));
    const later = crypto.randomUUID();
    await db.revokedSession.create({ data: { sid: later, personRun: ADMIN, expiresAt: new Date(exp * 1000 + 60 * 60_000) } });
    expect(await purgeRevokedSessions()).toBeGreaterThanOrEqual(1);
    expect(await db.revokedSession.findUnique({ where: { sid } })).toBeNull();
    expect(await db.revokedSession.findUnique({ where: { sid: later } })).not.toBeNull();
  });
});
