import "server-only";
import { ACTIVE_STATUSES } from "@/lib/agreements/transitions";
import { clock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { deadlinePassed, effectiveStage, type OnboardingFacts } from "@/lib/institutions/stage";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { GradualityGroup } from "@/lib/generated/prisma/enums";
import type { TGroupDeadline, TInstitution, TInstitutionListQuery, TInstitutionPage } from "@/lib/institutions/schemas";
import { escapeLike, normalizeForSearch } from "@/lib/text/normalize";

const select = {
  code: true,
  name: true,
  kind: true,
  region: true,
  group: true,
  onboardingStage: true,
  groupDeadline: { select: { year: true, duty: true } },
} satisfies Prisma.InstitutionSelect;

type Row = Prisma.InstitutionGetPayload<{ select: typeof select }>;

type Env = "dev" | "prod";
const NO_FACTS: OnboardingFacts = { hasAgreement: false, agreementsInForce: [], activeNodes: [] };

/** What the network knows of each institution's joining: its requests and agreements, and its active nodes. */
async function onboardingFactsOf(codes: string[]): Promise<Map<string, OnboardingFacts>> {
  const facts = new Map<string, { hasAgreement: boolean; agreementsInForce: Set<Env>; activeNodes: Set<Env> }>();
  const of = (code: string) => {
    let entry = facts.get(code);
    if (!entry) facts.set(code, (entry = { hasAgreement: false, agreementsInForce: new Set(), activeNodes: new Set() }));
    return entry;
  };
  if (codes.length > 0) {
    const db = getDb();
    const sent = ACTIVE_STATUSES.filter((status) => status !== "BORRADOR");
    const [agreements, nodes] = await Promise.all([
      db.agreement.findMany({
        where: { status: { in: sent }, OR: [{ consumerCode: { in: codes } }, { providerCode: { in: codes } }] },
        select: { consumerCode: true, providerCode: true, status: true, environment: true },
        distinct: ["consumerCode", "providerCode", "status", "environment"],
      }),
      db.node.findMany({ where: { status: "ACTIVE", institutionCode: { in: codes } }, select: { institutionCode: true, environment: true }, distinct: ["institutionCode", "environment"] }),
    ]);
    for (const agreement of agreements) {
      for (const code of [agreement.consumerCode, agreement.providerCode]) {
        if (!codes.includes(code)) continue;
        of(code).hasAgreement = true;
        if (agreement.status === "VIGENTE") of(code).agreementsInForce.add(agreement.environment);
      }
    }
    for (const node of nodes) of(node.institutionCode).activeNodes.add(node.environment);
  }
  return new Map([...facts].map(([code, entry]) => [code, { hasAgreement: entry.hasAgreement, agreementsInForce: [...entry.agreementsInForce], activeNodes: [...entry.activeNodes] }]));
}

function toInstitution(r: Row, facts: OnboardingFacts, now: Date): TInstitution {
  const stage = effectiveStage(r.onboardingStage, facts);
  return {
    code: r.code,
    name: r.name,
    kind: r.kind,
    region: r.region,
    group: r.group,
    deadline: { year: r.groupDeadline.year, duty: r.groupDeadline.duty, passed: deadlinePassed(r.groupDeadline.year, stage, now) },
    onboardingStage: stage,
  };
}

async function toInstitutions(rows: Row[]): Promise<TInstitution[]> {
  const facts = await onboardingFactsOf(rows.map((row) => row.code));
  const now = clock.now();
  return rows.map((row) => toInstitution(row, facts.get(row.code) ?? NO_FACTS, now));
}

/** Public list of institutions: search by name or code (accents and case ignored), filters, pages. */
export async function listInstitutions(query: TInstitutionListQuery): Promise<TInstitutionPage> {
  const db = getDb();
  const where: Prisma.InstitutionWhereInput = {};
  if (query.group) where.group = query.group;
  if (query.kind) where.kind = query.kind;
  const q = query.q ? normalizeForSearch(query.q) : "";
  if (q) where.OR = [{ searchName: { contains: escapeLike(q) } }, { code: { contains: escapeLike(q.toUpperCase().replace(/\s+/g, "-")) } }];
  const [total, rows] = await db.$transaction([
    db.institution.count({ where }),
    db.institution.findMany({
      where,
      select,
      orderBy: [{ searchName: "asc" }, { code: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  ]);
  return {
    data: await toInstitutions(rows),
    pagination: { page: query.page, pageSize: query.pageSize, total, totalPages: Math.max(1, Math.ceil(total / query.pageSize)) },
  };
}

export async function getInstitution(code: string): Promise<TInstitution> {
  const row = await getDb().institution.findUnique({ where: { code }, select });
  if (!row) throw new AppError("not_found", `No existe una institución con el código ${code}.`);
  const [institution] = await toInstitutions([row]);
  return institution!;
}

/** The three groups with their deadline, duty and how many institutions each has. */
export async function listGroupDeadlines(): Promise<(TGroupDeadline & { institutions: number })[]> {
  const groups = await getDb().groupDeadline.findMany({
    orderBy: { group: "asc" },
    include: { _count: { select: { institutions: true } } },
  });
  return groups.map((g) => ({ group: g.group as GradualityGroup, year: g.year, duty: g.duty, members: g.members, institutions: g._count.institutions }));
}
