import "server-only";
import { clock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { log } from "@/lib/log";
import { retryDelayMs, shortError } from "@/lib/mail/backoff";
import { createMailTransport, sendOutgoing, type OutgoingMail } from "@/lib/mail/transport";

/**
 * The outbox's sending side (the `mail-outbox` job). Each mail is sent inside the transaction
 * that holds its row lock (`FOR UPDATE SKIP LOCKED`) and marked ENVIADO in that same transaction:
 * another dispatcher (another portal instance, or the next job while this one runs) skips the
 * locked row and, once it is committed, no longer sees it PENDIENTE, so no mail is sent twice.
 * A failure leaves the row PENDIENTE with one more attempt, the error and a later next attempt
 * (lib/mail/backoff.ts): nothing is dropped while the server is down. The only way to send one
 * twice is to stop between the server's acceptance and the commit (docs/architecture.md, Correo).
 *
 * Logs ids and counts only: bodies carry one-time tokens (address confirmations).
 */

export type DispatchResult = { sent: number; failed: number; stopped: boolean; more: boolean };

/** Rows of one batch at most (each is a transaction and an SMTP conversation). */
export const DISPATCH_LIMIT = 50;

/** Errors about one message (the server refused that recipient or content), not about the server: the batch goes on. */
function isMessageError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === "EENVELOPE" || code === "EMESSAGE";
}

type Claimed = OutgoingMail & { attempts: number };

/**
 * Sends what is due (PENDIENTE with next_attempt_at ≤ now), oldest first, at most `limit`. After
 * the first failure that is about the server (cannot connect, timeout, TLS, authentication) the
 * batch stops: the next rows would only wait for the same timeout.
 */
export async function dispatchOutbox(opts: { now?: Date; limit?: number; smtpUrl?: string } = {}): Promise<DispatchResult> {
  const db = getDb();
  const limit = Math.max(1, Math.min(opts.limit ?? DISPATCH_LIMIT, 500));
  const due = opts.now ?? clock.now();
  const transport = createMailTransport(opts.smtpUrl);
  const result: DispatchResult = { sent: 0, failed: 0, stopped: false, more: false };
  try {
    while (result.sent + result.failed < limit) {
      const outcome = await db.$transaction(
        async (tx) => {
          const [row] = await tx.$queryRaw<Claimed[]>`
            SELECT id, person_run AS "personRun", legal, to_address AS "toAddress", subject, text, html, attempts
            FROM mail_message WHERE status = 'PENDIENTE' AND next_attempt_at <= ${due}
            ORDER BY next_attempt_at, created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`;
          if (!row) return "empty" as const;
          try {
            const smtpMessageId = await sendOutgoing(transport, row);
            await tx.mailMessage.update({
              where: { id: row.id },
              data: { status: "ENVIADO", sentAt: opts.now ?? clock.now(), smtpMessageId, attempts: row.attempts + 1, lastError: null },
            });
            return "sent" as const;
          } catch (err) {
            const attempts = row.attempts + 1;
            const lastError = shortError(err);
            const nextAttemptAt = new Date(due.getTime() + retryDelayMs(attempts));
            await tx.mailMessage.update({ where: { id: row.id }, data: { attempts, lastError, nextAttemptAt } });
            log.warn({ mail: row.id, attempts, nextAttemptAt: nextAttemptAt.toISOString(), err: lastError }, "mail not sent (it will be retried)");
            return isMessageError(err) ? ("failed" as const) : ("down" as const);
          }
        },
        // An SMTP conversation is bounded by the transport's timeouts (lib/mail/transport.ts).
        { timeout: 60_000, maxWait: 10_000 },
      );
      if (outcome === "empty") break;
      if (outcome === "sent") result.sent++;
      else result.failed++;
      if (outcome === "down") {
        result.stopped = true;
        break;
      }
    }
    result.more = !result.stopped && result.sent + result.failed >= limit;
  } finally {
    transport.close();
  }
  if (result.sent || result.failed) log.info(result, "mail outbox dispatched");
  return result;
}
