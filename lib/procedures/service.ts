import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { assertCanEdit } from "@/lib/catalog/access";
import { PROCEDURE_STATUS_LABELS } from "@/lib/catalog/labels";
import { PROCEDURE_ACTIONS, PROCEDURE_TRANSITIONS, type ProcedureAction } from "@/lib/catalog/lifecycle";
import type { TTransitionRequest } from "@/lib/fields";
import { toPrefixTsQuery } from "@/lib/catalog/search-query";
import { procedureSearchText } from "@/lib/catalog/search-text";
import { refreshServiceSearchText } from "@/lib/catalog/service";
import { getDb } from "@/lib/db";
import { AppError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { loadLifecycleEvents, recordLifecycleEvent } from "@/lib/lifecycle/events";
import { availableActions, nextState } from "@/lib/lifecycle/state-machine";
import type { TProcedure, TProcedureCreate, TProcedureSearchQuery, TProcedureUpdate } from "@/lib/procedures/schemas";

type Tx = Prisma.TransactionClient;

const SUBJECT = { noun: "un trámite", stateLabels: PROCEDURE_STATUS_LABELS };
const notFound = (code: string) => `No existe el trámite ${code}.`;

const include = { institution: { select: { code: true, name: true } }, _count: { select: { services: true } } } satisfies Prisma.ProcedureInclude;
type Row = Prisma.ProcedureGetPayload<{ include: typeof include }>;

function toProcedure(r: Row): TProcedure {
  return {
    code: r.code,
    name: r.name,
    description: r.description,
    institution: r.institution,
    originatingLaw: r.originatingLaw,
    needsInteroperability: r.needsInteroperability,
    needsConsent: r.needsConsent,
    status: r.status,
    servicesCount: r._count.services,
  };
}

async function withHistory(tx: Tx, r: Row, actor: Actor | null): Promise<TProcedure> {
  return {
    ...toProcedure(r),
    events: await loadLifecycleEvents(tx, "PROCEDURE", r.code),
    allowedActions: can(actor, "catalog.edit", r.institutionCode) ? availableActions(PROCEDURE_TRANSITIONS, r.status) : [],
  };
}

/** The CPAT register is public. */
export async function searchProcedures(query: TProcedureSearchQuery) {
  const tsq = toPrefixTsQuery(query.q);
  const where: Prisma.ProcedureWhereInput = {};
  if (query.institution) where.institutionCode = query.institution;
  if (query.status) where.status = query.status;
  const db = getDb();
  let codes: string[] | undefined;
  if (tsq) {
    const hits = await db.$queryRaw<{ code: string }[]>`SELECT code FROM procedure WHERE search @@ to_tsquery('es_unaccent', ${tsq})`;
    codes = hits.map((h) => h.code);
    where.code = { in: codes };
  }
  const [total, rows] = await db.$transaction([
    db.procedure.count({ where }),
    db.procedure.findMany({ where, include, orderBy: [{ name: "asc" }, { code: "asc" }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
  ]);
  return { data: rows.map(toProcedure), pagination: { page: query.page, pageSize: query.pageSize, total, totalPages: Math.max(1, Math.ceil(total / query.pageSize)) } };
}

export async function getProcedure(code: string, actor: Actor | null): Promise<TProcedure> {
  const db = getDb();
  const row = await db.procedure.findUnique({ where: { code }, include });
  if (!row) throw new AppError("not_found", notFound(code));
  return withHistory(db, row, actor);
}

export async function createProcedure(input: TProcedureCreate, actor: Actor): Promise<TProcedure> {
  assertCanEdit(actor, input.institution);
  return getDb().$transaction(async (tx) => {
    const institution = await tx.institution.findUnique({ where: { code: input.institution }, select: { code: true, name: true } });
    if (!institution) throw new ValidationError([{ path: "institution", message: `No existe la institución ${input.institution}.` }]);
    if (await tx.procedure.findUnique({ where: { code: input.code }, select: { code: true } })) throw new AppError("procedure_exists", `Ya existe el trámite ${input.code}.`);
    await tx.procedure.create({
      data: {
        code: input.code,
        institutionCode: input.institution,
        name: input.name,
        description: input.description,
        originatingLaw: input.originatingLaw,
        needsInteroperability: input.needsInteroperability,
        needsConsent: input.needsConsent,
        searchText: procedureSearchText(input, institution),
      },
    });
    await recordLifecycleEvent(tx, { entityType: "PROCEDURE", entityId: input.code, action: "create", from: null, to: "VIGENTE", actorRun: actor.run });
    await recordAudit(tx, { actorRun: actor.run, action: "procedure.created", targetType: "procedure", targetId: input.code });
    return withHistory(tx, await tx.procedure.findUniqueOrThrow({ where: { code: input.code }, include }), actor);
  });
}

export async function updateProcedure(code: string, patch: TProcedureUpdate, actor: Actor): Promise<TProcedure> {
  return getDb().$transaction(async (tx) => {
    const current = await tx.procedure.findUnique({ where: { code }, include });
    if (!current) throw new AppError("not_found", notFound(code));
    assertCanEdit(actor, current.institutionCode);
    if (current.status === "DEROGADO") throw new AppError("procedure_repealed", `El trámite ${code} está derogado y ya no puede modificarse.`);
    const merged = { code, description: patch.description ?? current.description, originatingLaw: patch.originatingLaw ?? current.originatingLaw };
    await tx.procedure.update({ where: { code }, data: { ...patch, searchText: procedureSearchText(merged, current.institution) } });
    if (patch.name && patch.name !== current.name) await refreshServiceSearchText(tx, { procedures: { some: { procedureCode: code } } });
    await recordAudit(tx, { actorRun: actor.run, action: "procedure.updated", targetType: "procedure", targetId: code, data: { fields: Object.keys(patch) } });
    return withHistory(tx, await tx.procedure.findUniqueOrThrow({ where: { code }, include }), actor);
  });
}

export async function transitionProcedure(code: string, req: TTransitionRequest, actor: Actor): Promise<TProcedure> {
  return getDb().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ code: string }[]>`SELECT code FROM procedure WHERE code = ${code} FOR UPDATE`;
    if (!locked.length) throw new AppError("not_found", notFound(code));
    const current = await tx.procedure.findUniqueOrThrow({ where: { code }, include });
    assertCanEdit(actor, current.institutionCode);
    if (!(PROCEDURE_ACTIONS as readonly string[]).includes(req.action)) {
      throw new AppError("invalid_transition", `La acción «${req.action}» no existe para trámites (estado actual: ${PROCEDURE_STATUS_LABELS[current.status]}, ${current.status}).`);
    }
    const action = req.action as ProcedureAction;
    const to = nextState(PROCEDURE_TRANSITIONS, SUBJECT, current.status, action, req.reason);
    await tx.procedure.update({ where: { code }, data: { status: to } });
    await recordLifecycleEvent(tx, { entityType: "PROCEDURE", entityId: code, action, from: current.status, to, actorRun: actor.run, reason: req.reason });
    await recordAudit(tx, { actorRun: actor.run, action: `procedure.${action}`, targetType: "procedure", targetId: code });
    return withHistory(tx, await tx.procedure.findUniqueOrThrow({ where: { code }, include }), actor);
  });
}
