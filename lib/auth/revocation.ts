import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { clock } from "@/lib/clock";
import { getDb } from "@/lib/db";

/**
 * Sign-out ends the session on the server: its id (`sid`, set at sign-in in the session token)
 * is kept in `revoked_session` until every token of that session has expired, and
 * `actorFromCookies` treats a revoked id as signed out.
 */

/** Slack for clocks of several portal instances before a row is purged. */
const PURGE_MARGIN_MS = 60_000;

/**
 * Revokes one session and records `person.signed_out` in the same transaction. `expiresAt` is
 * the token's `exp`: no token of this session is accepted after it (the absolute 8 h limit from
 * sign-in ends before any token's `exp`). Returns false when it was already revoked (a second
 * sign-out from another tab, or a replayed request): nothing more is recorded.
 */
export async function revokeSession(session: { sid: string; run: string; expiresAt: Date }): Promise<boolean> {
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.revokedSession.createMany({
      data: [{ sid: session.sid, personRun: session.run, expiresAt: session.expiresAt }],
      skipDuplicates: true,
    });
    if (count === 0) return false;
    await recordAudit(tx, { actorRun: session.run, action: "person.signed_out", targetType: "person", targetId: session.run, data: { sid: session.sid } });
    return true;
  });
}

/** Whether the session was signed out (one primary-key lookup). */
export async function isSessionRevoked(sid: string): Promise<boolean> {
  const row = await getDb().revokedSession.findUnique({ where: { sid }, select: { sid: true } });
  return row !== null;
}

/** Forgets revocations whose sessions have expired anyway (run by the job runner). */
export async function purgeRevokedSessions(): Promise<number> {
  const { count } = await getDb().revokedSession.deleteMany({
    where: { expiresAt: { lt: new Date(clock.now().getTime() - PURGE_MARGIN_MS) } },
  });
  return count;
}
