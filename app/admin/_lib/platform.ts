import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { TAgreementSummary } from "@/lib/agreements/schemas";
import { DEADLINE_WARNING_BUSINESS_DAYS, listAgreements } from "@/lib/agreements/service";
import { can } from "@/lib/auth/permissions";
import { getCurrentActor, type Actor } from "@/lib/auth/session";

/**
 * The gate of the platform console: signed out → sign in and come back; anyone but the platform
 * team → 404, so the console's existence reveals nothing. Once per request.
 */
export const requirePlatform = cache(async (returnPath: string): Promise<Actor> => {
  const actor = await getCurrentActor();
  if (!actor) redirect(`/ingresar?desde=${encodeURIComponent(returnPath)}`);
  if (!can(actor, "agreement.mediate")) notFound();
  return actor;
});

const PAGE = 100;
const MAX_PAGES = 10;

/** Every agreement in `status` across the network (up to MAX_PAGES pages of PAGE). */
async function allIn(status: "ENVIADA" | "EN_REVISION", actor: Actor): Promise<TAgreementSummary[]> {
  const out: TAgreementSummary[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const r = await listAgreements({ status, direction: "all", page, pageSize: PAGE }, actor);
    out.push(...r.data);
    if (page >= r.pagination.totalPages) break;
  }
  return out;
}

/**
 * Requests awaiting the provider's answer whose deadline is near (DEADLINE_WARNING_BUSINESS_DAYS
 * business days or fewer) or already past, the most urgent first; and the ones that expired
 * unanswered (the consumer may ask for mediation).
 */
export async function deadlineWatch(actor: Actor): Promise<{ near: TAgreementSummary[]; expired: TAgreementSummary[]; expiredTotal: number }> {
  const [sent, inReview, expired] = await Promise.all([
    allIn("ENVIADA", actor),
    allIn("EN_REVISION", actor),
    listAgreements({ status: "VENCIDA", direction: "all", page: 1, pageSize: PAGE }, actor),
  ]);
  const near = [...sent, ...inReview]
    .filter((a) => a.businessDaysLeft !== null && a.businessDaysLeft <= DEADLINE_WARNING_BUSINESS_DAYS)
    .sort((a, b) => a.businessDaysLeft! - b.businessDaysLeft! || (a.dueAt ?? "").localeCompare(b.dueAt ?? ""));
  return { near, expired: expired.data, expiredTotal: expired.pagination.total };
}

export { DEADLINE_WARNING_BUSINESS_DAYS };
