import { describe, expect, it } from "vitest";
import { AppError, ValidationError } from "@/lib/errors";
import type { AgreementStatus } from "@/lib/generated/prisma/enums";
import { actionsFor, AGREEMENT_ACTIONS, AGREEMENT_TRANSITIONS, decideTransition, stepsOf, suspendingParty, type AgreementFacts, type WhoFacts, type Party } from "./transitions";

const STATES: AgreementStatus[] = [
  "BORRADOR", "ENVIADA", "EN_REVISION", "ACEPTADA", "RECHAZADA", "VENCIDA", "EN_MEDIACION", "RECHAZADA_FIRME", "PENDIENTE_FIRMA", "VIGENTE", "SUSPENDIDA", "TERMINADA",
];

// Who is who, as sets of parties (a head of service who is also admin holds both).
const ACTORS: Record<string, Party[]> = {
  consumerStaff: [],
  consumerAdmin: ["consumer_admin"],
  consumerHead: ["consumer_admin", "consumer_head"],
  providerStaff: [],
  providerAdmin: ["provider_admin"],
  providerHead: ["provider_admin", "provider_head"],
  platform: ["platform"],
  outsider: [],
};

// Written from the text, independently of the table: action → [states it starts from, actors allowed].
const SPEC: Record<string, [AgreementStatus[], string[]]> = {
  submit: [["BORRADOR"], ["consumerAdmin", "consumerHead"]],
  take_up: [["ENVIADA"], ["providerAdmin", "providerHead"]],
  accept: [["EN_REVISION"], ["providerAdmin", "providerHead"]],
  reject: [["EN_REVISION"], ["providerAdmin", "providerHead"]],
  extend: [["ENVIADA", "EN_REVISION"], ["providerAdmin", "providerHead"]],
  request_mediation: [["RECHAZADA", "VENCIDA"], ["consumerAdmin", "consumerHead"]],
  mediate_accept: [["EN_MEDIACION"], ["platform"]],
  mediate_reject: [["EN_MEDIACION"], ["platform"]],
  sign: [["PENDIENTE_FIRMA"], ["consumerHead", "providerHead"]],
  suspend: [["VIGENTE"], ["consumerAdmin", "consumerHead", "providerAdmin", "providerHead", "platform"]],
  resume: [["SUSPENDIDA"], ["consumerAdmin", "consumerHead", "providerAdmin", "providerHead", "platform"]],
  terminate: [["VIGENTE", "SUSPENDIDA"], ["consumerAdmin", "consumerHead", "providerAdmin", "providerHead", "platform"]],
};
const SYSTEM_ONLY = ["expire", "end"];

// Who may lift a suspension, by who suspended it (the issue: that party or the platform team).
const RESUME_BY: Record<NonNullable<AgreementFacts["suspendedBy"]>, string[]> = {
  CONSUMER: ["consumerAdmin", "consumerHead", "platform"],
  PROVIDER: ["providerAdmin", "providerHead", "platform"],
  PLATFORM: ["platform"],
};

function outcome(state: AgreementStatus, action: string, actor: string, facts?: WhoFacts): "ok" | 403 | 409 {
  try {
    decideTransition(state, action, new Set(ACTORS[actor]), "un motivo", facts);
    return "ok";
  } catch (e) {
    if (e instanceof AppError && (e.status === 403 || e.status === 409)) return e.status;
    throw e;
  }
}

describe("agreement transitions: every (state, action, role)", () => {
  it("the table has exactly the actions of the spec", () => {
    expect([...AGREEMENT_ACTIONS].sort()).toEqual([...Object.keys(SPEC), ...SYSTEM_ONLY].sort());
  });

  for (const [action, [from, allowed]] of Object.entries(SPEC)) {
    if (action === "resume") continue; // below, for each suspending party
    for (const state of STATES) {
      for (const actor of Object.keys(ACTORS)) {
        const expected = !allowed.includes(actor) ? 403 : from.includes(state) ? "ok" : 409;
        it(`${state} · ${action} · ${actor} → ${expected}`, () => {
          expect(outcome(state, action, actor)).toBe(expected);
        });
      }
    }
  }

  for (const [suspendedBy, resumers] of Object.entries(RESUME_BY) as [NonNullable<AgreementFacts["suspendedBy"]>, string[]][]) {
    for (const state of STATES) {
      for (const actor of Object.keys(ACTORS)) {
        const [from, allowed] = SPEC.resume!;
        const expected = !allowed.includes(actor) ? 403 : !from.includes(state) ? 409 : resumers.includes(actor) ? "ok" : 403;
        it(`${state} · resume · ${actor}, suspended by ${suspendedBy} → ${expected}`, () => {
          expect(outcome(state, "resume", actor, { suspendedBy })).toBe(expected);
        });
      }
    }
  }

  it("records the suspending party: its institution's side first, the platform team otherwise", () => {
    expect(suspendingParty(new Set(["provider_admin", "platform"]))).toBe("PROVIDER");
    expect(suspendingParty(new Set(["consumer_admin", "consumer_head"]))).toBe("CONSUMER");
    expect(suspendingParty(new Set(["platform"]))).toBe("PLATFORM");
  });

  it("a suspension by the provider is not lifted by the consumer, and the buttons say so", () => {
    expect(() => decideTransition("SUSPENDIDA", "resume", new Set(["consumer_admin"]), "x", { suspendedBy: "PROVIDER" })).toThrow(
      "El acuerdo lo suspendió la institución proveedora: solo la institución proveedora o el equipo de la plataforma puede reanudar el acuerdo.",
    );
    expect(actionsFor("SUSPENDIDA", new Set(["consumer_admin"]), { suspendedBy: "PROVIDER" })).toEqual(["terminate"]);
    expect(actionsFor("SUSPENDIDA", new Set(["provider_admin"]), { suspendedBy: "PROVIDER" })).toEqual(["resume", "terminate"]);
    expect(actionsFor("SUSPENDIDA", new Set(["platform"]), { suspendedBy: "CONSUMER" })).toEqual(["resume", "terminate"]);
  });

  for (const action of [...SYSTEM_ONLY, "bogus"]) {
    it(`${action} is never available to a person (409)`, () => {
      for (const state of STATES) for (const actor of Object.keys(ACTORS)) expect(outcome(state, action, actor)).toBe(409);
    });
  }

  it("names the current state when refusing", () => {
    expect(() => decideTransition("VIGENTE", "accept", new Set(["provider_admin"]))).toThrow("No se puede aceptar un acuerdo en estado Vigente (VIGENTE).");
  });

  it("requires a reason to reject, extend, mediate, suspend, resume and terminate", () => {
    for (const [action, state, party] of [
      ["reject", "EN_REVISION", "provider_admin"],
      ["extend", "ENVIADA", "provider_admin"],
      ["request_mediation", "VENCIDA", "consumer_admin"],
      ["mediate_accept", "EN_MEDIACION", "platform"],
      ["mediate_reject", "EN_MEDIACION", "platform"],
      ["suspend", "VIGENTE", "platform"],
      ["resume", "SUSPENDIDA", "platform"],
      ["terminate", "SUSPENDIDA", "consumer_admin"],
    ] as const) {
      expect(() => decideTransition(state, action, new Set([party]), "  ")).toThrow(ValidationError);
    }
    expect(decideTransition("EN_REVISION", "accept", new Set(["provider_admin"])).to).toBe("ACEPTADA");
  });

  it("offers each actor exactly the actions it may take now", () => {
    expect(actionsFor("EN_REVISION", new Set(["provider_admin", "provider_head"]))).toEqual(["accept", "reject", "extend"]);
    expect(actionsFor("PENDIENTE_FIRMA", new Set(["consumer_admin"]))).toEqual([]);
    expect(actionsFor("VIGENTE", new Set(["platform"]))).toEqual(["suspend", "terminate"]);
  });
});

describe("where an action leads: the table's steps, follow-ups included", () => {
  const facts = (over: Partial<AgreementFacts> = {}): AgreementFacts => ({ suspendedBy: null, approvalPolicy: "MANUAL", signatures: 0, ...over });
  const path = (from: AgreementStatus, action: Parameters<typeof stepsOf>[1], f: AgreementFacts) => stepsOf(from, action, f).map((s) => `${s.action}:${s.from}>${s.to}`);

  it("a request to a reviewed service is sent; to open data, it is in force at once", () => {
    expect(path("BORRADOR", "submit", facts())).toEqual(["submit:BORRADOR>ENVIADA"]);
    expect(path("BORRADOR", "submit", facts({ approvalPolicy: "AUTOMATIC" }))).toEqual(["submit:BORRADOR>ENVIADA", "automatic_approval:ENVIADA>VIGENTE"]);
  });

  it("acceptance, by the provider or in mediation, is followed by waiting for the signatures", () => {
    expect(path("EN_REVISION", "accept", facts())).toEqual(["accept:EN_REVISION>ACEPTADA", "await_signatures:ACEPTADA>PENDIENTE_FIRMA"]);
    expect(path("EN_MEDIACION", "mediate_accept", facts())).toEqual(["mediate_accept:EN_MEDIACION>ACEPTADA", "await_signatures:ACEPTADA>PENDIENTE_FIRMA"]);
  });

  it("the signature that completes the pair puts the agreement in force; the first one keeps it waiting", () => {
    expect(path("PENDIENTE_FIRMA", "sign", facts({ signatures: 1 }))).toEqual(["sign:PENDIENTE_FIRMA>PENDIENTE_FIRMA"]);
    expect(path("PENDIENTE_FIRMA", "sign", facts({ signatures: 2 }))).toEqual(["sign:PENDIENTE_FIRMA>PENDIENTE_FIRMA", "in_force:PENDIENTE_FIRMA>VIGENTE"]);
  });

  it("every other action is one step to its table state (STAY keeps the state)", () => {
    for (const action of AGREEMENT_ACTIONS) {
      const t = AGREEMENT_TRANSITIONS[action];
      if (t.then) continue;
      for (const from of t.from) {
        expect(path(from, action, facts()), action).toEqual([`${action}:${from}>${t.to === "STAY" ? from : t.to}`]);
      }
    }
  });
});
