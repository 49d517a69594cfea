import "server-only";
import { applyDeadlines } from "@/lib/agreements/deadlines";
import { applyAction } from "@/lib/agreements/effects";
import { readAgreement } from "@/lib/agreements/read";
import { assertVisible, lockedRow, partiesOf } from "@/lib/agreements/rows";
import type { TAgreement, TAgreementTransition } from "@/lib/agreements/schemas";
import { decideTransition, type AgreementAction } from "@/lib/agreements/transitions";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/session";
import { clock } from "@/lib/clock";
import { getDb } from "@/lib/db";

/**
 * A person takes an action on an agreement. Its deadlines are applied once, first (an overdue
 * request is VENCIDA before anyone can act on it); the table decides whether the actor may, from
 * this state, with this reason; the row is locked so two actions cannot start from one state. The
 * answer is the agreement as it now is.
 */
export async function transitionAgreement(id: string, request: TAgreementTransition, actor: Actor): Promise<TAgreement> {
  const now = clock.now();
  await applyDeadlines(now, id);
  return getDb().$transaction(async (tx) => {
    const row = await lockedRow(tx, id);
    assertVisible(actor, row);
    const parties = partiesOf(actor, row);
    decideTransition(row.status, request.action, parties, request.reason, row);
    const { action, ...payload } = request;
    await applyAction(tx, row, action as AgreementAction, payload, actor, parties, now);
    await recordAudit(tx, { actorRun: actor.run, action: `agreement.${action}`, targetType: "agreement", targetId: id });
    return readAgreement(tx, id, actor, now);
  });
}
