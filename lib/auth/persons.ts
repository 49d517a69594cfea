import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";

/** Creates or refreshes the person at sign-in (names come from ClaveÚnica each time). */
export async function recordSignIn(identity: { run: string; givenNames: string; familyNames: string }): Promise<void> {
  const db = getDb();
  const now = new Date();
  await db.$transaction(async (tx) => {
    const names = { givenNames: identity.givenNames, familyNames: identity.familyNames };
    await tx.person.upsert({
      where: { run: identity.run },
      create: { run: identity.run, ...names, lastSignInAt: now },
      update: { ...names, lastSignInAt: now },
    });
    await recordAudit(tx, { actorRun: identity.run, action: "person.signed_in", targetType: "person", targetId: identity.run });
  });
}
