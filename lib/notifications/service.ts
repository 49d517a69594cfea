import "server-only";
import { can, canReadInstitution } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enqueueNotificationMails } from "@/lib/mail/outbox";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";

type Tx = Prisma.TransactionClient;

export type NewNotification = {
  /** The institution to notify; null notifies the platform team. */
  institution: string | null;
  agreementId?: string;
  kind: NotificationKind;
  title: string;
  body: string;
};

/** Writes the in-app notifications and, in the same transaction, their mails to the outbox (lib/mail/outbox.ts). */
export async function notify(tx: Tx, ...notes: NewNotification[]): Promise<void> {
  if (!notes.length) return;
  const rows = await tx.notification.createManyAndReturn({
    data: notes.map((n) => ({ institutionCode: n.institution, agreementId: n.agreementId ?? null, kind: n.kind, title: n.title, body: n.body })),
  });
  await enqueueNotificationMails(tx, rows);
}

export type TNotification = { id: string; kind: NotificationKind; title: string; body: string; agreementId: string | null; createdAt: string; read: boolean };

/**
 * Who may read an inbox: members of the institution; platform admins for the platform's (null),
 * and read-only any institution's (`read`: marking one as read is the institution's own business).
 */
function assertInbox(actor: Actor, institution: string | null, access: "read" | "mark" = "read") {
  const member = institution === null ? can(actor, "agreement.mediate") : can(actor, "institution.read_private", institution);
  const ok = member || (access === "read" && institution !== null && canReadInstitution(actor, institution));
  if (!ok) throw new AppError("forbidden", "No puede ver las notificaciones de esa institución.");
}

export async function listNotifications(
  actor: Actor,
  institution: string | null,
  opts: { unreadOnly?: boolean; take?: number } = {},
): Promise<{ data: TNotification[]; unread: number }> {
  assertInbox(actor, institution);
  const db = getDb();
  const where: Prisma.NotificationWhereInput = { institutionCode: institution };
  const [rows, unread] = await Promise.all([
    db.notification.findMany({ where: { ...where, ...(opts.unreadOnly ? { readAt: null } : {}) }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: opts.take ?? 50 }),
    db.notification.count({ where: { ...where, readAt: null } }),
  ]);
  return {
    data: rows.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, agreementId: n.agreementId, createdAt: n.createdAt.toISOString(), read: n.readAt !== null })),
    unread,
  };
}

export async function markNotificationRead(actor: Actor, id: string): Promise<void> {
  const db = getDb();
  const n = await db.notification.findUnique({ where: { id } });
  if (!n) throw new AppError("not_found", "No existe esa notificación.");
  try {
    assertInbox(actor, n.institutionCode, "mark");
  } catch {
    throw new AppError("not_found", "No existe esa notificación.");
  }
  if (!n.readAt) await db.notification.update({ where: { id }, data: { readAt: new Date(), readByRun: actor.run } });
}

/** Unread counts per inbox the actor can read (for the header). */
export async function unreadCounts(actor: Actor): Promise<Record<string, number>> {
  const inboxes = actor.memberships.map((m) => m.institutionCode);
  const db = getDb();
  const rows = inboxes.length
    ? await db.notification.groupBy({ by: ["institutionCode"], where: { institutionCode: { in: inboxes }, readAt: null }, _count: true })
    : [];
  const out: Record<string, number> = Object.fromEntries(rows.map((r) => [r.institutionCode ?? "", r._count]));
  if (actor.isPlatformAdmin) out.PLATAFORMA = await db.notification.count({ where: { institutionCode: null, readAt: null } });
  return out;
}
