import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EntityType } from "@/lib/generated/prisma/enums";

type Tx = Prisma.TransactionClient;

export type LifecycleEventInput = {
  entityType: EntityType;
  entityId: string;
  action: string;
  from: string | null;
  to: string;
  actorRun: string | null;
  reason?: string | null;
  /** When it happened (default: now, by the database). */
  at?: Date;
};

/** Writes the event of a state change (who, when, from, to, why) inside the caller's transaction. */
export async function recordLifecycleEvent(tx: Tx, e: LifecycleEventInput): Promise<void> {
  await tx.lifecycleEvent.create({
    data: { entityType: e.entityType, entityId: e.entityId, action: e.action, fromStatus: e.from, toStatus: e.to, actorRun: e.actorRun, reason: e.reason?.trim() || null, at: e.at },
  });
}

/** The history of one entity, oldest first, with the actors' names. */
export async function loadLifecycleEvents(tx: Tx, entityType: EntityType, entityId: string) {
  const events = await tx.lifecycleEvent.findMany({ where: { entityType, entityId }, orderBy: { id: "asc" } });
  const runs = [...new Set(events.map((e) => e.actorRun).filter((r): r is string => !!r))];
  const people = runs.length ? await tx.person.findMany({ where: { run: { in: runs } }, select: { run: true, givenNames: true, familyNames: true } }) : [];
  const names = new Map(people.map((p) => [p.run, `${p.givenNames} ${p.familyNames}`]));
  return events.map((e) => ({
    action: e.action,
    from: e.fromStatus,
    to: e.toStatus,
    actor: e.actorRun ? (names.get(e.actorRun) ?? e.actorRun) : null,
    reason: e.reason,
    at: e.at.toISOString(),
  }));
}
