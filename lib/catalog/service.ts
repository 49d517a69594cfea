import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { assertCanEdit, assertVisible, draftInstitutions, visibleStatuses } from "@/lib/catalog/access";
import { LIFECYCLE_ACTIONS, SERVICE_TRANSITIONS, type LifecycleAction } from "@/lib/catalog/lifecycle";
import { STATUS_LABELS } from "@/lib/catalog/labels";
import { listEndpoints } from "@/lib/catalog/openapi-parse";
import { validateOpenApiDocument } from "@/lib/catalog/openapi-validate";
import type { TService, TServiceCreate, TServicePage, TServiceSearchQuery, TServiceSummary, TServiceUpdate } from "@/lib/catalog/schemas";
import type { TTransitionRequest } from "@/lib/fields";
import { toPrefixTsQuery } from "@/lib/catalog/search-query";
import { serviceSearchText } from "@/lib/catalog/search-text";
import { getDb } from "@/lib/db";
import { AppError, ValidationError, type ErrorIssue } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Classification, LifecycleStatus } from "@/lib/generated/prisma/enums";
import { availableActions, nextState } from "@/lib/lifecycle/state-machine";
import { loadLifecycleEvents, recordLifecycleEvent } from "@/lib/lifecycle/events";

type Tx = Prisma.TransactionClient;

const SUBJECT = { noun: "un servicio", stateLabels: STATUS_LABELS };
const OPEN_DATA: Classification[] = ["ESTADISTICO", "OTRO"];
const notFound = (id: string) => `No existe el servicio ${id}.`;

export function serviceIdOf(institution: string, code: string, major: number): string {
  return `${institution}/${code}/v${major}`;
}

// ---------------------------------------------------------------------------------------------
// Search

type SummaryRow = {
  id: string;
  name: string;
  description: string;
  status: LifecycleStatus;
  institution_code: string;
  institution_name: string;
  tps: number;
  availability: Prisma.Decimal;
  approval_policy: "MANUAL" | "AUTOMATIC";
  updated_at: Date;
  classifications: Classification[];
};

/**
 * The public catalog search: Spanish full-text (accents and case ignored, partial words),
 * filters, sorting and pages. Drafts appear only to their institution's members. The page and
 * the total are two small queries run side by side (one window over every match would make
 * each page pay for sorting all of them); `classifications` (kept by triggers) answers the
 * classification filter and the derived flags without joins.
 */
export async function searchServices(query: TServiceSearchQuery, actor: Actor | null): Promise<TServicePage> {
  const db = getDb();
  const tsq = toPrefixTsQuery(query.q);
  const conditions: Prisma.Sql[] = [Prisma.sql`s.status = ANY(${visibleStatuses(query.status)}::"LifecycleStatus"[])`];
  conditions.push(Prisma.sql`(s.status <> 'DRAFT' OR s.institution_code = ANY(${draftInstitutions(actor)}::text[]))`);
  if (tsq) conditions.push(Prisma.sql`s.search @@ to_tsquery('es_unaccent', ${tsq})`);
  if (query.provider) conditions.push(Prisma.sql`s.institution_code = ${query.provider}`);
  if (query.classification) conditions.push(Prisma.sql`${query.classification}::"Classification" = ANY(s.classifications)`);
  if (query.procedure) conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM service_procedure sp WHERE sp.service_id = s.id AND sp.procedure_code = ${query.procedure})`);
  if (query.sensitive !== undefined) conditions.push(Prisma.sql`${query.sensitive ? Prisma.empty : Prisma.sql`NOT`} ('SENSIBLE' = ANY(s.classifications))`);
  const where = Prisma.join(conditions, " AND ");

  const sort = query.sort ?? (tsq ? "relevance" : "name");
  const order = {
    relevance: tsq ? Prisma.sql`ts_rank(s.search, to_tsquery('es_unaccent', ${tsq})) DESC, s.name, s.id` : Prisma.sql`s.name, s.id`,
    name: Prisma.sql`s.name, s.id`,
    recent: Prisma.sql`s.updated_at DESC, s.id`,
    provider: Prisma.sql`i.search_name, s.name, s.id`,
  }[sort];

  const [rows, count] = await Promise.all([
    db.$queryRaw<SummaryRow[]>`
      SELECT s.id, s.name, s.description, s.status, s.institution_code, i.name AS institution_name, s.tps, s.availability,
             s.approval_policy, s.updated_at, s.classifications
      FROM service s JOIN institution i ON i.code = s.institution_code
      WHERE ${where}
      ORDER BY ${order}
      LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM service s WHERE ${where}`,
  ]);
  const total = Number(count[0]?.n ?? 0);
  return {
    data: rows.map(toSummary),
    pagination: { page: query.page, pageSize: query.pageSize, total, totalPages: Math.max(1, Math.ceil(total / query.pageSize)) },
  };
}

function toSummary(r: SummaryRow): TServiceSummary {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    status: r.status,
    provider: { code: r.institution_code, name: r.institution_name },
    tps: r.tps,
    availability: Number(r.availability),
    approvalPolicy: r.approval_policy,
    sensitive: r.classifications.includes("SENSIBLE"),
    personal: r.classifications.includes("PERSONAL"),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** How many services the institution has in each status (drafts only for its members). */
export async function countServicesByStatus(institutionCode: string, actor: Actor | null): Promise<Record<LifecycleStatus, number>> {
  const rows = await getDb().service.groupBy({ by: ["status"], where: { institutionCode }, _count: true });
  const counts: Record<LifecycleStatus, number> = { DRAFT: 0, PUBLISHED: 0, DEPRECATED: 0, RETIRED: 0 };
  for (const r of rows) counts[r.status] = r._count;
  if (!draftInstitutions(actor).includes(institutionCode)) counts.DRAFT = 0;
  return counts;
}

/** Providers with at least one visible service, for the catalog's filter. */
export async function listCatalogProviders(actor: Actor | null): Promise<{ code: string; name: string; services: number }[]> {
  const rows = await getDb().$queryRaw<{ code: string; name: string; n: bigint }[]>`
    SELECT i.code, i.name, c.n FROM (
      SELECT s.institution_code, count(*) AS n FROM service s
      WHERE s.status IN ('PUBLISHED', 'DEPRECATED') OR (s.status = 'DRAFT' AND s.institution_code = ANY(${draftInstitutions(actor)}::text[]))
      GROUP BY s.institution_code
    ) c JOIN institution i ON i.code = c.institution_code
    ORDER BY i.search_name`;
  return rows.map((r) => ({ code: r.code, name: r.name, services: Number(r.n) }));
}

// ---------------------------------------------------------------------------------------------
// One service

const detailInclude = {
  institution: { select: { code: true, name: true } },
  responsible: { select: { run: true, givenNames: true, familyNames: true } },
  dataItems: { include: { dataItem: { select: { id: true, name: true, classification: true, status: true } } }, orderBy: { dataItemId: "asc" } },
  procedures: { include: { procedure: { select: { code: true, name: true, needsConsent: true } } }, orderBy: { procedureCode: "asc" } },
} satisfies Prisma.ServiceInclude;

type DetailRow = Prisma.ServiceGetPayload<{ include: typeof detailInclude }>;

async function toService(tx: Tx, row: DetailRow, actor: Actor | null): Promise<TService> {
  const items = row.dataItems.map((d) => ({ ...d.dataItem, direction: d.direction }));
  const brief = ({ id, name, classification, status }: (typeof items)[number]) => ({ id, name, classification, status });
  const member = actor?.memberships.some((m) => m.institutionCode === row.institutionCode) ?? false;
  const events = await loadLifecycleEvents(tx, "SERVICE", row.id);
  return {
    id: row.id,
    code: row.code,
    major: row.major,
    name: row.name,
    description: row.description,
    status: row.status,
    provider: { code: row.institution.code, name: row.institution.name },
    tps: row.tps,
    availability: Number(row.availability),
    approvalPolicy: row.approvalPolicy,
    sensitive: items.some((d) => d.classification === "SENSIBLE"),
    personal: items.some((d) => d.classification === "PERSONAL"),
    responsible: { name: `${row.responsible.givenNames} ${row.responsible.familyNames}`, ...(member ? { run: row.responsible.run } : {}) },
    procedures: row.procedures.map((p) => p.procedure),
    inputDataItems: items.filter((d) => d.direction === "INPUT").map(brief),
    outputDataItems: items.filter((d) => d.direction === "OUTPUT").map(brief),
    requiresApprovedSchema: row.requiresApprovedSchema,
    schemas: [],
    openapi: (row.openapi as Record<string, unknown> | null) ?? null,
    endpoints: listEndpoints(row.openapi),
    environments: row.environments,
    // When it was published is what its history says: the publication event (a service is published once).
    publishedAt: events.find((event) => event.action === "publish")?.at ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    events,
    allowedActions: can(actor, "catalog.edit", row.institutionCode) ? availableActions(SERVICE_TRANSITIONS, row.status) : [],
  };
}

export async function getService(id: string, actor: Actor | null): Promise<TService> {
  const db = getDb();
  const row = await db.service.findUnique({ where: { id }, include: detailInclude });
  if (!row) throw new AppError("not_found", notFound(id));
  assertVisible(actor, row.status, row.institutionCode, notFound(id));
  return toService(db, row, actor);
}

// ---------------------------------------------------------------------------------------------
// Create, update

type References = {
  institution: string;
  responsibleRun: string;
  procedures: string[];
  inputDataItems: string[];
  outputDataItems: string[];
  approvalPolicy: "MANUAL" | "AUTOMATIC";
  openapi: unknown;
};

type CheckedReferences = {
  openapi: Record<string, unknown> | null;
  dataItems: { id: string; name: string; classification: Classification; status: LifecycleStatus }[];
  procedureNames: string[];
};

/** Everything a service points to must exist, be usable and fit the service's policy. */
async function checkReferences(tx: Tx, ref: References, actor: Actor): Promise<CheckedReferences> {
  const issues: ErrorIssue[] = [];
  const member = await tx.membership.findUnique({ where: { personRun_institutionCode: { personRun: ref.responsibleRun, institutionCode: ref.institution } } });
  if (!member) issues.push({ path: "responsibleRun", message: `El responsable debe ser funcionario/a de ${ref.institution} registrado/a en el portal.` });

  const ownDrafts = draftInstitutions(actor);
  const ids = [...new Set([...ref.inputDataItems, ...ref.outputDataItems])];
  const items = ids.length
    ? await tx.dataItem.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, classification: true, status: true, institutionCode: true } })
    : [];
  const byId = new Map(items.map((i) => [i.id, i]));
  for (const field of ["inputDataItems", "outputDataItems"] as const) {
    ref[field].forEach((id, n) => {
      const item = byId.get(id);
      if (!item || (item.status === "DRAFT" && !ownDrafts.includes(item.institutionCode))) {
        issues.push({ path: `${field}.${n}`, message: `No existe el dato ${id} en el Directorio de Datos.` });
      } else if (item.status === "RETIRED") {
        issues.push({ path: `${field}.${n}`, message: `El dato ${id} está retirado y no puede usarse.` });
      }
    });
  }
  const procedures = ref.procedures.length ? await tx.procedure.findMany({ where: { code: { in: ref.procedures } }, select: { code: true, name: true, status: true } }) : [];
  const procByCode = new Map(procedures.map((p) => [p.code, p]));
  ref.procedures.forEach((code, n) => {
    const p = procByCode.get(code);
    if (!p) issues.push({ path: `procedures.${n}`, message: `No existe el trámite ${code}.` });
    else if (p.status === "DEROGADO") issues.push({ path: `procedures.${n}`, message: `El trámite ${code} está derogado.` });
  });
  if (ref.approvalPolicy === "AUTOMATIC") {
    const closed = items.filter((i) => !OPEN_DATA.includes(i.classification));
    if (closed.length) {
      issues.push({
        path: "approvalPolicy",
        message: `La aprobación automática es solo para datos abiertos (estadísticos u otros); ${closed.map((i) => i.id).join(", ")} no lo es.`,
      });
    }
  }
  let openapi: Record<string, unknown> | null = null;
  if (ref.openapi !== null && ref.openapi !== undefined) {
    const v = validateOpenApiDocument(ref.openapi);
    if (v.ok) openapi = v.document;
    else issues.push(...v.issues);
  }
  if (issues.length) throw new ValidationError(issues);
  return { openapi, dataItems: items, procedureNames: procedures.map((p) => p.name) };
}

/** What a service needs before it can be (or stay) published. */
function assertComplete(s: { outputDataItems: string[]; openapi: unknown }, items: CheckedReferences["dataItems"]): void {
  const issues: ErrorIssue[] = [];
  if (s.outputDataItems.length === 0) issues.push({ path: "outputDataItems", message: "Indique al menos un dato de salida." });
  if (!s.openapi) issues.push({ path: "openapi", message: "Agregue la descripción OpenAPI del servicio." });
  for (const i of items) if (i.status === "DRAFT") issues.push({ path: "dataItems", message: `El dato ${i.id} aún es borrador: publíquelo antes.` });
  if (issues.length) throw new ValidationError(issues, "El servicio no está completo para publicarse.");
}

/** Keeps the search text of services current when a data item or procedure they use is renamed. */
export async function refreshServiceSearchText(tx: Tx, where: Prisma.ServiceWhereInput): Promise<void> {
  const services = await tx.service.findMany({ where, include: detailInclude });
  for (const s of services) {
    const text = serviceSearchText(s, s.institution, s.dataItems.map((d) => d.dataItem.name), s.procedures.map((p) => p.procedure.name));
    if (text !== s.searchText) await tx.service.update({ where: { id: s.id }, data: { searchText: text } });
  }
}

function links(input: { inputDataItems: string[]; outputDataItems: string[]; procedures: string[] }) {
  const dataItems = [
    ...[...new Set(input.inputDataItems)].map((dataItemId) => ({ dataItemId, direction: "INPUT" as const })),
    ...[...new Set(input.outputDataItems)].map((dataItemId) => ({ dataItemId, direction: "OUTPUT" as const })),
  ];
  return { dataItems, procedures: [...new Set(input.procedures)].map((procedureCode) => ({ procedureCode })) };
}

export async function createService(input: TServiceCreate, actor: Actor): Promise<TService> {
  assertCanEdit(actor, input.institution);
  const id = serviceIdOf(input.institution, input.code, input.major);
  return getDb().$transaction(async (tx) => {
    const institution = await tx.institution.findUnique({ where: { code: input.institution }, select: { code: true, name: true } });
    if (!institution) throw new ValidationError([{ path: "institution", message: `No existe la institución ${input.institution}.` }]);
    if (await tx.service.findUnique({ where: { id }, select: { id: true } })) {
      throw new AppError("service_exists", `Ya existe el servicio ${id}. Para un cambio incompatible cree la versión v${input.major + 1}.`);
    }
    const checked = await checkReferences(tx, input, actor);
    const l = links(input);
    await tx.service.create({
      data: {
        id,
        institutionCode: input.institution,
        code: input.code,
        major: input.major,
        name: input.name,
        description: input.description,
        tps: input.tps,
        availability: new Prisma.Decimal(input.availability),
        approvalPolicy: input.approvalPolicy,
        responsibleRun: input.responsibleRun,
        requiresApprovedSchema: input.requiresApprovedSchema,
        openapi: (checked.openapi as Prisma.InputJsonObject | null) ?? Prisma.DbNull,
        environments: input.environments,
        searchText: serviceSearchText({ id, code: input.code, description: input.description }, institution, checked.dataItems.map((d) => d.name), checked.procedureNames),
        dataItems: { create: l.dataItems },
        procedures: { create: l.procedures },
      },
    });
    await recordLifecycleEvent(tx, { entityType: "SERVICE", entityId: id, action: "create", from: null, to: "DRAFT", actorRun: actor.run });
    await recordAudit(tx, { actorRun: actor.run, action: "service.created", targetType: "service", targetId: id });
    return toService(tx, await tx.service.findUniqueOrThrow({ where: { id }, include: detailInclude }), actor);
  });
}

export async function updateService(id: string, patch: TServiceUpdate, actor: Actor): Promise<TService> {
  return getDb().$transaction(async (tx) => {
    const current = await tx.service.findUnique({ where: { id }, include: detailInclude });
    if (!current) throw new AppError("not_found", notFound(id));
    assertVisible(actor, current.status, current.institutionCode, notFound(id));
    assertCanEdit(actor, current.institutionCode);
    if (current.status === "RETIRED") throw new AppError("service_retired", `El servicio ${id} está retirado y ya no puede modificarse.`);

    const merged = {
      institution: current.institutionCode,
      responsibleRun: patch.responsibleRun ?? current.responsibleRun,
      procedures: patch.procedures ?? current.procedures.map((p) => p.procedureCode),
      inputDataItems: patch.inputDataItems ?? current.dataItems.filter((d) => d.direction === "INPUT").map((d) => d.dataItemId),
      outputDataItems: patch.outputDataItems ?? current.dataItems.filter((d) => d.direction === "OUTPUT").map((d) => d.dataItemId),
      approvalPolicy: patch.approvalPolicy ?? current.approvalPolicy,
      openapi: patch.openapi !== undefined ? patch.openapi : current.openapi,
    };
    const checked = await checkReferences(tx, merged, actor);
    if (current.status !== "DRAFT") assertComplete({ outputDataItems: merged.outputDataItems, openapi: checked.openapi }, checked.dataItems);
    const description = patch.description ?? current.description;
    const l = links(merged);
    await tx.service.update({
      where: { id },
      data: {
        name: patch.name,
        description: patch.description,
        tps: patch.tps,
        availability: patch.availability !== undefined ? new Prisma.Decimal(patch.availability) : undefined,
        approvalPolicy: patch.approvalPolicy,
        responsibleRun: patch.responsibleRun,
        requiresApprovedSchema: patch.requiresApprovedSchema,
        openapi: (checked.openapi as Prisma.InputJsonObject | null) ?? Prisma.DbNull,
        environments: patch.environments,
        searchText: serviceSearchText({ id, code: current.code, description }, current.institution, checked.dataItems.map((d) => d.name), checked.procedureNames),
        dataItems: { deleteMany: {}, create: l.dataItems },
        procedures: { deleteMany: {}, create: l.procedures },
      },
    });
    await recordAudit(tx, { actorRun: actor.run, action: "service.updated", targetType: "service", targetId: id, data: { fields: Object.keys(patch) } });
    return toService(tx, await tx.service.findUniqueOrThrow({ where: { id }, include: detailInclude }), actor);
  });
}

export async function transitionService(id: string, req: TTransitionRequest, actor: Actor): Promise<TService> {
  return getDb().$transaction(async (tx) => {
    // Lock the row: two concurrent transitions cannot both start from the same state.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM service WHERE id = ${id} FOR UPDATE`;
    if (!locked.length) throw new AppError("not_found", notFound(id));
    const current = await tx.service.findUniqueOrThrow({ where: { id }, include: detailInclude });
    assertVisible(actor, current.status, current.institutionCode, notFound(id));
    assertCanEdit(actor, current.institutionCode);
    const action = req.action as LifecycleAction;
    if (!(LIFECYCLE_ACTIONS as readonly string[]).includes(req.action)) {
      throw new AppError("invalid_transition", `La acción «${req.action}» no existe para servicios (estado actual: ${STATUS_LABELS[current.status]}, ${current.status}).`);
    }
    const to = nextState(SERVICE_TRANSITIONS, SUBJECT, current.status, action, req.reason);
    if (action === "publish") {
      assertComplete(
        { outputDataItems: current.dataItems.filter((d) => d.direction === "OUTPUT").map((d) => d.dataItemId), openapi: current.openapi },
        current.dataItems.map((d) => d.dataItem),
      );
    }
    const at = new Date();
    await tx.service.update({ where: { id }, data: { status: to, ...(action === "publish" ? { publishedAt: at } : {}) } });
    await recordLifecycleEvent(tx, { entityType: "SERVICE", entityId: id, action, from: current.status, to, actorRun: actor.run, reason: req.reason, at });
    await recordAudit(tx, { actorRun: actor.run, action: `service.${action}`, targetType: "service", targetId: id });
    return toService(tx, await tx.service.findUniqueOrThrow({ where: { id }, include: detailInclude }), actor);
  });
}
