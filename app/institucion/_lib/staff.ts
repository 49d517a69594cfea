import "server-only";
import { INSTITUTION_CODE_PATTERN } from "@pisee/node-agent/shared";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { getCurrentActor, type Actor } from "@/lib/auth/session";
import { countServicesByStatus, searchServices } from "@/lib/catalog/service";
import { countDataItemsByStatus, searchDataItems } from "@/lib/data-directory/service";
import { STATUS_SLUGS, type StatusSlug } from "@/components/catalog/StaffCatalogList";
import { isAppError } from "@/lib/errors";
import type { LifecycleStatus } from "@/lib/generated/prisma/enums";
import { getInstitution } from "@/lib/institutions/service";


export type StaffContext = {
  actor: Actor;
  institution: { code: string; name: string };
  /** INSTITUTION_ADMIN of this institution: may create, edit and change states. */
  canEdit: boolean;
  /** The platform team overseeing an institution it is not a member of: sees the area, acts on nothing. */
  readOnly: boolean;
  roleLabel: string;
};

/** Institution codes in a URL: decoded, and only the shape codes have (anything else names nothing). */
function institutionCodeOf(raw: string): string {
  let code: string;
  try {
    code = decodeURIComponent(raw);
  } catch {
    notFound();
  }
  if (!INSTITUTION_CODE_PATTERN.test(code)) notFound();
  return code;
}

/**
 * The gate of every staff page: signed out → sign in and come back; not a member of the
 * institution (or it does not exist) → 404, so the area's existence reveals nothing.
 */
export const requireStaff = cache(async (rawCode: string, returnPath: string): Promise<StaffContext> => {
  const actor = await getCurrentActor();
  if (!actor) redirect(`/ingresar?desde=${encodeURIComponent(returnPath)}`);
  const code = institutionCodeOf(rawCode);
  const membership = actor.memberships.find((m) => m.institutionCode === code);
  const member = !!membership && can(actor, "catalog.read_drafts", code);
  if (!member && !can(actor, "institution.oversee")) notFound();
  let name = membership?.institutionName ?? code;
  try {
    name = (await getInstitution(code)).name;
  } catch (err) {
    if (isAppError(err, "not_found")) notFound();
    throw err;
  }
  return {
    actor,
    institution: { code, name },
    canEdit: member && can(actor, "catalog.edit", code),
    readOnly: !member,
    roleLabel: member ? ROLE_LABELS[membership.role] : `${ROLE_LABELS.PLATFORM_ADMIN}, solo lectura`,
  };
});

/** Path segments such as a service's code: decoded, or 404 when malformed. */
export function segment(raw: string, pattern: RegExp): string {
  let v: string;
  try {
    v = decodeURIComponent(raw);
  } catch {
    notFound();
  }
  if (!pattern.test(v)) notFound();
  return v;
}


export const STATUSES: LifecycleStatus[] = ["DRAFT", "PUBLISHED", "DEPRECATED", "RETIRED"];

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** A staff list's URL parameters: status tab (Spanish slugs), search text and page. */
export function listParams(sp: Record<string, string | string[] | undefined>): { tab: StatusSlug; q: string | undefined; page: number } {
  const estado = first(sp.estado);
  return {
    tab: estado && estado in STATUS_SLUGS ? (estado as StatusSlug) : "todos",
    q: first(sp.q)?.trim().slice(0, 200) || undefined,
    page: Math.max(1, Math.min(10_000, Number.parseInt(first(sp.page) ?? "1", 10) || 1)),
  };
}

/** Counts per status and the total, for the status tabs. */
export function withTotal(counts: Record<LifecycleStatus, number>): Record<LifecycleStatus, number> & { total: number } {
  return { ...counts, total: STATUSES.reduce((n, st) => n + counts[st], 0) };
}

/** One page of the institution's services in a status tab (or all statuses), with the counts. */
export async function servicesPageOf(code: string, actor: Actor, slug: StatusSlug, q: string | undefined, page: number) {
  const [result, counts] = await Promise.all([
    searchServices({ provider: code, status: STATUS_SLUGS[slug] ?? "ALL", q, sort: "name", page, pageSize: 20 }, actor),
    countServicesByStatus(code, actor),
  ]);
  return { result, counts: withTotal(counts) };
}

/** One page of the institution's data items in a status tab (or all statuses), with the counts. */
export async function dataItemsPageOf(code: string, actor: Actor, slug: StatusSlug, q: string | undefined, page: number) {
  const [result, counts] = await Promise.all([
    searchDataItems({ steward: code, status: STATUS_SLUGS[slug] ?? "ALL", q, sort: "name", page, pageSize: 20 }, actor),
    countDataItemsByStatus(code, actor),
  ]);
  return { result, counts: withTotal(counts) };
}

/** `?aviso=` messages after create and edit. */
export const NOTICES: Record<string, string> = {
  creado: "Se creó en borrador. Revise sus datos y publíquelo cuando esté completo.",
  guardado: "Se guardaron los cambios.",
  "sin-cambios": "No había cambios que guardar.",
};

export function noticeOf(value: string | string[] | undefined): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  return v && Object.hasOwn(NOTICES, v) ? NOTICES[v]! : null;
}

/** A path segment for a page title: decoded when possible, never throwing. */
export function titlePart(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
