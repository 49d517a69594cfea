import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError, ValidationError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import type { MailMode, MailStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sameAddress } from "@/lib/mail/address";
import { cancelAddressConfirmations, consumeAddressConfirmation, pendingOwnAddress, requestAddressConfirmation, usableConfirmation } from "@/lib/mail/confirmations";
import { runOfUnsubscribeToken } from "@/lib/mail/unsubscribe";
import type { TAccount, TSentMail } from "./schemas";

type Tx = Prisma.TransactionClient;

/**
 * The person's own account: their addresses (their own, and the institutional one of each
 * membership), how mail reaches them, and what was sent to them. Only ever the signed-in
 * person's: nothing here takes another person's RUN. The two public operations (confirming an
 * address, unsubscribing) are authorised by the link's token alone.
 */

function assertAccount(actor: Actor) {
  if (!can(actor, "account.read")) throw new AppError("forbidden");
}

async function readAccount(tx: Tx, run: string): Promise<TAccount> {
  const person = await tx.person.findUniqueOrThrow({
    where: { run },
    include: { memberships: { include: { institution: { select: { name: true } } }, orderBy: { institutionCode: "asc" } } },
  });
  const pending = await pendingOwnAddress(tx, run);
  return {
    run: person.run,
    givenNames: person.givenNames,
    familyNames: person.familyNames,
    email: person.email && person.emailSource ? { address: person.email, source: person.emailSource, confirmed: person.emailConfirmedAt !== null } : null,
    pendingEmail: pending && !sameAddress(pending.address, person.email) ? { address: pending.address, expiresAt: pending.expiresAt.toISOString() } : null,
    memberships: person.memberships.map((m) => ({
      institution: m.institutionCode,
      institutionName: m.institution.name,
      role: m.role,
      email: m.email,
      emailConfirmed: m.email !== null && m.emailConfirmedAt !== null,
      mailMode: m.mailMode,
    })),
    platformMailMode: person.isPlatformAdmin ? person.platformMailMode : null,
    subscribed: person.mailOptOutAt === null,
  };
}

export async function getAccount(actor: Actor): Promise<TAccount> {
  assertAccount(actor);
  return readAccount(getDb(), actor.run);
}

/**
 * A new own address: it waits in its confirmation (mailed to it) and becomes the person's only
 * once confirmed; the address they have keeps receiving mail meanwhile. The address already in
 * use withdraws any pending one. null: no own address (mail goes to the institutional ones), kept
 * at later sign-ins (source PERSONA: ClaveÚnica's address does not come back by itself).
 */
export async function changeOwnEmail(actor: Actor, email: string | null): Promise<TAccount> {
  assertAccount(actor);
  return getDb().$transaction(async (tx) => {
    const person = await tx.person.findUniqueOrThrow({ where: { run: actor.run }, select: { email: true, emailConfirmedAt: true } });
    const target = { personRun: actor.run, membershipId: null };
    if (email === null) {
      await cancelAddressConfirmations(tx, target);
      await tx.person.update({ where: { run: actor.run }, data: { email: null, emailSource: "PERSONA", emailConfirmedAt: null } });
      await recordAudit(tx, { actorRun: actor.run, action: "person.email_removed", targetType: "person", targetId: actor.run });
    } else if (sameAddress(email, person.email) && person.emailConfirmedAt) {
      await cancelAddressConfirmations(tx, target);
    } else {
      await requestAddressConfirmation(tx, { ...target, address: email, enteredBy: "self" });
      await recordAudit(tx, { actorRun: actor.run, action: "person.email_requested", targetType: "person", targetId: actor.run });
    }
    return readAccount(tx, actor.run);
  });
}

/**
 * The person's own membership in `institution`: its institutional address (a new one is on
 * record at once and receives a confirmation link; until confirmed, the institution's mail goes
 * to the person's own address) and how its notifications reach them. Not a member: 404.
 */
export async function updateMembershipMail(actor: Actor, institution: string, change: { email?: string; mailMode?: MailMode }): Promise<TAccount> {
  assertAccount(actor);
  return getDb().$transaction(async (tx) => {
    const m = await tx.membership.findUnique({
      where: { personRun_institutionCode: { personRun: actor.run, institutionCode: institution } },
      include: { institution: { select: { name: true } } },
    });
    if (!m) throw new AppError("not_found", "No integra esa institución.");
    if (change.mailMode && change.mailMode !== m.mailMode) {
      await tx.membership.update({ where: { id: m.id }, data: { mailMode: change.mailMode } });
    }
    if (change.email !== undefined && !(sameAddress(change.email, m.email) && m.emailConfirmedAt)) {
      if (!sameAddress(change.email, m.email)) await tx.membership.update({ where: { id: m.id }, data: { email: change.email, emailConfirmedAt: null } });
      // The same address still unconfirmed: a fresh link (the earlier ones stop working).
      await requestAddressConfirmation(tx, { personRun: actor.run, membershipId: m.id, address: change.email, institutionName: m.institution.name, enteredBy: "self" });
    }
    if (change.email !== undefined || change.mailMode !== undefined) {
      await recordAudit(tx, { actorRun: actor.run, action: "membership.mail_changed", targetType: "membership", targetId: m.id, data: { ...change } });
    }
    return readAccount(tx, actor.run);
  });
}

/** Unsubscribed from everything but legal deadlines, or back; the platform inbox's mode (platform admins only). */
export async function updateMailPreferences(actor: Actor, change: { subscribed?: boolean; platformMailMode?: MailMode }): Promise<TAccount> {
  assertAccount(actor);
  if (change.platformMailMode !== undefined && !actor.isPlatformAdmin) {
    throw new AppError("forbidden", "Solo el equipo de la plataforma elige cómo recibe los avisos de la plataforma.");
  }
  return getDb().$transaction(async (tx) => {
    const person = await tx.person.findUniqueOrThrow({ where: { run: actor.run }, select: { mailOptOutAt: true } });
    const data: Prisma.PersonUpdateInput = {};
    if (change.subscribed === true && person.mailOptOutAt) data.mailOptOutAt = null;
    if (change.subscribed === false && !person.mailOptOutAt) data.mailOptOutAt = new Date();
    if (change.platformMailMode !== undefined) data.platformMailMode = change.platformMailMode;
    if (Object.keys(data).length) {
      await tx.person.update({ where: { run: actor.run }, data });
      await recordAudit(tx, { actorRun: actor.run, action: "person.mail_preferences_changed", targetType: "person", targetId: actor.run, data: { ...change } });
    }
    return readAccount(tx, actor.run);
  });
}

// ——— What was sent to the person ———

export const SENT_MAILS_PAGE = 20;

/** The one-time tokens a mail's links carry (`?t=…`: confirmation, unsubscribe), hidden. */
export function maskTokens(text: string): string {
  return text.replace(/([?&]t=)[^\s&#"'<>)\]]+/g, "$1…");
}

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(createdAt.getTime())) {
    throw new ValidationError([{ path: "cursor", message: "El cursor no es válido: use el `nextCursor` de la página anterior." }], "Los parámetros de la consulta no son válidos.");
  }
  return { createdAt, id };
}

/** A mail's status as the person reads it. */
export function mailStatusText(m: { status: MailStatus; attempts: number; lastError: string | null }, digestDate?: Date | null): string {
  switch (m.status) {
    case "ENVIADO":
      return "Enviado";
    case "PENDIENTE":
      return m.attempts > 0 ? `En cola, reintento ${m.attempts}` : "En cola";
    case "EN_RESUMEN":
      return "En el próximo resumen diario";
    case "AGRUPADO":
      return digestDate ? `Incluido en el resumen del ${formatDate(digestDate)}` : "Incluido en un resumen diario";
    case "DESCARTADO":
      return `No enviado: ${m.lastError ?? "sin motivo registrado."}`;
  }
}

/**
 * What the portal sent (or meant to send) to the person, newest first, `SENT_MAILS_PAGE` at a
 * time (`cursor`: the `nextCursor` of the page before). The tokens of the links are never shown:
 * a confirmation mail shows its subject and status only, and other texts have theirs masked.
 */
export async function listSentMails(actor: Actor, cursor?: string): Promise<{ data: TSentMail[]; nextCursor: string | null }> {
  assertAccount(actor);
  const db = getDb();
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await db.mailMessage.findMany({
    where: {
      personRun: actor.run,
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: SENT_MAILS_PAGE + 1,
    select: { id: true, createdAt: true, subject: true, toAddress: true, status: true, attempts: true, lastError: true, sentAt: true, legal: true, link: true, text: true, kind: true, digestId: true },
  });
  const page = rows.slice(0, SENT_MAILS_PAGE);
  const digestIds = [...new Set(page.map((r) => r.digestId).filter((id): id is string => id !== null))];
  const digests = digestIds.length ? await db.mailMessage.findMany({ where: { id: { in: digestIds }, personRun: actor.run }, select: { id: true, createdAt: true, sentAt: true } }) : [];
  const digestDate = new Map(digests.map((d) => [d.id, d.sentAt ?? d.createdAt]));
  const data = page.map((r): TSentMail => {
    const confirmation = r.kind === "CORREO_CONFIRMAR";
    const link = r.link && !confirmation && maskTokens(r.link) === r.link ? r.link : null;
    return {
      id: r.id,
      createdAt: r.createdAt.toISOString(),
      subject: r.subject,
      toAddress: r.toAddress || null,
      status: r.status,
      statusText: mailStatusText(r, r.digestId ? digestDate.get(r.digestId) : null),
      sentAt: r.sentAt?.toISOString() ?? null,
      legal: r.legal,
      link,
      text: confirmation ? null : maskTokens(r.text),
    };
  });
  const last = page[page.length - 1];
  return { data, nextCursor: rows.length > SENT_MAILS_PAGE && last ? encodeCursor(last.createdAt, last.id) : null };
}

// ——— The links in the mails (public: the token authorises) ———

/** What the confirmation page says before the person presses the button: the link is not used here (mail scanners open links). */
export async function describeConfirmationLink(token: string): Promise<{ address: string; kind: "own" | "institutional"; institutionName: string | null } | null> {
  const db = getDb();
  const c = await usableConfirmation(db, token);
  if (!c) return null;
  const m = c.membershipId ? await db.membership.findUnique({ where: { id: c.membershipId }, select: { email: true, institution: { select: { name: true } } } }) : null;
  if (c.membershipId && !sameAddress(m?.email, c.address)) return null;
  return { address: c.address, kind: c.membershipId ? "institutional" : "own", institutionName: m?.institution.name ?? null };
}

/** Whether an unsubscribe link is one of the portal's, and whether its person already unsubscribed (nothing changes here). */
export async function describeUnsubscribeLink(token: string): Promise<{ optedOut: boolean } | null> {
  const run = runOfUnsubscribeToken(token);
  if (!run) return null;
  const p = await getDb().person.findUnique({ where: { run }, select: { mailOptOutAt: true } });
  return p ? { optedOut: p.mailOptOutAt !== null } : null;
}

/** Confirms an address with its one-time link. Unknown, used, expired or replaced: `invalid_link`. */
export async function confirmAddress(token: string): Promise<{ address: string; kind: "own" | "institutional"; institutionName: string | null }> {
  return getDb().$transaction(async (tx) => {
    const done = await consumeAddressConfirmation(tx, token);
    if (!done) throw new AppError("invalid_link", "El enlace de confirmación no es válido: ya se usó, venció (vale 7 días) o la dirección cambió después. Si necesita uno nuevo, vuelva a guardar la dirección en «Mi cuenta».");
    let institutionName: string | null = null;
    if (done.membershipId) {
      const m = await tx.membership.findUnique({ where: { id: done.membershipId }, select: { institution: { select: { name: true } } } });
      institutionName = m?.institution.name ?? null;
    }
    await recordAudit(tx, { actorRun: done.personRun, action: "person.email_confirmed", targetType: done.membershipId ? "membership" : "person", targetId: done.membershipId ?? done.personRun });
    return { address: done.address, kind: done.membershipId ? "institutional" : "own", institutionName };
  });
}

/** The one-click unsubscribe of every mail: stops all but legal deadlines (idempotent). */
export async function unsubscribeByLink(token: string): Promise<{ ok: true }> {
  const run = runOfUnsubscribeToken(token);
  if (!run) throw new AppError("invalid_link", "El enlace para dejar de recibir correos no es válido: cópielo completo desde el correo, o hágalo desde «Mi cuenta» en el portal.");
  await getDb().$transaction(async (tx) => {
    const n = await tx.person.updateMany({ where: { run, mailOptOutAt: null }, data: { mailOptOutAt: new Date() } });
    if (n.count) await recordAudit(tx, { actorRun: run, action: "person.mail_opted_out", targetType: "person", targetId: run });
    else if (!(await tx.person.findUnique({ where: { run }, select: { run: true } }))) throw new AppError("invalid_link");
  });
  return { ok: true };
}
