import "server-only";
import { localDateOf } from "@/lib/agreements/business-days";
import { applyAction } from "@/lib/agreements/effects";
import { readAgreement } from "@/lib/agreements/read";
import { assertVisible, lockedRow, type Tx } from "@/lib/agreements/rows";
import type { TAgreement, TAgreementCreate, TAgreementUpdate } from "@/lib/agreements/schemas";
import { AGREEMENT_STATUS_LABELS, CLOSED_STATUSES } from "@/lib/agreements/transitions";
import { recordAudit } from "@/lib/audit/record";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/session";
import { clock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { AppError, ValidationError, type ErrorIssue } from "@/lib/errors";
import { environmentLabel } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * A consumer's request for a service: its checks (the service is published and offered in that
 * environment, the TPS fit, the procedures are in force, prod needs dev in force), one active
 * request per consumer, service and environment, and edits while it is a draft.
 */

type RequestFields = Pick<TAgreementCreate, "environment" | "procedures" | "requestedTps">;

async function checkRequest(tx: Tx, consumer: string, serviceId: string, fields: RequestFields) {
  const service = await tx.service.findUnique({ where: { id: serviceId }, select: { id: true, name: true, status: true, institutionCode: true, tps: true, environments: true, approvalPolicy: true, availability: true } });
  if (!service || service.status === "DRAFT") throw new ValidationError([{ path: "service", message: `No existe el servicio ${serviceId} en el catálogo.` }]);
  const issues: ErrorIssue[] = [];
  if (service.status !== "PUBLISHED") issues.push({ path: "service", message: `El servicio ${serviceId} no recibe solicitudes nuevas (está ${service.status === "DEPRECATED" ? "obsoleto" : "retirado"}).` });
  if (service.institutionCode === consumer) issues.push({ path: "service", message: "Una institución no puede solicitar acceso a su propio servicio." });
  if (!service.environments.includes(fields.environment)) issues.push({ path: "environment", message: `El servicio no se ofrece en el ambiente ${environmentLabel(fields.environment)}.` });
  if (fields.requestedTps > service.tps) issues.push({ path: "requestedTps", message: `Excede las ${service.tps} TPS que el servicio compromete.` });
  const procs = await tx.procedure.findMany({ where: { code: { in: fields.procedures } }, select: { code: true, status: true } });
  fields.procedures.forEach((code, n) => {
    const procedure = procs.find((x) => x.code === code);
    if (!procedure) issues.push({ path: `procedures.${n}`, message: `No existe el trámite ${code}.` });
    else if (procedure.status !== "VIGENTE") issues.push({ path: `procedures.${n}`, message: `El trámite ${code} está derogado.` });
  });
  if (issues.length) throw new ValidationError(issues);
  if (fields.environment === "prod") {
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
        where: { consumerCode: input.consumer, serviceId: input.service, environment: input.environment, status: { notIn: [...CLOSED_STATUSES] } },
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
    return readAgreement(getDb(), id, actor, now);
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
      procedures: patch.procedures ?? row.procedures.map((link) => link.procedure.code),
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
  return readAgreement(getDb(), id, actor, clock.now());
}
