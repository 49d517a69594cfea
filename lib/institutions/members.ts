import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { can, canReadInstitution } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  canonicalRun,
  type TMember,
  type TMemberAdd,
  type TMemberRole,
  type TMemberUpdate,
  type THeadOfServiceSet,
  type TPlatformAdmin,
  type TPlatformAdminAdd,
} from "@/lib/institutions/member-schemas";
import { requestAddressConfirmation } from "@/lib/mail/confirmations";
import { enqueuePersonalMail } from "@/lib/mail/outbox";
import { sameAddress } from "@/lib/mail/address";
import { notify } from "@/lib/notifications/service";
import { escapeLike, normalizeForSearch } from "@/lib/text/normalize";

type Tx = Prisma.TransactionClient;

/**
 * People and roles (issue 13). An institution's admins manage its people
 * (`institution.manage_staff`); the platform team manages any institution's
 * (`institution.manage_admins`), names the head of service (`institution.set_head`, a legal role:
 * it signs agreements) and its own members (`platform.manage_admins`). Every change is audited and
 * mailed to the person; an institution never loses its last admin, nor the platform its last one.
 */

export const ROLE_WORDS: Record<TMemberRole, string> = {
  INSTITUTION_STAFF: "funcionario/a",
  INSTITUTION_ADMIN: "administrador/a",
};

const memberSelect = {
  id: true,
  role: true,
  headOfService: true,
  email: true,
  emailConfirmedAt: true,
  createdAt: true,
  person: { select: { run: true, givenNames: true, familyNames: true, lastSignInAt: true } },
} satisfies Prisma.MembershipSelect;
type MemberRow = Prisma.MembershipGetPayload<{ select: typeof memberSelect }>;

function toMember(m: MemberRow): TMember {
  return {
    run: m.person.run,
    givenNames: m.person.givenNames,
    familyNames: m.person.familyNames,
    signedIn: m.person.lastSignInAt !== null,
    role: m.role,
    headOfService: m.headOfService,
    email: m.email,
    emailConfirmed: m.email !== null && m.emailConfirmedAt !== null,
    addedAt: m.createdAt.toISOString(),
  };
}

const nameOf = (p: { run: string; givenNames: string; familyNames: string }) => `${p.givenNames} ${p.familyNames}`.trim() || p.run;

/** Whether the actor manages the people of `code`: its own admins, or the platform team. */
export function canManagePeople(actor: Actor | null, code: string): boolean {
  return can(actor, "institution.manage_staff", code) || can(actor, "institution.manage_admins");
}

function assertManage(actor: Actor, code: string) {
  if (!canManagePeople(actor, code)) throw new AppError("forbidden", `Solo un/a administrador/a de ${code} o el equipo de la plataforma gestionan sus personas.`);
}

/** The institution, locked (`FOR UPDATE`): changes to its people are serialized, so two demotions cannot both leave it without admins. */
async function lockInstitution(tx: Tx, code: string): Promise<{ code: string; name: string }> {
  const rows = await tx.$queryRaw<{ code: string; name: string }[]>`SELECT code, name FROM institution WHERE code = ${code} FOR UPDATE`;
  const inst = rows[0];
  if (!inst) throw new AppError("not_found", `No existe la institución ${code}.`);
  return inst;
}

async function findMember(tx: Tx, code: string, run: string): Promise<MemberRow> {
  const m = await tx.membership.findUnique({ where: { personRun_institutionCode: { personRun: run, institutionCode: code } }, select: memberSelect });
  if (!m) throw new AppError("not_found", `${run} no integra ${code}.`);
  return m;
}

async function otherAdmins(tx: Tx, code: string, run: string): Promise<number> {
  return tx.membership.count({ where: { institutionCode: code, role: "INSTITUTION_ADMIN", NOT: { personRun: run } } });
}

const lastAdmin = (name: string) =>
  new AppError("last_admin", `Es el último administrador/a de ${name}: primero designe a otra persona como administrador/a.`);

/** A RUN typed in a body (already validated by the operation's schema), in canonical form. */
function runOf(value: string): string {
  const run = canonicalRun(value);
  if (!run) throw new AppError("validation_failed", undefined, [{ path: "run", message: "RUN inválido." }]);
  return run;
}

/** A RUN in a path: exactly canonical, with its check digit; anything else names nobody. */
function runInPath(value: string, what: string): string {
  if (canonicalRun(value) !== value) throw new AppError("not_found", `${value} no ${what}.`);
  return value;
}

const isUniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";

/** The person, created with empty names when unknown: their first ClaveÚnica sign-in fills them in (lib/auth/persons.ts). */
async function ensurePerson(tx: Tx, run: string) {
  return tx.person.upsert({ where: { run }, create: { run, givenNames: "", familyNames: "" }, update: {}, select: { run: true, givenNames: true, familyNames: true, isPlatformAdmin: true } });
}

/** The members of an institution: its own members and the platform team. */
export async function listMembers(code: string, actor: Actor): Promise<TMember[]> {
  if (!canReadInstitution(actor, code)) throw new AppError("forbidden", "Solo quienes integran la institución ven sus personas.");
  const db = getDb();
  if (!(await db.institution.findUnique({ where: { code }, select: { code: true } }))) throw new AppError("not_found", `No existe la institución ${code}.`);
  const rows = await db.membership.findMany({
    where: { institutionCode: code },
    select: memberSelect,
    orderBy: [{ person: { familyNames: "asc" } }, { person: { givenNames: "asc" } }, { personRun: "asc" }],
  });
  return rows.map(toMember);
}

/**
 * Adds a person by RUN with a role and an institutional address. Unknown persons are created
 * with empty names (they get the role when they first sign in); the address is unconfirmed until
 * the person follows the link mailed to it.
 */
export async function addMember(code: string, input: TMemberAdd, actor: Actor): Promise<TMember> {
  assertManage(actor, code);
  const run = runOf(input.run);
  try {
    return await getDb().$transaction(async (tx) => {
      const inst = await lockInstitution(tx, code);
      if (await tx.membership.findUnique({ where: { personRun_institutionCode: { personRun: run, institutionCode: code } }, select: { id: true } })) {
        throw new AppError("member_exists", `La persona de RUN ${run} ya integra ${inst.name}: cambie su rol en vez de agregarla de nuevo.`);
      }
      await ensurePerson(tx, run);
      const m = await tx.membership.create({
        data: { personRun: run, institutionCode: code, role: input.role, email: input.email, addedByRun: actor.run },
        select: memberSelect,
      });
      const intro = `Se le agregó como ${ROLE_WORDS[input.role]} de ${inst.name} en el portal de la Red de Interoperabilidad del Estado. Ingrese con su ClaveÚnica para usarlo.`;
      await requestAddressConfirmation(tx, { personRun: run, membershipId: m.id, address: input.email, institutionName: inst.name, enteredBy: "other", intro: [intro] });
      await recordAudit(tx, { actorRun: actor.run, action: "membership.added", targetType: "membership", targetId: `${code}/${run}`, data: { role: input.role, email: input.email } });
      if (await hasOtherConfirmedAddress(tx, run, m.id)) {
        await enqueuePersonalMail(tx, {
          personRun: run,
          kind: "ROL_AGREGADO",
          institutionCode: code,
          title: `Se le agregó a ${inst.name}`,
          paragraphs: [intro, `Para recibir allí los avisos de la institución, confirme su dirección institucional (${input.email}) con el enlace que le enviamos a ella.`],
          link: { path: `/institucion/${code}`, label: "Ir al área de la institución" },
          reason: `Recibe este correo porque se le agregó a ${inst.name}.`,
        });
      }
      return toMember(m);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("member_exists", `La persona de RUN ${run} ya integra la institución.`);
    throw err;
  }
}

async function hasOtherConfirmedAddress(tx: Tx, run: string, membershipId: string): Promise<boolean> {
  const p = await tx.person.findUniqueOrThrow({
    where: { run },
    select: { email: true, emailConfirmedAt: true, memberships: { where: { NOT: { id: membershipId }, emailConfirmedAt: { not: null }, email: { not: null } }, select: { id: true } } },
  });
  return (!!p.email && !!p.emailConfirmedAt) || p.memberships.length > 0;
}

/** Changes a member's role and/or institutional address (a new address is unconfirmed until its link is followed). */
export async function updateMember(code: string, rawRun: string, input: TMemberUpdate, actor: Actor): Promise<TMember> {
  assertManage(actor, code);
  const run = runInPath(rawRun, `integra ${code}`);
  return getDb().$transaction(async (tx) => {
    const inst = await lockInstitution(tx, code);
    const before = await findMember(tx, code, run);
    const role = input.role ?? before.role;
    const emailChanged = input.email !== undefined && !sameAddress(input.email, before.email) ? input.email : null;
    if (role === before.role && emailChanged === null) return toMember(before);
    if (before.role === "INSTITUTION_ADMIN" && role !== "INSTITUTION_ADMIN" && (await otherAdmins(tx, code, run)) === 0) throw lastAdmin(inst.name);
    const m = await tx.membership.update({
      where: { id: before.id },
      data: { role, ...(emailChanged !== null ? { email: emailChanged, emailConfirmedAt: null } : {}) },
      select: memberSelect,
    });
    const changes: string[] = [];
    if (role !== before.role) changes.push(`Su rol en ${inst.name} cambió de ${ROLE_WORDS[before.role]} a ${ROLE_WORDS[role]}.`);
    if (emailChanged !== null) {
      changes.push(`Su dirección institucional en ${inst.name} ahora es ${emailChanged}: le enviamos a ella un enlace para confirmarla.`);
      await requestAddressConfirmation(tx, { personRun: run, membershipId: m.id, address: emailChanged, institutionName: inst.name, enteredBy: "other" });
    }
    await recordAudit(tx, {
      actorRun: actor.run,
      action: "membership.updated",
      targetType: "membership",
      targetId: `${code}/${run}`,
      data: { role: { from: before.role, to: role }, ...(emailChanged !== null ? { email: { from: before.email, to: emailChanged } } : {}) },
    });
    await enqueuePersonalMail(tx, {
      personRun: run,
      kind: "ROL_CAMBIADO",
      institutionCode: code,
      title: `Cambió su participación en ${inst.name}`,
      paragraphs: changes,
      link: { path: `/institucion/${code}`, label: "Ir al área de la institución" },
      reason: `Recibe este correo porque integra ${inst.name}.`,
    });
    return toMember(m);
  });
}

/** Removes a person from the institution. The head of service only by the platform team; never the last admin. */
export async function removeMember(code: string, rawRun: string, actor: Actor): Promise<TMember> {
  assertManage(actor, code);
  const run = runInPath(rawRun, `integra ${code}`);
  return getDb().$transaction(async (tx) => {
    const inst = await lockInstitution(tx, code);
    const m = await findMember(tx, code, run);
    if (m.headOfService && !can(actor, "institution.set_head")) {
      throw new AppError("head_of_service_member", `Es la jefatura de servicio de ${inst.name}: solo el equipo de la plataforma la quita, a petición de la institución.`);
    }
    if (m.role === "INSTITUTION_ADMIN" && (await otherAdmins(tx, code, run)) === 0) throw lastAdmin(inst.name);
    // Mailed first: the institutional address of this membership may be the only confirmed one.
    await enqueuePersonalMail(tx, {
      personRun: run,
      kind: "ROL_RETIRADO",
      institutionCode: code,
      title: `Ya no integra ${inst.name} en el portal`,
      paragraphs: [`Se le quitó su rol de ${ROLE_WORDS[m.role]}${m.headOfService ? " y la jefatura de servicio" : ""} de ${inst.name} en el portal de la Red de Interoperabilidad del Estado.`],
      link: { path: "/cuenta", label: "Ver su cuenta" },
      reason: `Recibe este correo porque integraba ${inst.name}.`,
    });
    await tx.membership.delete({ where: { id: m.id } });
    await recordAudit(tx, {
      actorRun: actor.run,
      action: "membership.removed",
      targetType: "membership",
      targetId: `${code}/${run}`,
      data: { role: m.role, headOfService: m.headOfService, email: m.email },
    });
    if (m.headOfService) {
      await notify(tx, { institution: code, kind: "INTEGRANTES_CAMBIADOS", title: "La institución quedó sin jefatura de servicio", body: `${nameOf(m.person)} dejó de integrar ${inst.name} y con ello la jefatura de servicio: los acuerdos no pueden firmarse hasta que el equipo de la plataforma designe otra.` });
    }
    return toMember(m);
  });
}

/**
 * Names the head of service (or leaves none: `run` null), at the institution's request: the
 * platform team only, with the reason recorded. The flag moves in one transaction (the previous
 * head's is cleared first: at most one per institution).
 */
export async function setHeadOfService(code: string, input: THeadOfServiceSet, actor: Actor): Promise<{ run: string | null; previousRun: string | null }> {
  if (!can(actor, "institution.set_head")) throw new AppError("forbidden", "Solo el equipo de la plataforma designa la jefatura de servicio, a petición de la institución.");
  const run = input.run === null ? null : runOf(input.run);
  return getDb().$transaction(async (tx) => {
    const inst = await lockInstitution(tx, code);
    const previous = await tx.membership.findFirst({ where: { institutionCode: code, headOfService: true }, select: memberSelect });
    const next = run === null ? null : await tx.membership.findUnique({ where: { personRun_institutionCode: { personRun: run, institutionCode: code } }, select: memberSelect });
    if (run !== null && !next) throw new AppError("not_a_member", `La persona de RUN ${run} no integra ${inst.name}: agréguela primero.`);
    const previousRun = previous?.person.run ?? null;
    if (previousRun === run) return { run, previousRun };
    if (previous) await tx.membership.update({ where: { id: previous.id }, data: { headOfService: false } });
    if (next) await tx.membership.update({ where: { id: next.id }, data: { headOfService: true } });
    await recordAudit(tx, { actorRun: actor.run, action: "institution.head_of_service_set", targetType: "institution", targetId: code, data: { from: previousRun, to: run, reason: input.reason } });
    const link = { path: `/institucion/${code}`, label: "Ir al área de la institución" };
    if (previous) {
      await enqueuePersonalMail(tx, {
        personRun: previous.person.run,
        kind: "ROL_CAMBIADO",
        institutionCode: code,
        title: `Dejó la jefatura de servicio de ${inst.name}`,
        paragraphs: [`El equipo de la plataforma, a petición de ${inst.name}, registró que usted ya no es su jefatura de servicio: ya no firma sus acuerdos. Sigue integrando la institución como ${ROLE_WORDS[previous.role]}.`, `Motivo: ${input.reason}`],
        link,
        reason: `Recibe este correo porque integra ${inst.name}.`,
      });
    }
    if (next) {
      await enqueuePersonalMail(tx, {
        personRun: next.person.run,
        kind: "JEFATURA_DESIGNADA",
        institutionCode: code,
        title: `Es la jefatura de servicio de ${inst.name}`,
        paragraphs: [`El equipo de la plataforma, a petición de ${inst.name}, le designó como su jefatura de servicio: desde ahora firma los acuerdos de la institución en el portal.`, `Motivo: ${input.reason}`],
        link,
        reason: `Recibe este correo porque integra ${inst.name}.`,
      });
    }
    const body = next
      ? `${nameOf(next.person)} es ahora la jefatura de servicio de ${inst.name}${previous ? `, en lugar de ${nameOf(previous.person)}` : ""}. Motivo: ${input.reason}`
      : `${inst.name} quedó sin jefatura de servicio${previous ? ` (lo era ${nameOf(previous.person)})` : ""}: los acuerdos no pueden firmarse hasta que se designe otra. Motivo: ${input.reason}`;
    await notify(tx, { institution: code, kind: "INTEGRANTES_CAMBIADOS", title: "Cambió la jefatura de servicio", body });
    return { run, previousRun };
  });
}

// ---------------------------------------------------------------------------
// The platform team.

const PLATFORM_LOCK = "platform_admins";

function assertPlatformAdmins(actor: Actor) {
  if (!can(actor, "platform.manage_admins")) throw new AppError("forbidden", "Solo el equipo de la plataforma gestiona a sus integrantes.");
}

/** Serializes changes to the platform team (no row holds it: an advisory lock for the transaction). */
async function lockPlatform(tx: Tx) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${PLATFORM_LOCK}))`;
}

const toPlatformAdmin = (p: { run: string; givenNames: string; familyNames: string; lastSignInAt: Date | null }): TPlatformAdmin => ({
  run: p.run,
  givenNames: p.givenNames,
  familyNames: p.familyNames,
  signedIn: p.lastSignInAt !== null,
});
const adminSelect = { run: true, givenNames: true, familyNames: true, lastSignInAt: true } as const;

export async function listPlatformAdmins(actor: Actor): Promise<TPlatformAdmin[]> {
  assertPlatformAdmins(actor);
  const rows = await getDb().person.findMany({ where: { isPlatformAdmin: true }, select: adminSelect, orderBy: [{ familyNames: "asc" }, { givenNames: "asc" }, { run: "asc" }] });
  return rows.map(toPlatformAdmin);
}

/** Names a platform admin by RUN (created with empty names when unknown). */
export async function addPlatformAdmin(input: TPlatformAdminAdd, actor: Actor): Promise<TPlatformAdmin> {
  assertPlatformAdmins(actor);
  const run = runOf(input.run);
  return getDb().$transaction(async (tx) => {
    await lockPlatform(tx);
    const person = await ensurePerson(tx, run);
    if (person.isPlatformAdmin) throw new AppError("member_exists", `La persona de RUN ${run} ya integra el equipo de la plataforma.`);
    const p = await tx.person.update({ where: { run }, data: { isPlatformAdmin: true }, select: adminSelect });
    await recordAudit(tx, { actorRun: actor.run, action: "platform.admin_added", targetType: "person", targetId: run, data: { reason: input.reason ?? null } });
    await enqueuePersonalMail(tx, {
      personRun: run,
      kind: "ADMIN_PLATAFORMA",
      title: "Integra el equipo de la plataforma",
      paragraphs: [
        "Se le nombró integrante del equipo de la plataforma de la Red de Interoperabilidad del Estado: media en las solicitudes, vigila los plazos y gestiona las personas de las instituciones.",
        ...(input.reason ? [`Motivo: ${input.reason}`] : []),
      ],
      link: { path: "/admin", label: "Abrir la consola de la plataforma" },
      reason: "Recibe este correo porque se le nombró en el equipo de la plataforma.",
    });
    return toPlatformAdmin(p);
  });
}

/** Removes a platform admin; never the last one. */
export async function removePlatformAdmin(rawRun: string, actor: Actor): Promise<TPlatformAdmin> {
  assertPlatformAdmins(actor);
  const run = runInPath(rawRun, "integra el equipo de la plataforma");
  return getDb().$transaction(async (tx) => {
    await lockPlatform(tx);
    const p = await tx.person.findUnique({ where: { run }, select: { ...adminSelect, isPlatformAdmin: true } });
    if (!p?.isPlatformAdmin) throw new AppError("not_found", `${run} no integra el equipo de la plataforma.`);
    if ((await tx.person.count({ where: { isPlatformAdmin: true, NOT: { run } } })) === 0) {
      throw new AppError("last_admin", "Es el último integrante del equipo de la plataforma: primero nombre a otra persona.");
    }
    await tx.person.update({ where: { run }, data: { isPlatformAdmin: false } });
    await recordAudit(tx, { actorRun: actor.run, action: "platform.admin_removed", targetType: "person", targetId: run });
    await enqueuePersonalMail(tx, {
      personRun: run,
      kind: "ADMIN_PLATAFORMA",
      title: "Ya no integra el equipo de la plataforma",
      paragraphs: ["Se le quitó del equipo de la plataforma de la Red de Interoperabilidad del Estado."],
      link: { path: "/cuenta", label: "Ver su cuenta" },
      reason: "Recibe este correo porque integraba el equipo de la plataforma.",
    });
    return toPlatformAdmin(p);
  });
}

/**
 * For the platform team's /admin/personas: institutions matching `q` (name or code, accents and
 * case aside), or, without `q`, those that have people in the portal; with how many.
 */
export async function findInstitutionsForPeople(actor: Actor, q: string | undefined): Promise<{ code: string; name: string; members: number }[]> {
  if (!can(actor, "institution.manage_admins")) throw new AppError("forbidden");
  const text = q ? normalizeForSearch(q).slice(0, 100) : "";
  const where: Prisma.InstitutionWhereInput = text
    ? { OR: [{ searchName: { contains: escapeLike(text) } }, { code: { contains: escapeLike(text.toUpperCase().replace(/\s+/g, "-")) } }] }
    : { memberships: { some: {} } };
  const rows = await getDb().institution.findMany({ where, select: { code: true, name: true, _count: { select: { memberships: true } } }, orderBy: { name: "asc" }, take: 50 });
  return rows.map((r) => ({ code: r.code, name: r.name, members: r._count.memberships }));
}
