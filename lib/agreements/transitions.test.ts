import { describe, expect, it } from "vitest";
import { AppError, ValidationError } from "@/lib/errors";
import type { AgreementStatus } from "@/lib/generated/prisma/enums";
import { actionsFor, AGREEMENT_ACTIONS, decideTransition, type Party } from "./transitions";

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

function outcome(state: AgreementStatus, action: string, actor: string): "ok" | 403 | 409 {
  try {
    decideTransition(state, action, new Set(ACTORS[actor]), "un motivo");
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
    for (const state of STATES) {
      for (const actor of Object.keys(ACTORS)) {
        const expected = !allowed.includes(actor) ? 403 : from.includes(state) ? "ok" : 409;
        it(`${state} · ${action} · ${actor} → ${expected}`, () => {
          expect(outcome(state, action, actor)).toBe(expected);
        });
      }
    }
  }

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
      ["resume", "SUSPENDIDA", "provider_admin"],
      ["terminate", "SUSPENDIDA", "consumer_admin"],
    ] as const) {
      expect(() => decideTransition(state, action, new Set([party]), "  ")).toThrow(ValidationError);
    }
    expect(decideTransition("EN_REVISION", "accept", new Set(["provider_admin"])).to).toBe("PENDIENTE_FIRMA");
  });

  it("offers each actor exactly the actions it may take now", () => {
    expect(actionsFor("EN_REVISION", new Set(["provider_admin", "provider_head"]))).toEqual(["accept", "reject", "extend"]);
    expect(actionsFor("PENDIENTE_FIRMA", new Set(["consumer_admin"]))).toEqual([]);
    expect(actionsFor("VIGENTE", new Set(["platform"]))).toEqual(["suspend", "terminate"]);
  });
});
