import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import type { LifecycleStatus } from "@/lib/generated/prisma/enums";

/** Institutions whose drafts (services, data items, procedures) the actor may see. */
export function draftInstitutions(actor: Actor | null): string[] {
  return actor ? actor.memberships.filter((m) => can(actor, "catalog.read_drafts", m.institutionCode)).map((m) => m.institutionCode) : [];
}

/** A draft is visible only to its institution's members; to anyone else it does not exist. */
export function assertVisible(actor: Actor | null, status: LifecycleStatus, institutionCode: string, notFoundMessage: string): void {
  if (status === "DRAFT" && !draftInstitutions(actor).includes(institutionCode)) throw new AppError("not_found", notFoundMessage);
}

export function assertCanEdit(actor: Actor | null, institutionCode: string): void {
  if (!can(actor, "catalog.edit", institutionCode)) {
    throw new AppError("forbidden", `Solo un/a administrador/a de ${institutionCode} puede modificar su catálogo.`);
  }
}

export type StatusFilter = LifecycleStatus | "ALL";

/**
 * Default listing: published and deprecated; an explicit status shows that status; ALL shows
 * every status. Drafts are always limited to the actor's own institutions by the queries.
 */
export function visibleStatuses(status: StatusFilter | undefined): LifecycleStatus[] {
  if (status === "ALL") return ["DRAFT", "PUBLISHED", "DEPRECATED", "RETIRED"];
  return status ? [status] : ["PUBLISHED", "DEPRECATED"];
}
