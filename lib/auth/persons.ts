import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";

/**
 * Creates or refreshes the person at sign-in (names come from ClaveÚnica each time). The address
 * ClaveÚnica gives becomes the person's own (verified there: confirmed at once), unless the
 * person typed one on /cuenta (source PERSONA): theirs wins. No address from ClaveÚnica leaves
 * the stored one as it is.
 */
export async function recordSignIn(identity: { run: string; givenNames: string; familyNames: string; email?: string | null }): Promise<void> {
  const db = getDb();
  const now = new Date();
  await db.$transaction(async (tx) => {
    const names = { givenNames: identity.givenNames, familyNames: identity.familyNames };
    const before = await tx.person.findUnique({ where: { run: identity.run }, select: { email: true, emailSource: true } });
    const fromIdp = identity.email && before?.emailSource !== "PERSONA" && before?.email !== identity.email;
    const email = fromIdp ? { email: identity.email, emailSource: "CLAVEUNICA" as const, emailConfirmedAt: now } : {};
    await tx.person.upsert({
      where: { run: identity.run },
      create: { run: identity.run, ...names, ...email, lastSignInAt: now },
      update: { ...names, ...email, lastSignInAt: now },
    });
    await recordAudit(tx, { actorRun: identity.run, action: "person.signed_in", targetType: "person", targetId: identity.run });
  });
}
