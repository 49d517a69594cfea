import crypto from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as collection from "@/app/api/v1/agreements/route";
import * as runRoute from "@/app/api/v1/platform/jobs/[name]/run/route";
import { applyDeadlines, businessDaysLeft } from "@/lib/agreements/deadlines";
import type { Actor } from "@/lib/auth/session";
import { clock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { JOBS, runJobNow, startJobRunner, type JobRunner } from "@/lib/jobs";
import { sendDigests } from "@/lib/mail/digest";
import { dispatchOutbox } from "@/lib/mail/dispatch";
import { outboxHealth } from "@/lib/mail/health";
import { enqueuePersonalMail } from "@/lib/mail/outbox";
import { notify } from "@/lib/notifications/service";
import { clearMails, mailsTo, portalLinkOf, waitForMail } from "../../e2e/support/mail";
import { startMailCatcher, type MailCatcher } from "../../scripts/lib/mailcatcher";
import { freePort } from "../../scripts/lib/postgres";
import { call } from "../support/api";

// Mail that arrives: the outbox keeps every mail while the SMTP server is down and sends each
// exactly once when it is back, whichever instance sends it and across a restart; digests
// gather what people chose to receive once a day; deadline warnings go twice, never held.

const SRCEI_HEAD = "12345678-5";
const SRCEI_STAFF = "13579246-2";
const MDSF_ADMIN = "17654321-3";
const PLATFORM: Actor = { run: "10987654-2", isPlatformAdmin: true, givenNames: "", familyNames: "", memberships: [] };
const FAR_FUTURE = new Date("2100-01-01T00:00:00Z");

let catcher: MailCatcher;
let ports: { smtp: number; web: number };
const runners: JobRunner[] = [];

async function drain() {
  // What earlier test files left in the outbox goes now (far in the future: every retry is due).
  await sendDigests(FAR_FUTURE);
  for (let i = 0; i < 50; i++) {
    const r = await dispatchOutbox({ now: FAR_FUTURE, limit: 500 });
    if (!r.sent && !r.failed) break;
  }
}

beforeAll(async () => {
  ports = { smtp: await freePort(), web: await freePort() };
  // The portal's SMTP server for this file: the catcher (read by serverEnv() on first use).
  process.env.SMTP_URL = `smtp://127.0.0.1:${ports.smtp}`;
  catcher = await startMailCatcher(ports);
  process.env.E2E_MAIL_URL = catcher.webUrl;
  await drain();
  await clearMails();
}, 60_000);

afterEach(async () => {
  clock.set(null);
  await Promise.all(runners.splice(0).map((r) => r.stop()));
});

afterAll(async () => {
  await catcher?.stop();
});

const unique = (prefix: string, n: number) => {
  const tag = crypto.randomBytes(3).toString("hex");
  return Array.from({ length: n }, (_, i) => `${prefix}-${tag}-${i + 1}@prueba.gob.cl`);
};

/** One personal mail to each address (through the outbox's writing side); their rows. */
async function enqueue(addresses: string[]) {
  const db = getDb();
  for (const address of addresses) {
    await db.$transaction((tx) =>
      enqueuePersonalMail(tx, {
        personRun: SRCEI_HEAD,
        kind: "ROL_AGREGADO",
        institutionCode: "SRCEI",
        title: `Se le agregó un rol (${address})`,
        paragraphs: ["Ahora es integrante del Servicio de Registro Civil e Identificación."],
        link: { path: "/cuenta", label: "Ver su cuenta" },
        reason: "Recibe este correo porque cambió su rol en el portal.",
        toAddress: address,
      }),
    );
  }
  return rowsTo(addresses);
}

function rowsTo(addresses: string[]) {
  return getDb().mailMessage.findMany({ where: { toAddress: { in: addresses } }, orderBy: { toAddress: "asc" } });
}

async function caughtCounts(addresses: string[]) {
  return Promise.all(addresses.map(async (a) => (await mailsTo(a)).length));
}

const latest = (dates: Date[]) => new Date(Math.max(...dates.map((d) => d.getTime())));

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("the mail outbox", () => {
  it("SMTP down for the whole test: every mail stays queued; once it is back, each is sent exactly once", async () => {
    const addresses = unique("caida", 3);
    const written = await enqueue(addresses);
    expect(written.map((r) => r.status)).toEqual(["PENDIENTE", "PENDIENTE", "PENDIENTE"]);
    const down = `smtp://127.0.0.1:${await freePort()}`; // nothing listens there

    let now = new Date(Date.now() + 1_000);
    const first = await dispatchOutbox({ now, smtpUrl: down });
    // The first connection failure stops the batch: the other mails do not wait for the same timeout.
    expect(first).toEqual({ sent: 0, failed: 1, stopped: true, more: false });

    const nextAttempts = new Map<string, number[]>();
    for (let pass = 0; pass < 8; pass++) {
      const rows = await rowsTo(addresses);
      for (const r of rows) nextAttempts.set(r.id, [...(nextAttempts.get(r.id) ?? []), r.nextAttemptAt.getTime()]);
      now = new Date(latest(rows.map((r) => r.nextAttemptAt)).getTime() + 1_000);
      const r = await dispatchOutbox({ now, smtpUrl: down });
      expect(r.sent).toBe(0);
    }
    const queued = await rowsTo(addresses);
    for (const row of queued) {
      expect(row.status).toBe("PENDIENTE");
      expect(row.attempts).toBeGreaterThanOrEqual(2);
      expect(row.lastError).toBeTruthy();
      expect(row.lastError!.length).toBeLessThanOrEqual(300);
      expect(row.sentAt).toBeNull();
      // Each failure moved the next attempt forward, never back.
      const seen = [...nextAttempts.get(row.id)!, row.nextAttemptAt.getTime()];
      expect([...seen].sort((a, b) => a - b)).toEqual(seen);
      expect(new Set(seen).size).toBeGreaterThanOrEqual(2);
    }
    expect(await caughtCounts(addresses)).toEqual([0, 0, 0]);
    const health = await outboxHealth(PLATFORM);
    expect(health.pending).toBeGreaterThanOrEqual(3);
    expect(health.retrying).toBeGreaterThanOrEqual(3);
    expect(health.oldestPendingAt).not.toBeNull();
    await expect(outboxHealth({ ...PLATFORM, isPlatformAdmin: false })).rejects.toMatchObject({ code: "forbidden" });

    // The server is back (SMTP_URL: the catcher); past the backoff, everything goes, once.
    now = new Date(latest(queued.map((r) => r.nextAttemptAt)).getTime() + 1_000);
    expect(await dispatchOutbox({ now })).toMatchObject({ sent: 3, failed: 0, stopped: false });
    expect(await caughtCounts(addresses)).toEqual([1, 1, 1]);
    const sent = await rowsTo(addresses);
    for (const row of sent) {
      expect(row).toMatchObject({ status: "ENVIADO", smtpMessageId: `<${row.id}@interoperabilidad.gob.cl>` });
      expect(row.sentAt).toEqual(now);
      expect(row.attempts).toBe(queued.find((q) => q.id === row.id)!.attempts + 1);
    }
    expect(await dispatchOutbox({ now: new Date(now.getTime() + 3_600_000) })).toMatchObject({ sent: 0, failed: 0 });
    expect(await caughtCounts(addresses)).toEqual([1, 1, 1]);
    expect((await outboxHealth(PLATFORM)).sentToday).toBeGreaterThanOrEqual(3);

    // What arrived: Spanish text and HTML, the page's link, an auto-generated mail one can unsubscribe from.
    const [mail] = await mailsTo(addresses[0]!);
    expect(mail!.subject).toBe(`Se le agregó un rol (${addresses[0]})`);
    expect(mail!.text).toContain("Ahora es integrante del Servicio de Registro Civil e Identificación.");
    expect(mail!.html).toContain('<html lang="es-CL">');
    expect(portalLinkOf(mail!)).toBe("http://localhost:3999/cuenta");
    expect(mail!.headers["auto-submitted"]).toBe("auto-generated");
    expect(String(mail!.headers["list-unsubscribe"])).toMatch(/^<http:\/\/localhost:3999\/correo\/baja\/un-clic\?t=[\w-]+\.[\w-]{43}>$/);
    expect(mail!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail!.from[0]!.address).toBe("no-responder@interoperabilidad.gob.cl");
  });

  it("two dispatchers over the same rows: each mail once", async () => {
    const addresses = unique("doble", 8);
    await enqueue(addresses);
    const now = new Date(Date.now() + 1_000);
    const results = await Promise.all([dispatchOutbox({ now }), dispatchOutbox({ now }), dispatchOutbox({ now })]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(8);
    expect(await caughtCounts(addresses)).toEqual(addresses.map(() => 1));
    expect((await rowsTo(addresses)).every((r) => r.status === "ENVIADO" && r.attempts === 1)).toBe(true);
  });

  it("the daily digest: one mail per person and inbox with every held notice, once; legal deadlines are never held", async () => {
    const db = getDb();
    const members = await db.membership.findMany({ where: { institutionCode: "SRCEI", personRun: { in: [SRCEI_HEAD, SRCEI_STAFF] } } });
    const [head, staff] = unique("resumen", 2);
    try {
      for (const [m, address] of [
        [members.find((x) => x.personRun === SRCEI_HEAD)!, head!],
        [members.find((x) => x.personRun === SRCEI_STAFF)!, staff!],
      ] as const) {
        await db.membership.update({ where: { id: m.id }, data: { email: address, emailConfirmedAt: new Date(), mailMode: "DIGEST" } });
      }
      const note = (title: string, kind: "SOLICITUD_NUEVA" | "PLAZO_PROXIMO" = "SOLICITUD_NUEVA") => ({ institution: "SRCEI", kind, title, body: `${title}: detalle <con marcas>.` });
      await db.$transaction((tx) => notify(tx, note("Nueva solicitud de acceso"), note("Plazo prorrogado")));
      await db.$transaction((tx) => notify(tx, note("Plazo por vencer", "PLAZO_PROXIMO")));

      const rows = await rowsTo([head!, staff!]);
      expect(rows.filter((r) => r.status === "EN_RESUMEN")).toHaveLength(4);
      expect(rows.filter((r) => r.kind === "PLAZO_PROXIMO").map((r) => [r.status, r.legal])).toEqual([
        ["PENDIENTE", true],
        ["PENDIENTE", true],
      ]);

      const now = new Date(Date.now() + 1_000);
      expect(await sendDigests(now)).toEqual({ digests: 2, grouped: 4, discarded: 0 });
      expect(await sendDigests(now)).toEqual({ digests: 0, grouped: 0, discarded: 0 }); // idempotent
      const after = await rowsTo([head!, staff!]);
      const digests = after.filter((r) => r.kind === "RESUMEN");
      expect(digests).toHaveLength(2);
      const srcei = await db.institution.findUniqueOrThrow({ where: { code: "SRCEI" }, select: { name: true } });
      for (const d of digests) {
        expect(d).toMatchObject({ status: "PENDIENTE", legal: false, institutionCode: "SRCEI", subject: `Resumen diario: 2 avisos de ${srcei.name}` });
        const items = after.filter((r) => r.digestId === d.id);
        expect(items.map((i) => [i.status, i.toAddress])).toEqual([
          ["AGRUPADO", d.toAddress],
          ["AGRUPADO", d.toAddress],
        ]);
        // Both written in one transaction (one timestamp): numbered, in either order.
        expect(d.text).toMatch(/\n[12]\. Nueva solicitud de acceso\nNueva solicitud de acceso: detalle <con marcas>\.\n/);
        expect(d.text).toMatch(/\n[12]\. Plazo prorrogado\n/);
        expect(d.html).toContain("detalle &lt;con marcas&gt;.");
      }

      await dispatchOutbox({ now });
      for (const address of [head!, staff!]) {
        const mails = await mailsTo(address);
        expect(mails.map((m) => m.subject).sort()).toEqual(["Plazo por vencer", `Resumen diario: 2 avisos de ${srcei.name}`]);
        const legal = mails.find((m) => m.subject === "Plazo por vencer")!;
        expect(legal.headers["list-unsubscribe"]).toBeUndefined();
        expect(legal.text).not.toContain("/correo/baja");
      }

      // Two runs at once (two instances): the held notices go in one digest per person, not two.
      await db.$transaction((tx) => notify(tx, note("Solicitud respondida"), note("Firma requerida"), note("Acuerdo vigente")));
      const later = new Date(now.getTime() + 1_000);
      const both = await Promise.all([sendDigests(later), sendDigests(later)]);
      expect(both.reduce((n, r) => n + r.digests, 0)).toBe(2);
      const third = (await rowsTo([head!, staff!])).filter((r) => r.kind === "RESUMEN" && r.id !== digests[0]!.id && r.id !== digests[1]!.id);
      expect(third.map((r) => r.subject)).toEqual([`Resumen diario: 3 avisos de ${srcei.name}`, `Resumen diario: 3 avisos de ${srcei.name}`]);
    } finally {
      for (const m of members) await db.membership.update({ where: { id: m.id }, data: { email: m.email, emailConfirmedAt: m.emailConfirmedAt, mailMode: m.mailMode } });
    }
  });

  it("two warnings before the answer deadline (5 and 1 business days), each once", async () => {
    const db = getDb();
    const submitted = new Date("2026-11-26T15:00:00Z"); // Thursday, 12:00 in Santiago
    clock.set(submitted);
    const sent = await call(collection.POST, "/api/v1/agreements", {
      method: "POST",
      as: MDSF_ADMIN,
      body: { consumer: "MDSF", service: "SRCEI/certificado-nacimiento/v1", environment: "dev", type: "SERVICIO", procedures: ["CPAT-MDSF-0005"], legalBasis: "Ley 20.379, Sistema Intersectorial de Protección Social", declaredVolume: 100, mode: "EN_LINEA", requestedTps: 2, submit: true },
    });
    expect(sent.status).toBe(201);
    expect(sent.json.status).toBe("ENVIADA");
    const id = sent.json.id as string;
    const dueAt = new Date(sent.json.dueAt as string);
    const warnings = () => db.notification.count({ where: { agreementId: id, kind: "PLAZO_PROXIMO" } });

    const seen: [number, number][] = [];
    for (let day = 1; ; day++) {
      const now = new Date(submitted.getTime() + day * 86_400_000);
      if (now > dueAt) break;
      clock.set(now);
      await applyDeadlines(now);
      await applyDeadlines(now); // a second run the same day changes nothing
      const left = businessDaysLeft("ENVIADA", dueAt, now)!;
      const count = await warnings();
      seen.push([left, count]);
      expect(count).toBe(left > 5 ? 0 : left > 1 ? 1 : 2);
    }
    expect(seen.some(([left]) => left === 5)).toBe(true);
    expect(seen.some(([left]) => left === 1)).toBe(true);
    const notes = await db.notification.findMany({ where: { agreementId: id, kind: "PLAZO_PROXIMO" }, orderBy: { createdAt: "asc" } });
    expect(notes.map((n) => n.institutionCode)).toEqual(["SRCEI", "SRCEI"]);
    expect(notes.every((n) => n.title.startsWith("Plazo por vencer"))).toBe(true);
    expect(notes[0]!.body).toMatch(/^Quedan 5 días hábiles para responder/);
    expect(notes[1]!.body).toMatch(/^Queda 1 día hábil para responder/);
    // Legal deadline mails: marked legal, never held for a digest.
    const mails = await db.mailMessage.findMany({ where: { notificationId: { in: notes.map((n) => n.id) } } });
    expect(mails.length).toBeGreaterThan(0);
    expect(mails.every((m) => m.legal && m.status !== "EN_RESUMEN")).toBe(true);

    // Past the deadline: the request expires (and frees the service for later tests); no third warning.
    const past = new Date(dueAt.getTime() + 60_000);
    clock.set(past);
    await applyDeadlines(past);
    expect(await warnings()).toBe(2);
    expect(await db.agreement.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: "VENCIDA" });
  });

  it("'Ejecutar ahora': platform admins queue a job; an unknown job is 404", async () => {
    const queued = await call(runRoute.POST, "/api/v1/platform/jobs/mail-digest/run", { method: "POST", params: { name: "mail-digest" }, as: PLATFORM.run });
    expect(queued.status).toBe(202);
    expect(queued.json).toMatchObject({ name: "mail-digest" });
    const jobs = await getDb().$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'mail-digest' AND state = 'created'`);
    expect(Number(jobs[0]!.n)).toBe(1);
    // One queued at most: asking again finds it.
    expect(await runJobNow(PLATFORM, "mail-digest")).toEqual({ name: "mail-digest", queued: false });
    expect((await call(runRoute.POST, "/x", { method: "POST", params: { name: "no-existe" }, as: PLATFORM.run })).status).toBe(404);
    expect((await call(runRoute.POST, "/x", { method: "POST", params: { name: "mail-digest" }, as: SRCEI_HEAD })).status).toBe(403);
    expect(JOBS.find((j) => j.name === "mail-digest")).toMatchObject({ cron: "0 8 * * *", tz: "America/Santiago", runAtStart: false });
  });

  it("survives a portal restart with mails pending, and wakes within seconds for a new one", async () => {
    const addresses = unique("reinicio", 3);
    const mailJob = JOBS.find((j) => j.name === "mail-outbox")!;
    const start = async () => {
      const r = await startJobRunner({ connectionString: process.env.DATABASE_URL!, jobs: [mailJob], schedule: false, pollingIntervalSeconds: 0.5, queue: { retryDelay: 1, retryBackoff: false } });
      runners.push(r);
      return r;
    };
    await drain(); // what the tests above left due (it would be tried first)
    // The SMTP server is down while the first instance runs: it tries, fails, and stops.
    await catcher.stop();
    await enqueue(addresses);
    const first = await start();
    await until(async () => (await rowsTo(addresses)).some((r) => r.attempts > 0), "a failed attempt");
    await first.stop();
    runners.splice(runners.indexOf(first), 1);
    expect((await rowsTo(addresses)).every((r) => r.status === "PENDIENTE")).toBe(true);

    // Time passes (the backoff), the server comes back, a new instance starts: each mail once.
    await getDb().mailMessage.updateMany({ where: { toAddress: { in: addresses } }, data: { nextAttemptAt: new Date() } });
    catcher = await startMailCatcher(ports);
    process.env.E2E_MAIL_URL = catcher.webUrl;
    await start();
    await until(async () => (await rowsTo(addresses)).every((r) => r.status === "ENVIADO"), "the pending mails sent");
    expect(await caughtCounts(addresses)).toEqual([1, 1, 1]);

    // A new mail: the trigger's NOTIFY wakes the runner (no cron here), within seconds.
    const [fresh] = unique("aviso", 1);
    const started = Date.now();
    await enqueue([fresh!]);
    const mail = await waitForMail((m) => m.to.some((t) => t.address === fresh), 10_000);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(mail.subject).toBe(`Se le agregó un rol (${fresh})`);
  }, 60_000);
});
