import { localDateOf } from "@/lib/agreements/business-days";
import type { OnboardingStage } from "@/lib/generated/prisma/enums";

/**
 * An institution's stage of joining the network, until the onboarding workflow records it: the
 * stage the platform team set, or what the facts show when they show more.
 */
export type OnboardingFacts = {
  /** It has sent a request or received one that is still active, or has an agreement in force. */
  hasAgreement: boolean;
  /** Environments in which it has an agreement in force (as consumer or provider). */
  agreementsInForce: readonly ("dev" | "prod")[];
  /** Environments in which it has an active node. */
  activeNodes: readonly ("dev" | "prod")[];
};

const ORDER: readonly OnboardingStage[] = ["NO_INICIADO", "REUNION_SOLICITADA", "ACUERDO", "NODO_DESARROLLO", "PRUEBAS_CONECTIVIDAD", "PRODUCCION"];

/** The furthest stage the facts alone show. */
export function stageFromFacts(facts: OnboardingFacts): OnboardingStage {
  const node = (env: "dev" | "prod") => facts.activeNodes.includes(env);
  const inForce = (env: "dev" | "prod") => facts.agreementsInForce.includes(env);
  if (node("prod") && inForce("prod")) return "PRODUCCION";
  // A node that can exchange under an agreement in force is testing its connections.
  if ((node("dev") && inForce("dev")) || node("prod")) return "PRUEBAS_CONECTIVIDAD";
  if (node("dev")) return "NODO_DESARROLLO";
  if (facts.hasAgreement || facts.agreementsInForce.length > 0) return "ACUERDO";
  return "NO_INICIADO";
}

/** The stage shown: the recorded one, or the facts' when they show a later one. */
export function effectiveStage(recorded: OnboardingStage, facts: OnboardingFacts): OnboardingStage {
  const derived = stageFromFacts(facts);
  return ORDER.indexOf(derived) > ORDER.indexOf(recorded) ? derived : recorded;
}

/**
 * Whether the group's deadline has passed for the institution: its year is over (in Chile) and the
 * institution is not in production yet.
 */
export function deadlinePassed(deadlineYear: number, stage: OnboardingStage, today: Date): boolean {
  const year = Number(localDateOf(today).slice(0, 4));
  return stage !== "PRODUCCION" && year > deadlineYear;
}
