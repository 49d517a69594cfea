import type { AgreementStatus } from "@/lib/generated/prisma/enums";
import { ANSWER_BUSINESS_DAYS, EXTENSION_BUSINESS_DAYS } from "@/lib/agreements/transitions";

/**
 * Where a request stands, as the steps of its path (browser-safe): the usual path
 * Enviada → En revisión → Aceptada → Firmas → Vigente, with the detour through mediation when it
 * applies (a rejection or an expired deadline, and the platform's decision), the automatic
 * approval of open data, and the ends (suspended, terminated). Derived from the status and the
 * actions of the history (lib/agreements/transitions.ts names both).
 */
export type StepState = "done" | "current" | "upcoming";
export type AgreementStep = { key: string; label: string; state: StepState };

const STATE_WORDS: Record<StepState, string> = { done: "completada", current: "etapa actual", upcoming: "pendiente" };
/** What each step's state is called (the indicator never relies on colour alone). */
export const stepStateWords = (state: StepState) => STATE_WORDS[state];

type StepDef = { key: string; label: string };

const SENT: StepDef = { key: "sent", label: "Enviada" };
const REVIEW: StepDef = { key: "review", label: "En revisión" };
const ACCEPTED: StepDef = { key: "accepted", label: "Aceptada" };
const SIGNATURES: StepDef = { key: "signatures", label: "Firmas" };
const IN_FORCE: StepDef = { key: "in_force", label: "Vigente" };

/** The step each status stands on (the last of the path for the ends). */
const CURRENT_KEY: Record<AgreementStatus, string> = {
  BORRADOR: "draft",
  ENVIADA: "sent",
  EN_REVISION: "review",
  ACEPTADA: "accepted",
  RECHAZADA: "rejected",
  VENCIDA: "expired",
  EN_MEDIACION: "mediation",
  RECHAZADA_FIRME: "rejected_final",
  PENDIENTE_FIRMA: "signatures",
  VIGENTE: "in_force",
  SUSPENDIDA: "suspended",
  TERMINADA: "terminated",
};

const MEDIATION_STATUSES: readonly AgreementStatus[] = ["RECHAZADA", "VENCIDA", "EN_MEDIACION", "RECHAZADA_FIRME"];

/** The steps of an agreement in `status` whose history holds `actions` (the events' actions, in order). */
export function agreementSteps(status: AgreementStatus, actions: readonly string[]): AgreementStep[] {
  const did = (action: string) => actions.includes(action);
  const path: StepDef[] = [];
  if (status === "BORRADOR") path.push({ key: "draft", label: "Borrador" });
  path.push(SENT);

  if (did("automatic_approval")) {
    path.push({ key: "automatic", label: "Aprobación automática (datos abiertos)" });
  } else {
    const mediation = MEDIATION_STATUSES.includes(status) || did("request_mediation");
    // What sent the request to mediation: the status says it while there, the history afterwards.
    const lastOutcome = actions.findLast((action) => action === "expire" || action === "reject");
    const expired = status === "VENCIDA" || (status !== "RECHAZADA" && lastOutcome === "expire");
    const rejected = status === "RECHAZADA" || (!expired && lastOutcome === "reject");
    // Review is on the path unless the deadline ran out before the provider took the request up.
    if (!(expired && !did("take_up")) || status === "EN_REVISION") path.push(REVIEW);
    if (mediation) {
      if (expired) path.push({ key: "expired", label: "Plazo vencido" });
      else if (rejected) path.push({ key: "rejected", label: "Rechazada" });
      path.push({ key: "mediation", label: "Mediación" });
      if (status === "RECHAZADA_FIRME") path.push({ key: "rejected_final", label: "Rechazada en forma definitiva" });
    }
    if (status !== "RECHAZADA_FIRME") path.push(ACCEPTED, SIGNATURES);
  }
  if (status !== "RECHAZADA_FIRME") path.push(IN_FORCE);
  if (status === "SUSPENDIDA") path.push({ key: "suspended", label: "Suspendida" });
  if (status === "TERMINADA") path.push({ key: "terminated", label: "Terminada" });

  const current = path.findIndex((step) => step.key === CURRENT_KEY[status]);
  return path.map((step, i) => ({ ...step, state: i < current ? "done" : i === current ? "current" : "upcoming" }));
}

/** The answer deadline as a bar: business days in all, used and left (negative left: overdue by that many). */
export type DeadlineBar = { total: number; used: number; left: number; overdue: boolean; percentUsed: number };

export function deadlineBar(businessDaysLeft: number, extended: boolean): DeadlineBar {
  const total = ANSWER_BUSINESS_DAYS + (extended ? EXTENSION_BUSINESS_DAYS : 0);
  const used = Math.min(total, Math.max(0, total - businessDaysLeft));
  return { total, used, left: businessDaysLeft, overdue: businessDaysLeft < 0, percentUsed: Math.round((used / total) * 100) };
}
