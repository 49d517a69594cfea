import "server-only";
import crypto from "node:crypto";
import { actionsFor, AGREEMENT_STATUS_LABELS, AGREEMENT_TRANSITIONS, decideTransition, suspendingParty, type AgreementAction, type Party } from "@/lib/agreements/transitions";
import { businessDaysBetween, deadlineAfter, addBusinessDays, endOfLocalDay, localDateOf } from "@/lib/agreements/business-days";
import type { TAgreement, TAgreementCreate, TAgreementListQuery, TAgreementPage, TAgreementSummary, TAgreementTransition, TAgreementUpdate } from "@/lib/agreements/schemas";
import { recordAudit } from "@/lib/audit/record";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/session";
import { clock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { AppError, ValidationError, type ErrorIssue } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AgreementStatus, Environment } from "@/lib/generated/prisma/enums";
import { notify, type NewNotification } from "@/lib/notifications/service";
import { pdfPageCount } from "@/lib/agreements/pdf";

type Tx = Prisma.TransactionClient;

/** The provider answers within 15 business days, extendable once by 5. */
export const ANSWER_BUSINESS_DAYS = 15;
export const EXTENSION_BUSINESS_DAYS = 5;
/** A deadline this close (business days) notifies the provider once. */
export const DEADLINE_WARNING_BUSINESS_DAYS = 3;
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
const EDITABLE_TERMS: AgreementStatus[] = ["BORRADOR", "ENVIADA", "EN_REVISION", "EN_MEDIACION"];

const notFound = (id: string) => `No existe el acuerdo ${id}.`;

const include = {
  consumer: { select: { code: true, name: true } },
  service: { select: { id: true, name: true, institutionCode: true, tps: true, availability: true, approvalPolicy: true, status: true, environments: true, institution: { select: { code: true, name: true } } } },
  procedures: { include: { procedure: { select: { code: true, name: true } } }, orderBy: { procedureCode: "asc" } },
  signatures: { orderBy: { signedAt: "asc" } },
  documents: { select: { id: true, filename: true, size: true, sha256: true, uploadedByRun: true, createdAt: true }, orderBy: { createdAt: "asc" } },
  events: { orderBy: { id: "asc" } },
} satisfies Prisma.AgreementInclude;

type Row = Prisma.AgreementGetPayload<{ include: typeof include }>;

// ---------------------------------------------------------------------------------------------
// Who is who

/** The actor's parts in an agreement between `consumer` and `provider`. */
export function partiesOf(actor: Actor | null, a: { consumerCode: string; providerCode: string }): Set<Party> {
  const p = new Set<Party>();
  if (!actor) return p;
  if (can(actor, "agreement.submit", a.consumerCode)) p.add("consumer_admin");
  if (can(actor, "agreement.sign", a.consumerCode)) p.add("consumer_head");
  if (can(actor, "agreement.review", a.providerCode)) p.add("provider_admin");
  if (can(actor, "agreement.sign", a.providerCode)) p.add("provider_head");
  if (can(actor, "agreement.mediate")) p.add("platform");
  return p;
}

/** Members of either institution and the platform team see an agreement; for anyone else it does not exist. */
function assertVisible(actor: Actor | null, a: { id: string; status: AgreementStatus; consumerCode: string; providerCode: string }) {
  const consumer = !!actor && can(actor, "institution.read_private", a.consumerCode);
  // A draft is the consumer's own business until it is sent.
  const others = a.status !== "BORRADOR" && !!actor && (can(actor, "institution.read_private", a.providerCode) || can(actor, "agreement.mediate"));
  if (!consumer && !others) throw new AppError("not_found", notFound(a.id));
}

// ---------------------------------------------------------------------------------------------
// Reading

export function businessDaysLeft(status: AgreementStatus, dueAt: Date | null, now: Date): number | null {
  if (!dueAt || (status !== "ENVIADA" && status !== "EN_REVISION")) return null;
  const today = localDateOf(now);
  const due = localDateOf(dueAt);
  return now <= dueAt ? businessDaysBetween(today, due) : -businessDaysBetween(due, today);
}

type SummaryRow = Prisma.AgreementGetPayload<{
  include: { consumer: { select: { code: true; name: true } }; service: { select: { id: true; name: true; institution: { select: { code: true; name: true } } } } };
}>;

function toSummary(r: SummaryRow, now: Date): TAgreementSummary {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    environment: r.environment,
    type: r.type,
    service: { id: r.service.id, name: r.service.name },
    consumer: r.consumer,
    provider: r.service.institution,
    dueAt: r.dueAt?.toISOString() ?? null,
    businessDaysLeft: businessDaysLeft(r.status, r.dueAt, now),
    updatedAt: r.updatedAt.toISOString(),
  };
}

async function namesOf(tx: Tx, runs: (string | null)[]) {
  const unique = [...new Set(runs.filter((r): r is string => !!r))];
  const people = unique.length ? await tx.person.findMany({ where: { run: { in: unique } }, select: { run: true, givenNames: true, familyNames: true } }) : [];
  const names = new Map(people.map((p) => [p.run, `${p.givenNames} ${p.familyNames}`]));
  return (run: string | null) => (run ? (names.get(run) ?? run) : null);
}

async function toAgreement(tx: Tx, r: Row, actor: Actor | null, now: Date): Promise<TAgreement> {
  const name = await namesOf(tx, [...r.events.map((e) => e.actorRun), ...r.signatures.map((s) => s.signerRun), ...r.documents.map((d) => d.uploadedByRun)]);
  const parties = partiesOf(actor, r);
  let terms: TAgreement["terms"] = null;
  if (r.termsSha256) {
    const doc = r.termsDocumentId ? r.documents.find((d) => d.id === r.termsDocumentId) : undefined;
    terms = doc
      ? { kind: "DOCUMENT", title: doc.filename, sha256: r.termsSha256, documentId: doc.id, standardVersion: null }
      : { kind: "STANDARD", title: `Términos y condiciones estándar de la Red, versión ${r.standardTermsVersion}`, sha256: r.termsSha256, documentId: null, standardVersion: r.standardTermsVersion };
  }
  return {
    ...toSummary(r, now),
    procedures: r.procedures.map((p) => p.procedure),
    legalBasis: r.legalBasis,
    declaredVolume: r.declaredVolume,
    mode: r.mode,
    requestedTps: r.requestedTps,
    requestedUntil: r.requestedUntil ? r.requestedUntil.toISOString().slice(0, 10) : null,
    grantedTps: r.grantedTps,
    grantedAvailability: r.grantedAvailability === null ? null : Number(r.grantedAvailability),
    validUntil: r.validUntil?.toISOString() ?? null,
    extended: r.extended,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    inForceSince: r.inForceSince?.toISOString() ?? null,
    terms,
    signatures: r.signatures.map((s) => ({ side: s.side, signer: name(s.signerRun)!, signedAt: s.signedAt.toISOString(), termsSha256: s.termsSha256 })),
    documents: r.documents.map((d) => ({ id: d.id, filename: d.filename, size: d.size, sha256: d.sha256, uploadedBy: name(d.uploadedByRun)!, createdAt: d.createdAt.toISOString() })),
    events: r.events.map((e) => ({ action: e.action, from: e.fromStatus, to: e.toStatus, actor: name(e.actorRun), reason: e.reason, data: e.data ?? null, at: e.at.toISOString() })),
    viewerRoles: [...parties],
    suspendedBy: r.suspendedBy,
    allowedActions: actionsFor(r.status, parties, r).filter((a) => (a !== "sign" || signingSide(r, parties) !== null) && (a !== "extend" || !r.extended)),
  };
}

export async function getAgreement(id: string, actor: Actor | null): Promise<TAgreement> {
  const now = clock.now();
  await applyDeadlines(now, id);
  const db = getDb();
  const row = await db.agreement.findUnique({ where: { id }, include });
  if (!row) throw new AppError("not_found", notFound(id));
  assertVisible(actor, row);
  return toAgreement(db, row, actor, now);
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
  return { data: rows.map((r) => toSummary(r, now)), pagination: { page: query.page, pageSize: query.pageSize, total, totalPages: Math.max(1, Math.ceil(total / query.pageSize)) } };
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
  return rows.map((r) => ({ id: r.id, consumer: r.consumerCode, service: r.serviceId, tps: r.grantedTps ?? r.requestedTps, validUntil: r.validUntil?.toISOString() ?? null }));
}

// ---------------------------------------------------------------------------------------------
// Creating and editing a request

type RequestFields = Pick<TAgreementCreate, "environment" | "procedures" | "requestedTps">;

async function checkRequest(tx: Tx, consumer: string, serviceId: string, f: RequestFields) {
  const service = await tx.service.findUnique({ where: { id: serviceId }, select: { id: true, name: true, status: true, institutionCode: true, tps: true, environments: true, approvalPolicy: true, availability: true } });
  if (!service || service.status === "DRAFT") throw new ValidationError([{ path: "service", message: `No existe el servicio ${serviceId} en el catálogo.` }]);
  const issues: ErrorIssue[] = [];
  if (service.status !== "PUBLISHED") issues.push({ path: "service", message: `El servicio ${serviceId} no recibe solicitudes nuevas (está ${service.status === "DEPRECATED" ? "obsoleto" : "retirado"}).` });
  if (service.institutionCode === consumer) issues.push({ path: "service", message: "Una institución no puede solicitar acceso a su propio servicio." });
  if (!service.environments.includes(f.environment)) issues.push({ path: "environment", message: `El servicio no se ofrece en el ambiente ${f.environment}.` });
  if (f.requestedTps > service.tps) issues.push({ path: "requestedTps", message: `Excede las ${service.tps} TPS que el servicio compromete.` });
  const procs = await tx.procedure.findMany({ where: { code: { in: f.procedures } }, select: { code: true, status: true } });
  f.procedures.forEach((code, n) => {
    const p = procs.find((x) => x.code === code);
    if (!p) issues.push({ path: `procedures.${n}`, message: `No existe el trámite ${code}.` });
    else if (p.status !== "VIGENTE") issues.push({ path: `procedures.${n}`, message: `El trámite ${code} está derogado.` });
  });
  if (issues.length) throw new ValidationError(issues);
  if (f.environment === "prod") {
    const dev = await tx.agreement.findFirst({ where: { consumerCode: consumer, serviceId, environment: "dev", status: "VIGENTE" }, select: { id: true } });
    if (!dev) {
      throw new AppError("dev_agreement_required", "Para pedir acceso en producción, primero debe estar vigente un acuerdo en desarrollo para este servicio.");
    }
  }
  return service;
}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
}

const duplicate = () => new AppError("duplicate_request", "Ya existe una solicitud activa de su institución para este servicio y ambiente.");

export async function createAgreement(input: TAgreementCreate, actor: Actor): Promise<TAgreement> {
  if (!can(actor, "agreement.prepare", input.consumer)) throw new AppError("forbidden", `Solo los funcionarios de ${input.consumer} pueden preparar sus solicitudes.`);
  if (input.submit && !can(actor, "agreement.submit", input.consumer)) throw new AppError("forbidden", `Solo un/a administrador/a de ${input.consumer} puede enviar solicitudes.`);
  const now = clock.now();
  try {
    const id = await getDb().$transaction(async (tx) => {
      const service = await checkRequest(tx, input.consumer, input.service, input);
      const active = await tx.agreement.findFirst({
        where: { consumerCode: input.consumer, serviceId: input.service, environment: input.environment, status: { notIn: ["RECHAZADA", "VENCIDA", "RECHAZADA_FIRME", "TERMINADA"] } },
        select: { id: true },
      });
      if (active) throw duplicate();
      const [seq] = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('agreement_number_seq') AS n`;
      const created = await tx.agreement.create({
        data: {
          number: `ACU-${localDateOf(now).slice(0, 4)}-${String(seq!.n).padStart(6, "0")}`,
          consumerCode: input.consumer,
          serviceId: input.service,
          providerCode: service.institutionCode,
          environment: input.environment,
          type: input.type,
          legalBasis: input.legalBasis,
          declaredVolume: input.declaredVolume,
          mode: input.mode,
          requestedTps: input.requestedTps,
          requestedUntil: input.requestedUntil ? new Date(`${input.requestedUntil}T00:00:00Z`) : null,
          createdByRun: actor.run,
          procedures: { create: [...new Set(input.procedures)].map((procedureCode) => ({ procedureCode })) },
          events: { create: { action: "create", toStatus: "BORRADOR", actorRun: actor.run, at: now } },
        },
      });
      await recordAudit(tx, { actorRun: actor.run, action: "agreement.created", targetType: "agreement", targetId: created.id });
      if (input.submit) await applyAction(tx, await lockedRow(tx, created.id), "submit", {}, actor, new Set(["consumer_admin"]), now);
      return created.id;
    });
    return getAgreement(id, actor);
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate();
    throw err;
  }
}

export async function updateAgreement(id: string, patch: TAgreementUpdate, actor: Actor): Promise<TAgreement> {
  await getDb().$transaction(async (tx) => {
    const row = await lockedRow(tx, id);
    assertVisible(actor, row);
    if (!can(actor, "agreement.prepare", row.consumerCode)) throw new AppError("forbidden", `Solo los funcionarios de ${row.consumerCode} pueden editar su solicitud.`);
    if (row.status !== "BORRADOR") {
      throw new AppError("invalid_transition", `Solo se edita un borrador; el acuerdo está en estado ${AGREEMENT_STATUS_LABELS[row.status]} (${row.status}).`);
    }
    const merged = {
      environment: patch.environment ?? row.environment,
      procedures: patch.procedures ?? row.procedures.map((p) => p.procedure.code),
      requestedTps: patch.requestedTps ?? row.requestedTps,
    };
    await checkRequest(tx, row.consumerCode, row.serviceId, merged);
    await tx.agreement.update({
      where: { id },
      data: {
        environment: patch.environment,
        type: patch.type,
        legalBasis: patch.legalBasis,
        declaredVolume: patch.declaredVolume,
        mode: patch.mode,
        requestedTps: patch.requestedTps,
        requestedUntil: patch.requestedUntil === undefined ? undefined : patch.requestedUntil ? new Date(`${patch.requestedUntil}T00:00:00Z`) : null,
        ...(patch.procedures ? { procedures: { deleteMany: {}, create: [...new Set(patch.procedures)].map((procedureCode) => ({ procedureCode })) } } : {}),
      },
    });
    await recordAudit(tx, { actorRun: actor.run, action: "agreement.updated", targetType: "agreement", targetId: id, data: { fields: Object.keys(patch) } });
  }).catch((err) => {
    if (isUniqueViolation(err)) throw duplicate();
    throw err;
  });
  return getAgreement(id, actor);
}

// ---------------------------------------------------------------------------------------------
// Transitions

async function lockedRow(tx: Tx, id: string): Promise<Row> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM agreement WHERE id = ${id}::uuid FOR UPDATE`;
  if (!locked.length) throw new AppError("not_found", notFound(id));
  return tx.agreement.findUniqueOrThrow({ where: { id }, include });
}

/** Which side `parties` would sign now, or null (not a head of an unsigned side). */
function signingSide(r: { signatures: { side: "CONSUMER" | "PROVIDER" }[] }, parties: ReadonlySet<Party>): "CONSUMER" | "PROVIDER" | null {
  const signed = new Set(r.signatures.map((s) => s.side));
  if (parties.has("consumer_head") && !signed.has("CONSUMER")) return "CONSUMER";
  if (parties.has("provider_head") && !signed.has("PROVIDER")) return "PROVIDER";
  return null;
}

type Payload = Omit<TAgreementTransition, "action">;

function note(r: Row, institution: string | null, kind: NewNotification["kind"], title: string, body: string): NewNotification {
  return { institution, agreementId: r.id, kind, title: `${title} · ${r.number}`, body };
}

async function event(tx: Tx, r: Row, action: string, from: AgreementStatus, to: AgreementStatus, actorRun: string | null, now: Date, reason?: string | null, data?: Prisma.InputJsonValue) {
  await tx.agreementEvent.create({ data: { agreementId: r.id, action, fromStatus: from, toStatus: to, actorRun, reason: reason?.trim() || null, data, at: now } });
}

async function standardTerms(tx: Tx) {
  const t = await tx.standardTerms.findFirst({ orderBy: { version: "desc" } });
  if (!t) throw new Error("Standard terms are missing: run the seed.");
  return t;
}

/** Fixes service levels and terms when a request is accepted (by the provider or in mediation). */
async function acceptance(tx: Tx, r: Row, p: Payload) {
  const issues: ErrorIssue[] = [];
  if (p.grantedTps === undefined) issues.push({ path: "grantedTps", message: "Indique las TPS otorgadas." });
  else if (p.grantedTps > r.service.tps) issues.push({ path: "grantedTps", message: `No puede exceder las ${r.service.tps} TPS que el servicio compromete.` });
  let termsDocumentId: string | null = null;
  let standardTermsVersion: number | null = null;
  let termsSha256: string;
  if (p.terms?.kind === "DOCUMENT") {
    const documentId = p.terms.documentId;
    const doc = r.documents.find((d) => d.id === documentId);
    if (!doc) {
      issues.push({ path: "terms.documentId", message: "El documento de términos debe estar adjunto a este acuerdo." });
      termsSha256 = "";
    } else {
      termsDocumentId = doc.id;
      termsSha256 = doc.sha256;
    }
  } else {
    const t = await standardTerms(tx);
    standardTermsVersion = t.version;
    termsSha256 = t.sha256;
  }
  if (issues.length) throw new ValidationError(issues);
  return {
    grantedTps: p.grantedTps!,
    grantedAvailability: new Prisma.Decimal(p.grantedAvailability ?? Number(r.service.availability)),
    termsDocumentId,
    standardTermsVersion,
    termsSha256,
    validUntil: r.requestedUntil ? endOfLocalDay(r.requestedUntil.toISOString().slice(0, 10)) : null,
  };
}

async function applyAction(tx: Tx, r: Row, action: AgreementAction, p: Payload, actor: Actor | null, parties: ReadonlySet<Party>, now: Date): Promise<void> {
  const t = AGREEMENT_TRANSITIONS[action];
  const from = r.status;
  const run = actor?.run ?? null;
  const consumer = r.consumerCode;
  const provider = r.providerCode;
  const svc = `«${r.service.name}» (${r.environment})`;
  switch (action) {
    case "submit": {
      if (r.service.approvalPolicy === "AUTOMATIC") {
        // Open data: in force at once, without signatures.
        const terms = await standardTerms(tx);
        await tx.agreement.update({
          where: { id: r.id },
          data: {
            status: "VIGENTE",
            submittedAt: now,
            inForceSince: now,
            grantedTps: r.requestedTps,
            grantedAvailability: r.service.availability,
            standardTermsVersion: terms.version,
            termsSha256: terms.sha256,
            validUntil: r.requestedUntil ? endOfLocalDay(r.requestedUntil.toISOString().slice(0, 10)) : null,
          },
        });
        await event(tx, r, "submit", from, "ENVIADA", run, now);
        await event(tx, r, "automatic_approval", "ENVIADA", "VIGENTE", null, now, "Datos abiertos: aprobación automática");
        await notify(
          tx,
          note(r, consumer, "ACUERDO_VIGENTE", "Acuerdo vigente", `El acceso a ${svc} quedó vigente de inmediato (datos abiertos).`),
          note(r, provider, "ACUERDO_VIGENTE", "Acuerdo vigente", `${r.consumer.name} obtuvo acceso a ${svc} (aprobación automática).`),
        );
        return;
      }
      const dueAt = deadlineAfter(now, ANSWER_BUSINESS_DAYS);
      await tx.agreement.update({ where: { id: r.id }, data: { status: "ENVIADA", submittedAt: now, dueAt } });
      await event(tx, r, "submit", from, "ENVIADA", run, now, null, { dueAt: dueAt.toISOString() });
      const body = `${r.consumer.name} solicita acceso a ${svc}. Plazo de respuesta: 15 días hábiles.`;
      await notify(tx, note(r, provider, "SOLICITUD_NUEVA", "Nueva solicitud de acceso", body), note(r, null, "SOLICITUD_NUEVA", "Nueva solicitud en la red", body));
      return;
    }
    case "take_up":
      await tx.agreement.update({ where: { id: r.id }, data: { status: "EN_REVISION" } });
      await event(tx, r, action, from, "EN_REVISION", run, now, p.reason);
      await notify(tx, note(r, consumer, "SOLICITUD_EN_REVISION", "Solicitud en revisión", `${r.service.institution.name} revisa su solicitud de acceso a ${svc}.`));
      return;
    case "accept":
    case "mediate_accept": {
      const a = await acceptance(tx, r, p);
      await tx.agreement.update({ where: { id: r.id }, data: { status: "PENDIENTE_FIRMA", ...a } });
      const data = { grantedTps: a.grantedTps, grantedAvailability: Number(a.grantedAvailability), termsSha256: a.termsSha256 };
      await event(tx, r, action, from, "ACEPTADA", run, now, p.reason, data);
      await event(tx, r, "await_signatures", "ACEPTADA", "PENDIENTE_FIRMA", null, now);
      const body = `La solicitud de acceso a ${svc} fue aceptada con ${a.grantedTps} TPS. Falta la firma de las jefaturas de servicio.`;
      await notify(tx, note(r, consumer, "FIRMA_REQUERIDA", "Firma requerida", body), note(r, provider, "FIRMA_REQUERIDA", "Firma requerida", body));
      if (action === "mediate_accept") await notify(tx, note(r, provider, "MEDIACION_RESUELTA", "Mediación resuelta", `El equipo de la plataforma aceptó la solicitud: ${p.reason}`));
      return;
    }
    case "reject":
      await tx.agreement.update({ where: { id: r.id }, data: { status: "RECHAZADA" } });
      await event(tx, r, action, from, "RECHAZADA", run, now, p.reason);
      await notify(tx, note(r, consumer, "SOLICITUD_RESPONDIDA", "Solicitud rechazada", `${r.service.institution.name} rechazó el acceso a ${svc}: ${p.reason}. Puede pedir mediación.`));
      return;
    case "extend": {
      if (r.extended) throw new AppError("already_extended", "El plazo ya se prorrogó una vez; no admite otra prórroga.");
      const dueAt = endOfLocalDay(addBusinessDays(localDateOf(r.dueAt ?? now), EXTENSION_BUSINESS_DAYS));
      await tx.agreement.update({ where: { id: r.id }, data: { dueAt, extended: true, deadlineWarned: false } });
      await event(tx, r, action, from, from, run, now, p.reason, { previousDueAt: r.dueAt?.toISOString() ?? null, dueAt: dueAt.toISOString() });
      await notify(tx, note(r, consumer, "PLAZO_PRORROGADO", "Plazo prorrogado", `${r.service.institution.name} prorrogó por 5 días hábiles el plazo para responder: ${p.reason}`));
      return;
    }
    case "request_mediation":
      await tx.agreement.update({ where: { id: r.id }, data: { status: "EN_MEDIACION" } });
      await event(tx, r, action, from, "EN_MEDIACION", run, now, p.reason);
      await notify(
        tx,
        note(r, null, "MEDIACION_SOLICITADA", "Mediación solicitada", `${r.consumer.name} pide mediación por su solicitud de acceso a ${svc}: ${p.reason}`),
        note(r, provider, "MEDIACION_SOLICITADA", "Mediación solicitada", `${r.consumer.name} pidió la mediación del equipo de la plataforma.`),
      );
      return;
    case "mediate_reject":
      await tx.agreement.update({ where: { id: r.id }, data: { status: "RECHAZADA_FIRME" } });
      await event(tx, r, action, from, "RECHAZADA_FIRME", run, now, p.reason);
      for (const inst of [consumer, provider]) await notify(tx, note(r, inst, "MEDIACION_RESUELTA", "Mediación resuelta", `El equipo de la plataforma rechazó en forma definitiva: ${p.reason}`));
      return;
    case "sign": {
      const side = signingSide(r, parties);
      if (!side) throw new AppError("already_signed", "Su institución ya firmó este acuerdo.");
      await tx.agreementSignature.create({ data: { agreementId: r.id, side, signerRun: actor!.run, signedAt: now, termsSha256: r.termsSha256! } });
      await event(tx, r, "sign", from, from, run, now, null, { side, termsSha256: r.termsSha256 });
      if (r.signatures.length + 1 === 2) {
        await tx.agreement.update({ where: { id: r.id }, data: { status: "VIGENTE", inForceSince: now } });
        await event(tx, r, "in_force", from, "VIGENTE", null, now, "Firmado por ambas jefaturas de servicio");
        const body = `El acuerdo de acceso a ${svc} está vigente desde hoy, con ${r.grantedTps} TPS.`;
        await notify(tx, note(r, consumer, "ACUERDO_VIGENTE", "Acuerdo vigente", body), note(r, provider, "ACUERDO_VIGENTE", "Acuerdo vigente", body));
      } else {
        const other = side === "CONSUMER" ? provider : consumer;
        await notify(tx, note(r, other, "FIRMA_REQUERIDA", "Falta su firma", `La otra parte firmó el acuerdo de acceso a ${svc}; falta la firma de su jefatura de servicio.`));
      }
      return;
    }
    case "suspend":
    case "resume":
    case "terminate": {
      const to = t.to as AgreementStatus;
      // Who suspended decides who may resume (the table's guard on `resume`).
      const suspendedBy = action === "suspend" ? suspendingParty(parties) : null;
      await tx.agreement.update({ where: { id: r.id }, data: { status: to, suspendedBy } });
      await event(tx, r, action, from, to, run, now, p.reason, suspendedBy ? { suspendedBy } : undefined);
      const kind = action === "suspend" ? "ACUERDO_SUSPENDIDO" : action === "resume" ? "ACUERDO_REANUDADO" : "ACUERDO_TERMINADO";
      const title = action === "suspend" ? "Acuerdo suspendido" : action === "resume" ? "Acuerdo reanudado" : "Acuerdo terminado";
      for (const inst of [consumer, provider]) await notify(tx, note(r, inst, kind, title, `El acuerdo de acceso a ${svc} fue ${title.split(" ")[1]}: ${p.reason}`));
      return;
    }
    case "expire":
      await tx.agreement.update({ where: { id: r.id }, data: { status: "VENCIDA" } });
      await event(tx, r, action, from, "VENCIDA", null, now, "El proveedor no respondió dentro del plazo legal");
      await notify(
        tx,
        note(r, consumer, "PLAZO_VENCIDO", "Plazo vencido", `${r.service.institution.name} no respondió a tiempo su solicitud de acceso a ${svc}. Puede pedir mediación.`),
        note(r, provider, "PLAZO_VENCIDO", "Plazo vencido", `Venció el plazo para responder la solicitud de ${r.consumer.name}.`),
      );
      return;
    case "end":
      await tx.agreement.update({ where: { id: r.id }, data: { status: "TERMINADA", suspendedBy: null } });
      await event(tx, r, action, from, "TERMINADA", null, now, "Llegó su fecha de término");
      for (const inst of [consumer, provider]) await notify(tx, note(r, inst, "ACUERDO_TERMINADO", "Acuerdo terminado", `El acuerdo de acceso a ${svc} llegó a su fecha de término.`));
      return;
  }
}

export async function transitionAgreement(id: string, req: TAgreementTransition, actor: Actor): Promise<TAgreement> {
  const now = clock.now();
  await applyDeadlines(now, id);
  await getDb().$transaction(async (tx) => {
    const r = await lockedRow(tx, id);
    assertVisible(actor, r);
    const parties = partiesOf(actor, r);
    decideTransition(r.status, req.action, parties, req.reason, r);
    const { action, ...payload } = req;
    await applyAction(tx, r, action as AgreementAction, payload, actor, parties, now);
    await recordAudit(tx, { actorRun: actor.run, action: `agreement.${action}`, targetType: "agreement", targetId: id });
  });
  return getAgreement(id, actor);
}

// ---------------------------------------------------------------------------------------------
// Deadlines (the job, and on read)

/**
 * Expires requests whose answer deadline passed, ends agreements past their end date, and warns
 * providers once when a deadline is near. Rows another transaction holds are skipped (it will
 * see the deadline itself). With `onlyId`, looks at that agreement alone.
 */
let lastSweepMs = 0;

/** The network-wide sweep on list reads, at most every few seconds per process (the job runs it every minute too). */
async function sweepDeadlines(now: Date): Promise<void> {
  if (Math.abs(now.getTime() - lastSweepMs) < 5_000) return;
  lastSweepMs = now.getTime();
  await applyDeadlines(now);
}

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
        const r = await tx.agreement.findUniqueOrThrow({ where: { id }, include });
        await applyAction(tx, r, action, {}, null, new Set(["system"]), now);
      }
      counts[action === "expire" ? "expired" : "ended"] += ids.length;
    });
  }
  if (!onlyId) {
    await db.$transaction(async (tx) => {
      const candidates = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM agreement WHERE status IN ('ENVIADA', 'EN_REVISION') AND NOT deadline_warned AND due_at >= ${now}
        ORDER BY due_at FOR UPDATE SKIP LOCKED LIMIT 200`;
      for (const { id } of candidates) {
        const r = await tx.agreement.findUniqueOrThrow({ where: { id }, include });
        const left = businessDaysLeft(r.status, r.dueAt, now);
        if (left === null || left > DEADLINE_WARNING_BUSINESS_DAYS) continue;
        await tx.agreement.update({ where: { id }, data: { deadlineWarned: true } });
        await notify(
          tx,
          note(r, r.providerCode, "PLAZO_PROXIMO", "Plazo por vencer", `Quedan ${left} días hábiles para responder la solicitud de ${r.consumer.name} por «${r.service.name}».`),
        );
        counts.warned++;
      }
    });
  }
  return counts;
}

const JOB_LOCK = 7_340_001; // pg advisory lock key of the deadline job

/**
 * One run of the deadline job; only one portal instance runs it at a time. The advisory lock is
 * transaction-scoped, held by a transaction that stays open while the work runs (a session lock
 * would be taken and released on whatever pooled connection each query happens to use).
 */
export async function runDeadlineJob(): Promise<{ ran: boolean; expired: number; ended: number; warned: number }> {
  return getDb().$transaction(
    async (tx) => {
      const got = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${JOB_LOCK}) AS locked`;
      if (!got[0]?.locked) return { ran: false, expired: 0, ended: 0, warned: 0 };
      return { ran: true, ...(await applyDeadlines(clock.now())) };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

// ---------------------------------------------------------------------------------------------
// Documents

export type UploadedFile = { filename: string; mediaType: string; bytes: Uint8Array };

/** Who may attach documents, and when: the parties and the platform team, while the terms are not fixed. */
function assertMayAttach(actor: Actor, r: Parameters<typeof partiesOf>[1] & { id: string; status: AgreementStatus }) {
  assertVisible(actor, r);
  const parties = partiesOf(actor, r);
  const mayAttach = can(actor, "agreement.prepare", r.consumerCode) || parties.has("provider_admin") || parties.has("platform");
  if (!mayAttach) throw new AppError("forbidden", "Solo las partes del acuerdo pueden adjuntar documentos.");
  if (!EDITABLE_TERMS.includes(r.status)) {
    throw new AppError("terms_fixed", `Los términos ya están fijados: el acuerdo está en estado ${AGREEMENT_STATUS_LABELS[r.status]} (${r.status}).`);
  }
}

/** Checks, before an upload is read, that `actor` may attach a document to the agreement now. */
export async function checkDocumentUpload(id: string, actor: Actor): Promise<void> {
  const r = await getDb().agreement.findUnique({ where: { id }, select: { id: true, status: true, consumerCode: true, providerCode: true } });
  if (!r) throw new AppError("not_found", notFound(id));
  assertMayAttach(actor, r);
}

/**
 * Attaches a PDF (terms or supporting document) while the terms are not yet fixed: at most
 * 10 MB (413), and a PDF that PDF.js opens with at least one page (422).
 */
export async function attachDocument(id: string, file: UploadedFile, actor: Actor): Promise<TAgreement> {
  const now = clock.now();
  if (file.bytes.byteLength > MAX_DOCUMENT_BYTES) throw new AppError("payload_too_large", "El archivo supera el máximo de 10 MB.");
  const issues: ErrorIssue[] = [];
  const header = Buffer.from(file.bytes.subarray(0, 5)).toString("latin1");
  if (file.bytes.byteLength === 0) issues.push({ path: "file", message: "El archivo está vacío." });
  else if (file.mediaType !== "application/pdf" || header !== "%PDF-") issues.push({ path: "file", message: "Solo se aceptan documentos PDF." });
  else if (((await pdfPageCount(file.bytes)) ?? 0) < 1) issues.push({ path: "file", message: "El archivo no es un PDF legible con al menos una página." });
  await getDb().$transaction(async (tx) => {
    const r = await lockedRow(tx, id);
    assertMayAttach(actor, r);
    if (issues.length) throw new ValidationError(issues);
    const sha256 = crypto.createHash("sha256").update(file.bytes).digest("hex");
    const filename = file.filename.replace(/[\\/\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "_").slice(0, 200) || "documento.pdf";
    const doc = await tx.agreementDocument.create({
      data: { agreementId: id, filename, mediaType: "application/pdf", size: file.bytes.byteLength, sha256, content: Buffer.from(file.bytes), uploadedByRun: actor.run, createdAt: now },
    });
    await event(tx, r, "attach_document", r.status, r.status, actor.run, now, null, { documentId: doc.id, filename, sha256 });
    await recordAudit(tx, { actorRun: actor.run, action: "agreement.document_attached", targetType: "agreement", targetId: id, data: { documentId: doc.id, sha256 } });
  });
  return getAgreement(id, actor);
}

export async function getDocument(id: string, documentId: string, actor: Actor): Promise<{ filename: string; sha256: string; bytes: Uint8Array }> {
  const db = getDb();
  const r = await db.agreement.findUnique({ where: { id }, select: { id: true, status: true, consumerCode: true, providerCode: true } });
  if (!r) throw new AppError("not_found", notFound(id));
  assertVisible(actor, r);
  const doc = await db.agreementDocument.findFirst({ where: { id: documentId, agreementId: id } });
  if (!doc) throw new AppError("not_found", "No existe ese documento en el acuerdo.");
  return { filename: doc.filename, sha256: doc.sha256, bytes: doc.content };
}

/** The standard terms, for reading before signing. */
export async function getStandardTerms(version?: number) {
  const db = getDb();
  return version ? db.standardTerms.findUnique({ where: { version } }) : db.standardTerms.findFirst({ orderBy: { version: "desc" } });
}
