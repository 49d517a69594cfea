import "server-only";
import { getDb } from "@/lib/db";
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

function toInstitution(r: Row): TInstitution {
  return {
    code: r.code,
    name: r.name,
    kind: r.kind,
    region: r.region,
    group: r.group,
    deadline: { year: r.groupDeadline.year, duty: r.groupDeadline.duty },
    onboardingStage: r.onboardingStage,
  };
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
    data: rows.map(toInstitution),
    pagination: { page: query.page, pageSize: query.pageSize, total, totalPages: Math.max(1, Math.ceil(total / query.pageSize)) },
  };
}

export async function getInstitution(code: string): Promise<TInstitution> {
  const row = await getDb().institution.findUnique({ where: { code }, select });
  if (!row) throw new AppError("not_found", `No existe una institución con el código ${code}.`);
  return toInstitution(row);
}

/** The three groups with their deadline, duty and how many institutions each has. */
export async function listGroupDeadlines(): Promise<(TGroupDeadline & { institutions: number })[]> {
  const groups = await getDb().groupDeadline.findMany({
    orderBy: { group: "asc" },
    include: { _count: { select: { institutions: true } } },
  });
  return groups.map((g) => ({ group: g.group as GradualityGroup, year: g.year, duty: g.duty, members: g.members, institutions: g._count.institutions }));
}
