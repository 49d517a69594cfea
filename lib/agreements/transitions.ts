import { AppError, ValidationError } from "@/lib/errors";
import type { AgreementStatus, ApprovalPolicy, SuspendingParty } from "@/lib/generated/prisma/enums";

/**
 * The agreement state machine: one table. For each action, the states it may start from, where
 * it leads, who may take it (relative to the agreement), whether a reason is required, and the
 * steps the system takes right after it when their guard holds (`then`). Nothing else decides a
 * state: lib/agreements/effects.ts only does what each step entails (dates, signatures,
 * notifications) and `stepsOf` says where the agreement ends up.
 *
 *   BORRADOR → ENVIADA → EN_REVISION → (ACEPTADA →) PENDIENTE_FIRMA → VIGENTE ⇄ SUSPENDIDA → TERMINADA
 *                 │            ├──────→ RECHAZADA ─┐
 *                 └────────────┴──────→ VENCIDA ───┴→ EN_MEDIACION → (ACEPTADA →) PENDIENTE_FIRMA | RECHAZADA_FIRME
 *   Open data (automatic approval): ENVIADA → VIGENTE at once, without signatures.
 */
/** The provider answers within 15 business days, extendable once by 5 (Gestor de Acuerdos). */
export const ANSWER_BUSINESS_DAYS = 15;
export const EXTENSION_BUSINESS_DAYS = 5;
/** A deadline this close (business days) notifies the provider once. */
export const DEADLINE_WARNING_BUSINESS_DAYS = 5;
/** The provider is warned twice before its answer is due: at five business days left, and at one. */
export const DEADLINE_WARNINGS = [5, 1] as const;

export type Party = "consumer_admin" | "consumer_head" | "provider_admin" | "provider_head" | "platform" | "system";

export const AGREEMENT_ACTIONS = [
  "submit",
  "take_up",
  "accept",
  "reject",
  "extend",
  "request_mediation",
  "mediate_accept",
  "mediate_reject",
  "sign",
  "suspend",
  "resume",
  "terminate",
  "expire",
  "end",
] as const;
export type AgreementAction = (typeof AGREEMENT_ACTIONS)[number];

/** What the table's guards look at besides the state. */
export type AgreementFacts = {
  suspendedBy: SuspendingParty | null;
  /** The service's approval policy: AUTOMATIC is open data, in force as soon as it is sent. */
  approvalPolicy: ApprovalPolicy;
  /** Signatures of the terms recorded, the one being made now included. */
  signatures: number;
};

/** What decides who may act (the guard on `resume`). */
export type WhoFacts = Pick<AgreementFacts, "suspendedBy">;

/** Steps the system takes after an action (recorded as events without an actor). */
export const FOLLOW_UP_ACTIONS = ["automatic_approval", "await_signatures", "in_force"] as const;
export type FollowUpAction = (typeof FOLLOW_UP_ACTIONS)[number];

/** A step right after an action, when its guard holds: it moves the agreement on to `to`. */
export type FollowUp = { action: FollowUpAction; when?: (facts: AgreementFacts) => boolean; to: AgreementStatus; reason?: string };

/** The named guards of the follow-up steps. */
export const GUARDS = {
  /** Open data needs no review nor signatures. */
  isOpenData: (facts: AgreementFacts) => facts.approvalPolicy === "AUTOMATIC",
  /** Both heads of service have signed. */
  bothSigned: (facts: AgreementFacts) => facts.signatures >= 2,
} as const;

/** `to`: the next state; "STAY" keeps it (a deadline extension, a signature). */
export type AgreementTransition = {
  from: readonly AgreementStatus[];
  to: AgreementStatus | "STAY";
  /** What follows at once, in order, each when its guard holds. */
  then?: readonly FollowUp[];
  by: readonly Party[];
  /**
   * A guard: of the parties in `by`, those who may take it given the agreement's facts (only the
   * party that suspended an agreement, or the platform team, lifts the suspension).
   */
  onlyBy?: (facts: WhoFacts) => readonly Party[];
  reasonRequired: boolean;
  /** Infinitive, for messages ("aceptar"). */
  verb: string;
  /** Button label. */
  label: string;
  /** What the confirmation tells the person. */
  confirm: string;
};

const ADMINS_AND_PLATFORM = ["consumer_admin", "provider_admin", "platform"] as const;

/** Acceptance (by the provider or in mediation) is followed at once by waiting for the signatures. */
const AWAIT_SIGNATURES: FollowUp = { action: "await_signatures", to: "PENDIENTE_FIRMA" };

/** Who may lift a suspension, by who suspended: that party, or the platform team. */
const RESUMERS: Record<SuspendingParty, readonly Party[]> = {
  CONSUMER: ["consumer_admin", "platform"],
  PROVIDER: ["provider_admin", "platform"],
  PLATFORM: ["platform"],
};

/** The party recorded when `parties` suspend an agreement: its institution's side first, the platform team otherwise. */
export function suspendingParty(parties: ReadonlySet<Party>): SuspendingParty {
  if (parties.has("provider_admin")) return "PROVIDER";
  if (parties.has("consumer_admin")) return "CONSUMER";
  return "PLATFORM";
}

export const AGREEMENT_TRANSITIONS: Readonly<Record<AgreementAction, AgreementTransition>> = {
  submit: {
    from: ["BORRADOR"],
    to: "ENVIADA",
    then: [{ action: "automatic_approval", when: GUARDS.isOpenData, to: "VIGENTE", reason: "Datos abiertos: aprobación automática" }],
    by: ["consumer_admin"],
    reasonRequired: false,
    verb: "enviar",
    label: "Enviar solicitud",
    confirm: "El proveedor tendrá 15 días hábiles para responder (prorrogables una vez por 5). El equipo de la plataforma será notificado.",
  },
  take_up: {
    from: ["ENVIADA"],
    to: "EN_REVISION",
    by: ["provider_admin"],
    reasonRequired: false,
    verb: "tomar en revisión",
    label: "Tomar en revisión",
    confirm: "La institución solicitante verá que su solicitud está en revisión. El plazo para responder sigue corriendo.",
  },
  accept: {
    from: ["EN_REVISION"],
    to: "ACEPTADA",
    then: [AWAIT_SIGNATURES],
    by: ["provider_admin"],
    reasonRequired: false,
    verb: "aceptar",
    label: "Aceptar",
    confirm: "Se fijan los niveles de servicio y los términos; luego deben firmar las jefaturas de servicio de ambas instituciones.",
  },
  reject: {
    from: ["EN_REVISION"],
    to: "RECHAZADA",
    by: ["provider_admin"],
    reasonRequired: true,
    verb: "rechazar",
    label: "Rechazar",
    confirm: "La institución solicitante podrá pedir la mediación del equipo de la plataforma.",
  },
  extend: {
    from: ["ENVIADA", "EN_REVISION"],
    to: "STAY",
    by: ["provider_admin"],
    reasonRequired: true,
    verb: "prorrogar el plazo de",
    label: "Prorrogar 5 días hábiles",
    confirm: "El plazo se extiende por 5 días hábiles. Solo puede prorrogarse una vez.",
  },
  request_mediation: {
    from: ["RECHAZADA", "VENCIDA"],
    to: "EN_MEDIACION",
    by: ["consumer_admin"],
    reasonRequired: true,
    verb: "pedir mediación para",
    label: "Pedir mediación",
    confirm: "El equipo de la plataforma revisará la solicitud y decidirá si se acepta o se rechaza en forma definitiva.",
  },
  mediate_accept: {
    from: ["EN_MEDIACION"],
    to: "ACEPTADA",
    then: [AWAIT_SIGNATURES],
    by: ["platform"],
    reasonRequired: true,
    verb: "aceptar en mediación",
    label: "Aceptar (mediación)",
    confirm: "Se fijan los niveles de servicio y los términos; luego deben firmar las jefaturas de servicio de ambas instituciones.",
  },
  mediate_reject: {
    from: ["EN_MEDIACION"],
    to: "RECHAZADA_FIRME",
    by: ["platform"],
    reasonRequired: true,
    verb: "rechazar en forma definitiva",
    label: "Rechazar en forma definitiva",
    confirm: "La solicitud queda rechazada en forma definitiva.",
  },
  sign: {
    from: ["PENDIENTE_FIRMA"],
    to: "STAY",
    then: [{ action: "in_force", when: GUARDS.bothSigned, to: "VIGENTE", reason: "Firmado por ambas jefaturas de servicio" }],
    by: ["consumer_head", "provider_head"],
    reasonRequired: false,
    verb: "firmar",
    label: "Firmar el acuerdo",
    confirm: "Firma como jefatura de servicio los términos indicados (queda registrada su huella SHA-256). Cuando firmen ambas partes, el acuerdo entra en vigencia.",
  },
  suspend: {
    from: ["VIGENTE"],
    to: "SUSPENDIDA",
    by: ADMINS_AND_PLATFORM,
    reasonRequired: true,
    verb: "suspender",
    label: "Suspender",
    confirm: "Los nodos dejarán de permitir el intercambio en la siguiente actualización de la configuración de la red.",
  },
  resume: {
    from: ["SUSPENDIDA"],
    to: "VIGENTE",
    by: ADMINS_AND_PLATFORM,
    onlyBy: ({ suspendedBy }) => RESUMERS[suspendedBy ?? "PLATFORM"],
    reasonRequired: true,
    verb: "reanudar",
    label: "Reanudar",
    confirm: "El acuerdo vuelve a estar vigente y los nodos permitirán el intercambio.",
  },
  terminate: {
    from: ["VIGENTE", "SUSPENDIDA"],
    to: "TERMINADA",
    by: ADMINS_AND_PLATFORM,
    reasonRequired: true,
    verb: "terminar",
    label: "Terminar",
    confirm: "El acuerdo termina y no puede reactivarse: un nuevo intercambio requerirá una nueva solicitud.",
  },
  expire: {
    from: ["ENVIADA", "EN_REVISION"],
    to: "VENCIDA",
    by: ["system"],
    reasonRequired: false,
    verb: "vencer",
    label: "Vencer",
    confirm: "",
  },
  end: {
    from: ["VIGENTE", "SUSPENDIDA"],
    to: "TERMINADA",
    by: ["system"],
    reasonRequired: false,
    verb: "terminar por fecha de término",
    label: "Terminar por fecha",
    confirm: "",
  },
};

export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = {
  BORRADOR: "Borrador",
  ENVIADA: "Enviada",
  EN_REVISION: "En revisión",
  ACEPTADA: "Aceptada",
  RECHAZADA: "Rechazada",
  VENCIDA: "Vencida",
  EN_MEDIACION: "En mediación",
  RECHAZADA_FIRME: "Rechazada en forma definitiva",
  PENDIENTE_FIRMA: "Pendiente de firma",
  VIGENTE: "Vigente",
  SUSPENDIDA: "Suspendida",
  TERMINADA: "Terminada",
};

const PARTY_WORDS: Record<Party, string> = {
  consumer_admin: "un/a administrador/a de la institución solicitante",
  consumer_head: "la jefatura de servicio de la institución solicitante",
  provider_admin: "un/a administrador/a de la institución proveedora",
  provider_head: "la jefatura de servicio de la institución proveedora",
  platform: "el equipo de la plataforma",
  system: "el sistema",
};

const NO_FACTS: WhoFacts = { suspendedBy: null };

/** One state change to record: the action (or follow-up) and where it moved the agreement. */
export type Step = { action: AgreementAction | FollowUpAction; from: AgreementStatus; to: AgreementStatus; reason?: string };

/**
 * Where `action` takes an agreement now in `from`, step by step: the action itself, then each
 * follow-up whose guard holds with `facts` (as they are once the action's own effects are done).
 */
export function stepsOf(from: AgreementStatus, action: AgreementAction, facts: AgreementFacts): Step[] {
  const t = AGREEMENT_TRANSITIONS[action];
  const steps: Step[] = [{ action, from, to: t.to === "STAY" ? from : t.to }];
  for (const next of t.then ?? []) {
    if (next.when && !next.when(facts)) continue;
    steps.push({ action: next.action, from: steps.at(-1)!.to, to: next.to, reason: next.reason });
  }
  return steps;
}

/** Statuses in which a request's terms may still change (documents attached, standard terms chosen). */
export const TERMS_EDITABLE: readonly AgreementStatus[] = ["BORRADOR", "ENVIADA", "EN_REVISION", "EN_MEDIACION"];

/** Statuses that end a request for good: a new request may then be made for the same service. */
export const CLOSED_STATUSES: readonly AgreementStatus[] = ["RECHAZADA", "VENCIDA", "RECHAZADA_FIRME", "TERMINADA"];

const SUSPENDER_WORDS: Record<SuspendingParty, string> = {
  CONSUMER: "la institución solicitante",
  PROVIDER: "la institución proveedora",
  PLATFORM: "el equipo de la plataforma",
};

/** Spanish contractions: "de el" → "del", "a el" → "al". */
const contract = (s: string) => s.replace(/\bde el\b/g, "del").replace(/\ba el\b/g, "al");

/**
 * Whether `parties` may take `action` now, and where it leads. Refusals: 409 for an unknown or
 * system-only action, 403 when none of the actor's parties may take it, 409 naming the current
 * state when it does not start from there, 422 when the reason is missing.
 */
export function decideTransition(status: AgreementStatus, action: string, parties: ReadonlySet<Party>, reason?: string | null, facts: WhoFacts = NO_FACTS): AgreementTransition {
  const t = (AGREEMENT_TRANSITIONS as Record<string, AgreementTransition | undefined>)[action];
  if (!t || t.by.includes("system")) {
    throw new AppError("invalid_transition", `La acción «${action}» no está disponible (estado actual: ${AGREEMENT_STATUS_LABELS[status]}, ${status}).`);
  }
  if (!t.by.some((p) => parties.has(p))) {
    throw new AppError("forbidden", `Solo ${t.by.map((p) => PARTY_WORDS[p]).join(" o ")} puede ${contract(`${t.verb} el acuerdo`)}.`);
  }
  if (!t.from.includes(status)) {
    throw new AppError("invalid_transition", `No se puede ${t.verb} un acuerdo en estado ${AGREEMENT_STATUS_LABELS[status]} (${status}).`);
  }
  const guarded = t.onlyBy?.(facts);
  if (guarded && !guarded.some((p) => parties.has(p))) {
    const who = facts.suspendedBy === "PLATFORM" || !facts.suspendedBy ? "el equipo de la plataforma" : `${SUSPENDER_WORDS[facts.suspendedBy]} o el equipo de la plataforma`;
    throw new AppError("forbidden", `El acuerdo lo suspendió ${SUSPENDER_WORDS[facts.suspendedBy ?? "PLATFORM"]}: solo ${who} puede ${contract(`${t.verb} el acuerdo`)}.`);
  }
  if (t.reasonRequired && !reason?.trim()) {
    throw new ValidationError([{ path: "reason", message: `Indique el motivo para ${contract(`${t.verb} el acuerdo`)}.` }]);
  }
  return t;
}

/** The actions `parties` can take from `status` (for the buttons). */
export function actionsFor(status: AgreementStatus, parties: ReadonlySet<Party>, facts: WhoFacts = NO_FACTS): AgreementAction[] {
  return AGREEMENT_ACTIONS.filter((a) => {
    const t = AGREEMENT_TRANSITIONS[a];
    const who = t.onlyBy?.(facts) ?? t.by;
    return !t.by.includes("system") && t.from.includes(status) && t.by.some((p) => parties.has(p)) && who.some((p) => parties.has(p));
  });
}

/** Statuses that block a new request for the same consumer, service and environment: all but the closed ones. */
export const ACTIVE_STATUSES: readonly AgreementStatus[] = (Object.keys(AGREEMENT_STATUS_LABELS) as AgreementStatus[]).filter((s) => !CLOSED_STATUSES.includes(s));
