import "server-only";
import { businessDaysBetween, localDateOf } from "@/lib/agreements/business-days";
import { applyAction } from "@/lib/agreements/effects";
import { include, noteAbout } from "@/lib/agreements/rows";
import { DEADLINE_WARNINGS } from "@/lib/agreements/transitions";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AgreementStatus } from "@/lib/generated/prisma/enums";
import { formatDateTime } from "@/lib/format";
import { notify } from "@/lib/notifications/service";

/** Business days left to answer a request (negative once overdue); null when no answer is due. */
export function businessDaysLeft(status: AgreementStatus, dueAt: Date | null, now: Date): number | null {
  if (!dueAt || (status !== "ENVIADA" && status !== "EN_REVISION")) return null;
  const today = localDateOf(now);
  const due = localDateOf(dueAt);
  return now <= dueAt ? businessDaysBetween(today, due) : -businessDaysBetween(due, today);
}

let lastSweepMs = 0;

/** The network-wide sweep on list reads, at most every few seconds per process (the job runs it every minute too). */
export async function sweepDeadlines(now: Date): Promise<void> {
  if (Math.abs(now.getTime() - lastSweepMs) < 5_000) return;
  lastSweepMs = now.getTime();
  await applyDeadlines(now);
}

/**
 * Expires requests whose answer deadline passed, ends agreements past their end date, and warns
 * providers once when a deadline is near. Rows another transaction holds are skipped (it will
 * see the deadline itself). With `onlyId`, looks at that agreement alone.
 */
export async function applyDeadlines(now: Date, onlyId?: string): Promise<{ expired: number; ended: number; warned: number }> {
  const db = getDb();
  const scope = onlyId ? Prisma.sql`AND id = ${onlyId}::uuid` : Prisma.empty;
  const counts = { expired: 0, ended: 0, warned: 0 };
  for (const [action, sql] of [
    ["expire", Prisma.sql`SELECT id FROM agreement WHERE status IN ('ENVIADA', 'EN_REVISION') AND due_at < ${now} ${scope} ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 200`],
    ["end", Prisma.sql`SELECT id FROM agreement WHERE status IN ('VIGENTE', 'SUSPENDIDA') AND valid_until < ${now} ${scope} ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 200`],
  ] as const) {
    await db.$transaction(async (tx) => {
      const ids = await tx.$queryRaw<{ id: string }[]>(sql);
      for (const { id } of ids) {
        const row = await tx.agreement.findUniqueOrThrow({ where: { id }, include });
        await applyAction(tx, row, action, {}, null, new Set(["system"]), now);
      }
      counts[action === "expire" ? "expired" : "ended"] += ids.length;
    });
  }
  if (!onlyId) {
    await db.$transaction(async (tx) => {
      const candidates = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM agreement WHERE status IN ('ENVIADA', 'EN_REVISION') AND deadline_warnings < ${DEADLINE_WARNINGS.length} AND due_at >= ${now}
        ORDER BY due_at FOR UPDATE SKIP LOCKED LIMIT 200`;
      for (const { id } of candidates) {
        const row = await tx.agreement.findUniqueOrThrow({ where: { id }, include });
        const left = businessDaysLeft(row.status, row.dueAt, now);
        if (left === null) continue;
        // The warnings due by now (a request sent with four days left gets the five-day one at once);
        // one notification however many are due, and never one already sent.
        const due = DEADLINE_WARNINGS.filter((days) => left <= days).length;
        if (due <= row.deadlineWarnings) continue;
        await tx.agreement.update({ where: { id }, data: { deadlineWarnings: due } });
        const days = left === 1 ? "Queda 1 día hábil" : left === 0 ? "Hoy vence el plazo" : `Quedan ${left} días hábiles`;
        await notify(
          tx,
          noteAbout(row, row.providerCode, "PLAZO_PROXIMO", "Plazo por vencer", `${days} para responder la solicitud de ${row.consumer.name} por «${row.service.name}» (vence el ${formatDateTime(row.dueAt!)}).`),
        );
        counts.warned++;
      }
    });
  }
  return counts;
}
