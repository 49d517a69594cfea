import "server-only";
import type { Party } from "@/lib/agreements/transitions";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AgreementStatus } from "@/lib/generated/prisma/enums";
import type { NewNotification } from "@/lib/notifications/service";

/**
 * What every part of the agreements service shares: the row as it is loaded (with its service,
 * procedures, signatures, documents and events), who is who in it, who may see it, the row lock,
 * and how an event and a notification about it are written.
 */
export type Tx = Prisma.TransactionClient;

export const include = {
  consumer: { select: { code: true, name: true } },
  service: { select: { id: true, name: true, institutionCode: true, tps: true, availability: true, approvalPolicy: true, status: true, environments: true, institution: { select: { code: true, name: true } } } },
  procedures: { include: { procedure: { select: { code: true, name: true } } }, orderBy: { procedureCode: "asc" } },
  signatures: { orderBy: { signedAt: "asc" } },
  documents: { select: { id: true, filename: true, size: true, sha256: true, uploadedByRun: true, createdAt: true }, orderBy: { createdAt: "asc" } },
  events: { orderBy: { id: "asc" } },
} satisfies Prisma.AgreementInclude;

export type AgreementRow = Prisma.AgreementGetPayload<{ include: typeof include }>;

export const notFoundMessage = (id: string) => `No existe el acuerdo ${id}.`;

/** The actor's parts in an agreement between `consumer` and `provider`. */
export function partiesOf(actor: Actor | null, agreement: { consumerCode: string; providerCode: string }): Set<Party> {
  const parties = new Set<Party>();
  if (!actor) return parties;
  if (can(actor, "agreement.submit", agreement.consumerCode)) parties.add("consumer_admin");
  if (can(actor, "agreement.sign", agreement.consumerCode)) parties.add("consumer_head");
  if (can(actor, "agreement.review", agreement.providerCode)) parties.add("provider_admin");
  if (can(actor, "agreement.sign", agreement.providerCode)) parties.add("provider_head");
  if (can(actor, "agreement.mediate")) parties.add("platform");
  return parties;
}

/**
 * Members of either institution and the platform team see an agreement, except a draft, which is
 * the consumer's own business until it is sent; for anyone else it does not exist (404).
 */
export function assertVisible(actor: Actor | null, agreement: { id: string; status: AgreementStatus; consumerCode: string; providerCode: string }) {
  const consumer = !!actor && can(actor, "institution.read_private", agreement.consumerCode);
  const others =
    agreement.status !== "BORRADOR" && !!actor && (can(actor, "institution.read_private", agreement.providerCode) || can(actor, "agreement.mediate"));
  if (!consumer && !others) throw new AppError("not_found", notFoundMessage(agreement.id));
}

/** The row, locked until the transaction ends (`SELECT … FOR UPDATE`): two actions cannot both start from one state. */
export async function lockedRow(tx: Tx, id: string): Promise<AgreementRow> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM agreement WHERE id = ${id}::uuid FOR UPDATE`;
  if (!locked.length) throw new AppError("not_found", notFoundMessage(id));
  return tx.agreement.findUniqueOrThrow({ where: { id }, include });
}

/** Which side `parties` would sign now, or null (not a head of an unsigned side). */
export function signingSide(agreement: { signatures: { side: "CONSUMER" | "PROVIDER" }[] }, parties: ReadonlySet<Party>): "CONSUMER" | "PROVIDER" | null {
  const signed = new Set(agreement.signatures.map((s) => s.side));
  if (parties.has("consumer_head") && !signed.has("CONSUMER")) return "CONSUMER";
  if (parties.has("provider_head") && !signed.has("PROVIDER")) return "PROVIDER";
  return null;
}

/** An event of the agreement's history: who, when, from, to, why, and the action's data. */
export async function recordEvent(
  tx: Tx,
  agreement: { id: string },
  e: { action: string; from: AgreementStatus; to: AgreementStatus; actorRun: string | null; at: Date; reason?: string | null; data?: Prisma.InputJsonValue },
) {
  await tx.agreementEvent.create({
    data: { agreementId: agreement.id, action: e.action, fromStatus: e.from, toStatus: e.to, actorRun: e.actorRun, reason: e.reason?.trim() || null, data: e.data, at: e.at },
  });
}

/** A notification about the agreement for an institution (null: the platform team), titled with its number. */
export function noteAbout(agreement: { id: string; number: string }, institution: string | null, kind: NewNotification["kind"], title: string, body: string): NewNotification {
  return { institution, agreementId: agreement.id, kind, title: `${title} · ${agreement.number}`, body };
}
