import "server-only";
import { applyDeadlines, businessDaysLeft, sweepDeadlines } from "@/lib/agreements/deadlines";
import { assertVisible, include, notFoundMessage, partiesOf, signingSide, type AgreementRow, type Tx } from "@/lib/agreements/rows";
import type { TAgreement, TAgreementListQuery, TAgreementPage, TAgreementSummary } from "@/lib/agreements/schemas";
import { ACTIVE_STATUSES, actionsFor } from "@/lib/agreements/transitions";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/session";
import { clock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AgreementStatus, Environment } from "@/lib/generated/prisma/enums";

/** Reading agreements: one with everything the page shows, the inboxes, and those in force for the nodes. */

type SummaryRow = Prisma.AgreementGetPayload<{
  include: { consumer: { select: { code: true; name: true } }; service: { select: { id: true; name: true; institution: { select: { code: true; name: true } } } } };
}>;

function toSummary(row: SummaryRow, now: Date): TAgreementSummary {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    environment: row.environment,
    type: row.type,
    service: { id: row.service.id, name: row.service.name },
    consumer: row.consumer,
    provider: row.service.institution,
    dueAt: row.dueAt?.toISOString() ?? null,
    businessDaysLeft: businessDaysLeft(row.status, row.dueAt, now),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function namesOf(tx: Tx, runs: (string | null)[]) {
  const unique = [...new Set(runs.filter((r): r is string => !!r))];
  const people = unique.length ? await tx.person.findMany({ where: { run: { in: unique } }, select: { run: true, givenNames: true, familyNames: true } }) : [];
  const names = new Map(people.map((p) => [p.run, `${p.givenNames} ${p.familyNames}`]));
  return (run: string | null) => (run ? (names.get(run) ?? run) : null);
}

/** While signatures are awaited: each side that has not signed, and its head of service (the one membership that signs). */
async function missingSignatures(tx: Tx, row: AgreementRow): Promise<TAgreement["missingSignatures"]> {
  if (row.status !== "PENDIENTE_FIRMA") return [];
  const signed = new Set(row.signatures.map((signature) => signature.side));
  const sides = (["CONSUMER", "PROVIDER"] as const)
    .filter((side) => !signed.has(side))
    .map((side) => ({ side, institution: side === "CONSUMER" ? row.consumer : row.service.institution }));
  const heads = await tx.membership.findMany({
    where: { headOfService: true, institutionCode: { in: sides.map((entry) => entry.institution.code) } },
    select: { institutionCode: true, person: { select: { givenNames: true, familyNames: true } } },
  });
  return sides.map((entry) => {
    const head = heads.find((membership) => membership.institutionCode === entry.institution.code);
    return { ...entry, headOfService: head ? `${head.person.givenNames} ${head.person.familyNames}` : null };
  });
}

async function toAgreement(tx: Tx, row: AgreementRow, actor: Actor | null, now: Date): Promise<TAgreement> {
  const name = await namesOf(tx, [...row.events.map((event) => event.actorRun), ...row.signatures.map((signature) => signature.signerRun), ...row.documents.map((document) => document.uploadedByRun)]);
  const parties = partiesOf(actor, row);
  let terms: TAgreement["terms"] = null;
  if (row.termsSha256) {
    const termsDocument = row.termsDocumentId ? row.documents.find((document) => document.id === row.termsDocumentId) : undefined;
    terms = termsDocument
      ? { kind: "DOCUMENT", title: termsDocument.filename, sha256: row.termsSha256, documentId: termsDocument.id, standardVersion: null }
      : { kind: "STANDARD", title: `Términos y condiciones estándar de la Red, versión ${row.standardTermsVersion}`, sha256: row.termsSha256, documentId: null, standardVersion: row.standardTermsVersion };
  }
  return {
    ...toSummary(row, now),
    missingSignatures: await missingSignatures(tx, row),
    procedures: row.procedures.map((link) => link.procedure),
    legalBasis: row.legalBasis,
    declaredVolume: row.declaredVolume,
    mode: row.mode,
    requestedTps: row.requestedTps,
    requestedUntil: row.requestedUntil ? row.requestedUntil.toISOString().slice(0, 10) : null,
    grantedTps: row.grantedTps,
    grantedAvailability: row.grantedAvailability === null ? null : Number(row.grantedAvailability),
    validUntil: row.validUntil?.toISOString() ?? null,
    extended: row.extended,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    inForceSince: row.inForceSince?.toISOString() ?? null,
    terms,
    signatures: row.signatures.map((signature) => ({ side: signature.side, signer: name(signature.signerRun)!, signedAt: signature.signedAt.toISOString(), termsSha256: signature.termsSha256 })),
    documents: row.documents.map((document) => ({ id: document.id, filename: document.filename, size: document.size, sha256: document.sha256, uploadedBy: name(document.uploadedByRun)!, createdAt: document.createdAt.toISOString() })),
    events: row.events.map((event) => ({ action: event.action, from: event.fromStatus, to: event.toStatus, actor: name(event.actorRun), reason: event.reason, data: event.data ?? null, at: event.at.toISOString() })),
    viewerRoles: [...parties],
    suspendedBy: row.suspendedBy,
    allowedActions: actionsFor(row.status, parties, row).filter((action) => (action !== "sign" || signingSide(row, parties) !== null) && (action !== "extend" || !row.extended)),
  };
}

/** An agreement as `actor` may see it, as it is now (deadlines already applied by the caller). */
export async function readAgreement(db: Tx, id: string, actor: Actor | null, now: Date): Promise<TAgreement> {
  const row = await db.agreement.findUnique({ where: { id }, include });
  if (!row) throw new AppError("not_found", notFoundMessage(id));
  assertVisible(actor, row);
  return toAgreement(db, row, actor, now);
}

/** An agreement, once its deadlines are applied (an overdue request becomes VENCIDA before anyone reads it). */
export async function getAgreement(id: string, actor: Actor | null): Promise<TAgreement> {
  const now = clock.now();
  await applyDeadlines(now, id);
  return readAgreement(getDb(), id, actor, now);
}

/** An institution's incoming (as provider) or outgoing (as consumer) agreements; everything for the platform team. */
export async function listAgreements(query: TAgreementListQuery, actor: Actor): Promise<TAgreementPage> {
  const now = clock.now();
  await sweepDeadlines(now);
  const where: Prisma.AgreementWhereInput = {};
  if (query.institution) {
    if (!can(actor, "institution.read_private", query.institution) && !can(actor, "agreement.mediate")) {
      throw new AppError("forbidden", "Solo los miembros de la institución ven sus acuerdos.");
    }
    const inst = query.institution;
    where.OR =
      query.direction === "incoming" ? [{ providerCode: inst }] : query.direction === "outgoing" ? [{ consumerCode: inst }] : [{ providerCode: inst }, { consumerCode: inst }];
    // Drafts are the consumer's own business.
    if (query.direction !== "outgoing") where.NOT = { status: "BORRADOR", providerCode: inst };
  } else if (!can(actor, "agreement.mediate")) {
    throw new AppError("forbidden", "Indique la institución cuyos acuerdos quiere ver.");
  } else {
    where.status = { not: "BORRADOR" };
  }
  if (query.status) where.status = query.status;
  if (query.environment) where.environment = query.environment;
  const db = getDb();
  const summaryInclude = { consumer: { select: { code: true, name: true } }, service: { select: { id: true, name: true, institution: { select: { code: true, name: true } } } } };
  const [total, rows] = await db.$transaction([
    db.agreement.count({ where }),
    db.agreement.findMany({ where, include: summaryInclude, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
  ]);
  return { data: rows.map((row) => toSummary(row, now)), pagination: { page: query.page, pageSize: query.pageSize, total, totalPages: Math.max(1, Math.ceil(total / query.pageSize)) } };
}

/** A request or agreement still active (not closed) of one of the actor's institutions for a service. */
export type ActiveRequest = { id: string; number: string; status: AgreementStatus; environment: Environment; consumer: { code: string; name: string } };

/**
 * The active requests and agreements (every status but the closed ones, drafts included) that the
 * actor's institutions have for `serviceId`: what the service page links to instead of a new request.
 */
export async function listActiveRequestsForService(serviceId: string, actor: Actor | null): Promise<ActiveRequest[]> {
  const institutions = actor ? actor.memberships.filter((m) => can(actor, "institution.read_private", m.institutionCode)).map((m) => m.institutionCode) : [];
  if (institutions.length === 0) return [];
  const rows = await getDb().agreement.findMany({
    where: { serviceId, consumerCode: { in: institutions }, status: { in: [...ACTIVE_STATUSES] } },
    select: { id: true, number: true, status: true, environment: true, consumer: { select: { code: true, name: true } } },
    orderBy: [{ consumerCode: "asc" }, { environment: "asc" }, { createdAt: "asc" }],
  });
  return rows;
}

/** Agreements in force for the signed network configuration: who may call which service, how fast. */
export async function listAgreementsInForce(environment: Environment): Promise<{ id: string; consumer: string; service: string; tps: number; validUntil: string | null }[]> {
  const now = clock.now();
  await sweepDeadlines(now);
  const rows = await getDb().agreement.findMany({
    where: { environment, status: "VIGENTE", OR: [{ validUntil: null }, { validUntil: { gt: now } }] },
    select: { id: true, consumerCode: true, serviceId: true, grantedTps: true, requestedTps: true, validUntil: true },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => ({ id: row.id, consumer: row.consumerCode, service: row.serviceId, tps: row.grantedTps ?? row.requestedTps, validUntil: row.validUntil?.toISOString() ?? null }));
}
