import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { assertCanEdit, assertVisible, draftInstitutions, visibleStatuses } from "@/lib/catalog/access";
import { STATUS_LABELS } from "@/lib/catalog/labels";
import { DATA_ITEM_TRANSITIONS, LIFECYCLE_ACTIONS, type LifecycleAction } from "@/lib/catalog/lifecycle";
import type { TTransitionRequest } from "@/lib/fields";
import { toPrefixTsQuery } from "@/lib/catalog/search-query";
import { dataItemSearchText } from "@/lib/catalog/search-text";
import { refreshServiceSearchText } from "@/lib/catalog/service";
import type { TDataItem, TDataItemCreate, TDataItemPage, TDataItemSearchQuery, TDataItemSummary, TDataItemUpdate } from "@/lib/data-directory/schemas";
import { getDb } from "@/lib/db";
import { AppError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Classification, LifecycleStatus, UpdateFrequency } from "@/lib/generated/prisma/enums";
import { loadLifecycleEvents, recordLifecycleEvent } from "@/lib/lifecycle/events";
import { notify } from "@/lib/notifications/service";
import { availableActions, nextState } from "@/lib/lifecycle/state-machine";

type Tx = Prisma.TransactionClient;

const SUBJECT = { noun: "un dato", stateLabels: STATUS_LABELS };
const notFound = (id: string) => `No existe el dato ${id}.`;

type SummaryRow = {
  id: string;
  code: string;
  name: string;
  description: string;
  classification: Classification;
  status: LifecycleStatus;
  institution_code: string;
  institution_name: string;
  update_frequency: UpdateFrequency;
  updated_at: Date;
  services_count: bigint;
};

/** The public data directory search: same full-text rules as the catalog. */
export async function searchDataItems(query: TDataItemSearchQuery, actor: Actor | null): Promise<TDataItemPage> {
  const tsq = toPrefixTsQuery(query.q);
  const drafts = draftInstitutions(actor);
  const conditions: Prisma.Sql[] = [
    Prisma.sql`d.status = ANY(${visibleStatuses(query.status)}::"LifecycleStatus"[])`,
    Prisma.sql`(d.status <> 'DRAFT' OR d.institution_code = ANY(${drafts}::text[]))`,
  ];
  if (tsq) conditions.push(Prisma.sql`d.search @@ to_tsquery('es_unaccent', ${tsq})`);
  if (query.steward) conditions.push(Prisma.sql`d.institution_code = ${query.steward}`);
  if (query.classification) conditions.push(Prisma.sql`d.classification = ${query.classification}::"Classification"`);
  const sort = query.sort ?? (tsq ? "relevance" : "name");
  const order = {
    relevance: tsq ? Prisma.sql`ts_rank(d.search, to_tsquery('es_unaccent', ${tsq})) DESC, d.name, d.id` : Prisma.sql`d.name, d.id`,
    name: Prisma.sql`d.name, d.id`,
    recent: Prisma.sql`d.updated_at DESC, d.id`,
  }[sort];
  const where = Prisma.join(conditions, " AND ");
  const db = getDb();
  const [rows, count] = await Promise.all([
    db.$queryRaw<SummaryRow[]>`
      SELECT d.id, d.code, d.name, d.description, d.classification, d.status, d.institution_code, i.name AS institution_name,
             d.update_frequency, d.updated_at, (
               SELECT count(DISTINCT sd.service_id) FROM service_data_item sd JOIN service s ON s.id = sd.service_id
               WHERE sd.data_item_id = d.id AND (s.status IN ('PUBLISHED', 'DEPRECATED') OR (s.status = 'DRAFT' AND s.institution_code = ANY(${drafts}::text[])))
             ) AS services_count
      FROM data_item d JOIN institution i ON i.code = d.institution_code
      WHERE ${where}
      ORDER BY ${order}
      LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM data_item d WHERE ${where}`,
  ]);
  const total = Number(count[0]?.n ?? 0);
  return {
    data: rows.map(toSummary),
    pagination: { page: query.page, pageSize: query.pageSize, total, totalPages: Math.max(1, Math.ceil(total / query.pageSize)) },
  };
}

function toSummary(r: SummaryRow): TDataItemSummary {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    description: r.description,
    classification: r.classification,
    status: r.status,
    steward: { code: r.institution_code, name: r.institution_name },
    updateFrequency: r.update_frequency,
    servicesCount: Number(r.services_count),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** How many data items the institution has in each status (drafts only for its members). */
export async function countDataItemsByStatus(institutionCode: string, actor: Actor | null): Promise<Record<LifecycleStatus, number>> {
  const rows = await getDb().dataItem.groupBy({ by: ["status"], where: { institutionCode }, _count: true });
  const counts: Record<LifecycleStatus, number> = { DRAFT: 0, PUBLISHED: 0, DEPRECATED: 0, RETIRED: 0 };
  for (const r of rows) counts[r.status] = r._count;
  if (!draftInstitutions(actor).includes(institutionCode)) counts.DRAFT = 0;
  return counts;
}

/** Institutions responsible for at least one visible data item, for the directory's filter. */
export async function listDataStewards(actor: Actor | null): Promise<{ code: string; name: string }[]> {
  return getDb().$queryRaw<{ code: string; name: string }[]>`
    SELECT DISTINCT i.code, i.name, i.search_name FROM data_item d JOIN institution i ON i.code = d.institution_code
    WHERE d.status IN ('PUBLISHED', 'DEPRECATED') OR (d.status = 'DRAFT' AND d.institution_code = ANY(${draftInstitutions(actor)}::text[]))
    ORDER BY i.search_name`;
}

const detailInclude = {
  institution: { select: { code: true, name: true } },
  responsible: { select: { run: true, givenNames: true, familyNames: true } },
  services: {
    include: { service: { select: { id: true, name: true, status: true, institutionCode: true, institution: { select: { code: true, name: true } } } } },
    orderBy: { serviceId: "asc" },
  },
} satisfies Prisma.DataItemInclude;

type DetailRow = Prisma.DataItemGetPayload<{ include: typeof detailInclude }>;

async function toDataItem(tx: Tx, row: DetailRow, actor: Actor | null): Promise<TDataItem> {
  const drafts = draftInstitutions(actor);
  const services = row.services
    .filter((l) => l.service.status !== "DRAFT" || drafts.includes(l.service.institutionCode))
    .map((l) => ({ id: l.service.id, name: l.service.name, status: l.service.status, provider: l.service.institution, direction: l.direction }));
  const member = actor?.memberships.some((m) => m.institutionCode === row.institutionCode) ?? false;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    classification: row.classification,
    status: row.status,
    steward: { code: row.institution.code, name: row.institution.name },
    updateFrequency: row.updateFrequency,
    servicesCount: new Set(services.map((s) => s.id)).size,
    updatedAt: row.updatedAt.toISOString(),
    attributes: row.attributes as TDataItem["attributes"],
    responsible: { name: `${row.responsible.givenNames} ${row.responsible.familyNames}`, ...(member ? { run: row.responsible.run } : {}) },
    lastUpdatedOn: row.lastUpdatedOn ? row.lastUpdatedOn.toISOString().slice(0, 10) : null,
    nature: row.nature,
    services,
    createdAt: row.createdAt.toISOString(),
    events: await loadLifecycleEvents(tx, "DATA_ITEM", row.id),
    allowedActions: can(actor, "catalog.edit", row.institutionCode) ? availableActions(DATA_ITEM_TRANSITIONS, row.status) : [],
  };
}

export async function getDataItem(id: string, actor: Actor | null): Promise<TDataItem> {
  const db = getDb();
  const row = await db.dataItem.findUnique({ where: { id }, include: detailInclude });
  if (!row) throw new AppError("not_found", notFound(id));
  assertVisible(actor, row.status, row.institutionCode, notFound(id));
  return toDataItem(db, row, actor);
}

async function assertResponsible(tx: Tx, run: string, institution: string) {
  const m = await tx.membership.findUnique({ where: { personRun_institutionCode: { personRun: run, institutionCode: institution } } });
  if (!m) throw new ValidationError([{ path: "responsibleRun", message: `El responsable debe ser funcionario/a de ${institution} registrado/a en el portal.` }]);
}

const day = (iso: string | null | undefined) => (iso ? new Date(`${iso}T00:00:00Z`) : iso);

export async function createDataItem(input: TDataItemCreate, actor: Actor): Promise<TDataItem> {
  assertCanEdit(actor, input.institution);
  const id = `${input.institution}/${input.code}`;
  return getDb().$transaction(async (tx) => {
    const institution = await tx.institution.findUnique({ where: { code: input.institution }, select: { code: true, name: true } });
    if (!institution) throw new ValidationError([{ path: "institution", message: `No existe la institución ${input.institution}.` }]);
    if (await tx.dataItem.findUnique({ where: { id }, select: { id: true } })) throw new AppError("data_item_exists", `Ya existe el dato ${id}.`);
    await assertResponsible(tx, input.responsibleRun, input.institution);
    await tx.dataItem.create({
      data: {
        id,
        institutionCode: input.institution,
        code: input.code,
        name: input.name,
        description: input.description,
        attributes: input.attributes,
        classification: input.classification,
        responsibleRun: input.responsibleRun,
        updateFrequency: input.updateFrequency,
        lastUpdatedOn: day(input.lastUpdatedOn) ?? null,
        nature: input.nature,
        searchText: dataItemSearchText({ id, ...input }, institution),
      },
    });
    await recordLifecycleEvent(tx, { entityType: "DATA_ITEM", entityId: id, action: "create", from: null, to: "DRAFT", actorRun: actor.run });
    await recordAudit(tx, { actorRun: actor.run, action: "data_item.created", targetType: "data_item", targetId: id });
    return toDataItem(tx, await tx.dataItem.findUniqueOrThrow({ where: { id }, include: detailInclude }), actor);
  });
}

export async function updateDataItem(id: string, patch: TDataItemUpdate, actor: Actor): Promise<TDataItem> {
  return getDb().$transaction(async (tx) => {
    const current = await tx.dataItem.findUnique({ where: { id }, include: detailInclude });
    if (!current) throw new AppError("not_found", notFound(id));
    assertVisible(actor, current.status, current.institutionCode, notFound(id));
    // Lowering SENSIBLE removes the consent that live services (of any institution) require:
    // only the platform team does it, and it may do only that.
    const live = current.services.filter((l) => l.service.status === "PUBLISHED" || l.service.status === "DEPRECATED").map((l) => l.service);
    const lowersSensitive = current.classification === "SENSIBLE" && patch.classification !== undefined && patch.classification !== "SENSIBLE" && live.length > 0;
    const platformDeclassifies = lowersSensitive && can(actor, "data_item.declassify") && Object.keys(patch).every((k) => k === "classification");
    if (!platformDeclassifies) assertCanEdit(actor, current.institutionCode);
    if (current.status === "RETIRED") throw new AppError("data_item_retired", `El dato ${id} está retirado y ya no puede modificarse.`);
    if (lowersSensitive && !platformDeclassifies) {
      throw new AppError(
        "classification_in_use",
        `Los servicios ${[...new Set(live.map((x) => x.id))].join(", ")} usan este dato SENSIBLE y hoy exigen el consentimiento de las personas: solo el equipo de la plataforma puede rebajar su clasificación. Pídaselo indicando el motivo.`,
      );
    }
    if (patch.responsibleRun) await assertResponsible(tx, patch.responsibleRun, current.institutionCode);
    if (patch.classification && patch.classification !== current.classification && patch.classification !== "ESTADISTICO" && patch.classification !== "OTRO") {
      // Open-data services (automatic approval) may only carry open data.
      const automatic = current.services.filter((l) => l.service.status !== "RETIRED").map((l) => l.serviceId);
      if (automatic.length) {
        const open = await tx.service.findMany({ where: { id: { in: automatic }, approvalPolicy: "AUTOMATIC" }, select: { id: true } });
        if (open.length) {
          throw new AppError("data_item_in_open_service", `Los servicios de datos abiertos ${open.map((s) => s.id).join(", ")} usan este dato: cambie su aprobación a manual antes de reclasificarlo.`);
        }
      }
    }
    const attributes = (patch.attributes ?? current.attributes) as { name: string; description: string }[];
    await tx.dataItem.update({
      where: { id },
      data: {
        name: patch.name,
        description: patch.description,
        attributes: patch.attributes,
        classification: patch.classification,
        responsibleRun: patch.responsibleRun,
        updateFrequency: patch.updateFrequency,
        lastUpdatedOn: day(patch.lastUpdatedOn),
        nature: patch.nature,
        searchText: dataItemSearchText({ id, code: current.code, description: patch.description ?? current.description, attributes }, current.institution),
      },
    });
    if (patch.name && patch.name !== current.name) await refreshServiceSearchText(tx, { dataItems: { some: { dataItemId: id } } });
    if (patch.classification && patch.classification !== current.classification) await notifyClassificationChange(tx, current, patch.classification, live);
    await recordAudit(tx, {
      actorRun: actor.run,
      action: platformDeclassifies ? "data_item.declassified" : "data_item.updated",
      targetType: "data_item",
      targetId: id,
      data: { fields: Object.keys(patch), ...(patch.classification ? { classification: { from: current.classification, to: patch.classification } } : {}) },
    });
    return toDataItem(tx, await tx.dataItem.findUniqueOrThrow({ where: { id }, include: detailInclude }), actor);
  });
}

/**
 * Tells each provider whose live services use the item when the change crosses the SENSIBLE line
 * (run after the update: database triggers have already recomputed the services' classifications).
 */
async function notifyClassificationChange(
  tx: Tx,
  item: { id: string; name: string; classification: Classification; institution: { name: string } },
  to: Classification,
  live: { id: string; name: string; institutionCode: string }[],
) {
  if ((item.classification === "SENSIBLE") === (to === "SENSIBLE") || !live.length) return;
  const now = await tx.service.findMany({ where: { id: { in: live.map((s) => s.id) } }, select: { id: true, classifications: true } });
  const sensitive = new Map(now.map((s) => [s.id, s.classifications.includes("SENSIBLE")]));
  const byProvider = new Map<string, typeof live>();
  for (const svc of live) byProvider.set(svc.institutionCode, [...(byProvider.get(svc.institutionCode) ?? []), svc]);
  for (const [provider, services] of byProvider) {
    const list = services.map((x) => `«${x.name}» (${x.id}): ${sensitive.get(x.id) ? "exige" : "ya no exige"} consentimiento`).join("; ");
    await notify(tx, {
      institution: provider,
      kind: "CLASIFICACION_CAMBIADA",
      title: `Cambió la clasificación de «${item.name}»`,
      body: `${item.institution.name} cambió la clasificación del dato ${item.id} de ${item.classification} a ${to}. Sus servicios que lo usan: ${list}.`,
    });
  }
}

export async function transitionDataItem(id: string, req: TTransitionRequest, actor: Actor): Promise<TDataItem> {
  return getDb().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM data_item WHERE id = ${id} FOR UPDATE`;
    if (!locked.length) throw new AppError("not_found", notFound(id));
    const current = await tx.dataItem.findUniqueOrThrow({ where: { id }, include: detailInclude });
    assertVisible(actor, current.status, current.institutionCode, notFound(id));
    assertCanEdit(actor, current.institutionCode);
    if (!(LIFECYCLE_ACTIONS as readonly string[]).includes(req.action)) {
      throw new AppError("invalid_transition", `La acción «${req.action}» no existe para datos (estado actual: ${STATUS_LABELS[current.status]}, ${current.status}).`);
    }
    const action = req.action as LifecycleAction;
    const to = nextState(DATA_ITEM_TRANSITIONS, SUBJECT, current.status, action, req.reason);
    if (action === "retire") {
      const inUse = current.services.filter((l) => l.service.status !== "RETIRED").map((l) => l.serviceId);
      if (inUse.length) {
        throw new AppError("data_item_in_use", `No se puede retirar: lo usan los servicios ${[...new Set(inUse)].join(", ")}.`);
      }
    }
    await tx.dataItem.update({ where: { id }, data: { status: to } });
    await recordLifecycleEvent(tx, { entityType: "DATA_ITEM", entityId: id, action, from: current.status, to, actorRun: actor.run, reason: req.reason });
    await recordAudit(tx, { actorRun: actor.run, action: `data_item.${action}`, targetType: "data_item", targetId: id });
    return toDataItem(tx, await tx.dataItem.findUniqueOrThrow({ where: { id }, include: detailInclude }), actor);
  });
}

/** Members of an institution who can be named responsible for its services and data. */
export async function listResponsibleCandidates(institutionCode: string, actor: Actor): Promise<{ run: string; name: string }[]> {
  if (!can(actor, "catalog.read_drafts", institutionCode)) return [];
  const rows = await getDb().membership.findMany({
    where: { institutionCode },
    include: { person: { select: { run: true, givenNames: true, familyNames: true } } },
    orderBy: { person: { familyNames: "asc" } },
  });
  return rows.map((m) => ({ run: m.person.run, name: `${m.person.givenNames} ${m.person.familyNames}` }));
}
