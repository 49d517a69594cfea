import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { AgreementFormValues, AgreementProcedureOption, ConsumerOption } from "@/components/agreements/form-values";
import type { TAgreement } from "@/lib/agreements/schemas";
import { getAgreement } from "@/lib/agreements/service";
import { can } from "@/lib/auth/permissions";
import { getCurrentActor, type Actor } from "@/lib/auth/session";
import type { TService } from "@/lib/catalog/schemas";
import { getService } from "@/lib/catalog/service";
import { isAppError } from "@/lib/errors";
import { searchProcedures } from "@/lib/procedures/service";
import { orNotFound } from "../../_lib/not-found";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Signed out → sign in and come back to `returnPath`. */
export async function requireActor(returnPath: string): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) redirect(`/ingresar?desde=${encodeURIComponent(returnPath)}`);
  return actor;
}

/**
 * The gate of an agreement's pages: signed out → sign in; a malformed id, an agreement that does
 * not exist or one the person is not a party to (nor the platform team) → 404. Once per request.
 */
export const loadAgreement = cache(async (rawId: string, returnPath: string): Promise<{ actor: Actor; agreement: TAgreement }> => {
  const actor = await requireActor(returnPath);
  if (!UUID.test(rawId)) notFound();
  const agreement = await orNotFound(getAgreement(rawId.toLowerCase(), actor));
  return { actor, agreement };
});

/** The service an agreement is about, with its limits (TPS, ANS); null when it cannot be read. */
export async function serviceOrNull(id: string, actor: Actor): Promise<TService | null> {
  try {
    return await getService(id, actor);
  } catch (err) {
    if (isAppError(err, "not_found")) return null;
    throw err;
  }
}

/** The institutions for which `actor` may request access to a service of `provider`. */
export function consumerOptions(actor: Actor, provider: string): ConsumerOption[] {
  return actor.memberships
    .filter((m) => m.institutionCode !== provider && can(actor, "agreement.prepare", m.institutionCode))
    .map((m) => ({ code: m.institutionCode, name: m.institutionName, canSubmit: can(actor, "agreement.submit", m.institutionCode) }))
    .sort((a, b) => Number(b.canSubmit) - Number(a.canSubmit));
}

/**
 * The procedures offered in the request form: those in force, the ones the catalog links to the
 * service first (suggested), then any already chosen that was repealed since (so it can be unchecked).
 */
export async function procedureOptions(service: Pick<TService, "procedures">, chosen: { code: string; name: string }[] = []): Promise<AgreementProcedureOption[]> {
  const inForce = await searchProcedures({ status: "VIGENTE", page: 1, pageSize: 100 });
  const suggested = new Set(service.procedures.map((p) => p.code));
  const options: AgreementProcedureOption[] = inForce.data.map((p) => ({ code: p.code, name: p.name, institution: p.institution, needsConsent: p.needsConsent, suggested: suggested.has(p.code) }));
  for (const p of chosen) {
    if (!options.some((o) => o.code === p.code)) options.push({ code: p.code, name: `${p.name} (derogado)`, institution: { code: "", name: "" }, needsConsent: false, suggested: false });
  }
  return options.sort((a, b) => Number(b.suggested) - Number(a.suggested));
}

/** The service's fields the form shows and checks against. */
export function formService(s: TService) {
  return { id: s.id, name: s.name, provider: s.provider, tps: s.tps, environments: s.environments, openData: s.approvalPolicy === "AUTOMATIC" };
}

/** The edit form's initial values, from the agreement as the API returns it. */
export function agreementFormValues(a: TAgreement): AgreementFormValues {
  return {
    consumer: a.consumer.code,
    environment: a.environment,
    type: a.type,
    procedures: a.procedures.map((p) => p.code),
    legalBasis: a.legalBasis,
    declaredVolume: String(a.declaredVolume),
    mode: a.mode,
    requestedTps: String(a.requestedTps),
    requestedUntil: a.requestedUntil ?? "",
  };
}
