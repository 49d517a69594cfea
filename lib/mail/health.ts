import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/session";
import { clock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type OutboxHealth = {
  /** Waiting to be sent now or at their next attempt. */
  pending: number;
  /** Of those, the ones that already failed at least once (the SMTP server was down or refused them). */
  retrying: number;
  /** When the oldest pending mail was written (null: none pending). */
  oldestPendingAt: string | null;
  /** The last error of the pending mail tried most recently (short, no secrets). */
  lastError: string | null;
  /** Held for tomorrow's daily digest. */
  heldForDigest: number;
  /** Sent since midnight in Santiago. */
  sentToday: number;
};

/** The outbox at a glance, for the platform console: is mail going out? */
export async function outboxHealth(actor: Actor): Promise<OutboxHealth> {
  if (!can(actor, "platform.monitor")) throw new AppError("forbidden", "Solo el equipo de la plataforma ve el estado del correo.");
  const now = clock.now();
  const [row] = await getDb().$queryRaw<
    { pending: bigint; retrying: bigint; oldest: Date | null; held: bigint; sent_today: bigint; last_error: string | null }[]
  >`
    SELECT count(*) FILTER (WHERE status = 'PENDIENTE') AS pending,
           count(*) FILTER (WHERE status = 'PENDIENTE' AND attempts > 0) AS retrying,
           min(created_at) FILTER (WHERE status = 'PENDIENTE') AS oldest,
           count(*) FILTER (WHERE status = 'EN_RESUMEN') AS held,
           count(*) FILTER (WHERE status = 'ENVIADO' AND sent_at >= (date_trunc('day', ${now}::timestamptz AT TIME ZONE 'America/Santiago') AT TIME ZONE 'America/Santiago')) AS sent_today,
           (SELECT last_error FROM mail_message WHERE status = 'PENDIENTE' AND attempts > 0 ORDER BY next_attempt_at DESC LIMIT 1) AS last_error
    FROM mail_message
    WHERE status IN ('PENDIENTE', 'EN_RESUMEN') OR (status = 'ENVIADO' AND sent_at >= ${now}::timestamptz - interval '1 day')`;
  return {
    pending: Number(row?.pending ?? 0),
    retrying: Number(row?.retrying ?? 0),
    oldestPendingAt: row?.oldest?.toISOString() ?? null,
    lastError: row?.last_error ?? null,
    heldForDigest: Number(row?.held ?? 0),
    sentToday: Number(row?.sent_today ?? 0),
  };
}
