import "server-only";
import crypto from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueuePersonalMail } from "@/lib/mail/outbox";

type Tx = Prisma.TransactionClient;

/** A confirmation link is valid this long. */
export const CONFIRMATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const sha256 = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/**
 * Asks the mailbox at `address` to confirm it belongs to the person: a one-time token (only its
 * SHA-256 is stored) mailed to that address, with a link to /correo/confirmar. Until it is used,
 * no other mail goes there. Earlier unused links for the same target stop working.
 * `membershipId` null: the person's own address; else that membership's institutional one.
 */
export async function requestAddressConfirmation(
  tx: Tx,
  target: {
    personRun: string;
    membershipId: string | null;
    address: string;
    institutionName?: string;
    enteredBy: "self" | "other";
    /** What else the mail tells, first (e.g. "Se le agregó como funcionario/a de …"). */
    intro?: string[];
  },
  now = new Date(),
): Promise<void> {
  await tx.emailConfirmation.updateMany({
    where: { personRun: target.personRun, membershipId: target.membershipId, usedAt: null },
    data: { usedAt: now },
  });
  const token = crypto.randomBytes(32).toString("base64url");
  await tx.emailConfirmation.create({
    data: { tokenHash: sha256(token), personRun: target.personRun, membershipId: target.membershipId, address: target.address, expiresAt: new Date(now.getTime() + CONFIRMATION_TTL_MS) },
  });
  const what = target.membershipId ? `su dirección institucional en ${target.institutionName ?? "la institución"}` : "su dirección de correo personal en el portal";
  await enqueuePersonalMail(tx, {
    personRun: target.personRun,
    kind: "CORREO_CONFIRMAR",
    requested: true,
    toAddress: target.address,
    title: "Confirme su dirección de correo",
    paragraphs: [
      ...(target.intro ?? []),
      target.enteredBy === "other"
        ? `Se registró esta dirección como ${what}, en la Red de Interoperabilidad del Estado.`
        : `Usted registró esta dirección como ${what}, en la Red de Interoperabilidad del Estado.`,
      "Confírmela con el enlace de abajo: hasta entonces no le enviaremos otros correos a esta dirección. El enlace vale 7 días y sirve una sola vez.",
      "Si no reconoce este registro, ignore este correo.",
    ],
    link: { path: `/correo/confirmar?t=${token}`, label: "Confirmar la dirección" },
    reason: "Recibe este correo porque alguien registró esta dirección en el portal.",
  });
}

export type ConfirmedAddress = { personRun: string; membershipId: string | null; address: string };

/**
 * Uses a confirmation token, once: atomically marks it used (a second use, an expired token or an
 * unknown one gives null; of two concurrent uses exactly one wins, the row lock decides).
 * The person's own address lives only in the confirmation until then (the confirmed one they
 * had keeps receiving mail meanwhile) and now becomes theirs: typed by them, confirmed now.
 * A membership's institutional address is confirmed if it is still the one on record (an address
 * replaced since was never confirmed, and the one on record waits for its own link).
 */
export async function consumeAddressConfirmation(tx: Tx, token: string, now = new Date()): Promise<ConfirmedAddress | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const rows = await tx.$queryRaw<{ person_run: string; membership_id: string | null; address: string }[]>`
    UPDATE email_confirmation SET used_at = ${now}
    WHERE token_hash = ${sha256(token)} AND used_at IS NULL AND expires_at > ${now}
    RETURNING person_run, membership_id::text, address`;
  const row = rows[0];
  if (!row) return null;
  if (row.membership_id) {
    const n = await tx.membership.updateMany({ where: { id: row.membership_id, email: row.address }, data: { emailConfirmedAt: now } });
    if (n.count === 0) return null;
  } else {
    await tx.person.update({ where: { run: row.person_run }, data: { email: row.address, emailSource: "PERSONA", emailConfirmedAt: now } });
  }
  return { personRun: row.person_run, membershipId: row.membership_id, address: row.address };
}

/** What a confirmation link would confirm, without using it (the page that asks first); null when it cannot be used. */
export async function usableConfirmation(tx: Tx, token: string, now = new Date()): Promise<{ membershipId: string | null; address: string } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await tx.emailConfirmation.findUnique({ where: { tokenHash: sha256(token) }, select: { membershipId: true, address: true, usedAt: true, expiresAt: true } });
  return row && !row.usedAt && row.expiresAt > now ? { membershipId: row.membershipId, address: row.address } : null;
}

/** The person's own address waiting for its link (the latest one still usable), if any. */
export async function pendingOwnAddress(tx: Tx, personRun: string, now = new Date()): Promise<{ address: string; expiresAt: Date } | null> {
  return tx.emailConfirmation.findFirst({
    where: { personRun, membershipId: null, usedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { address: true, expiresAt: true },
  });
}

/** Withdraws the links still waiting for `target` (the person changed their mind). */
export async function cancelAddressConfirmations(tx: Tx, target: { personRun: string; membershipId: string | null }, now = new Date()): Promise<void> {
  await tx.emailConfirmation.updateMany({ where: { personRun: target.personRun, membershipId: target.membershipId, usedAt: null }, data: { usedAt: now } });
}
