import { describe, expect, it } from "vitest";
import { AppError, ValidationError } from "@/lib/errors";
import { availableActions, nextState } from "@/lib/lifecycle/state-machine";
import { DATA_ITEM_TRANSITIONS, LIFECYCLE_ACTIONS, PROCEDURE_TRANSITIONS, SERVICE_TRANSITIONS } from "./lifecycle";
import { PROCEDURE_STATUS_LABELS, STATUS_LABELS } from "./labels";

const STATES = ["DRAFT", "PUBLISHED", "DEPRECATED", "RETIRED"] as const;
const subject = { noun: "un servicio", stateLabels: STATUS_LABELS };

// Written out by hand: every (state, action) pair and where it leads, or null when refused.
const EXPECTED: Record<(typeof STATES)[number], Record<(typeof LIFECYCLE_ACTIONS)[number], string | null>> = {
  DRAFT: { publish: "PUBLISHED", deprecate: null, retire: null },
  PUBLISHED: { publish: null, deprecate: "DEPRECATED", retire: null },
  DEPRECATED: { publish: null, deprecate: null, retire: "RETIRED" },
  RETIRED: { publish: null, deprecate: null, retire: null },
};

describe.each([
  ["services", SERVICE_TRANSITIONS],
  ["data items", DATA_ITEM_TRANSITIONS],
])("%s lifecycle, every state × action", (_name, table) => {
  for (const state of STATES) {
    for (const action of LIFECYCLE_ACTIONS) {
      const to = EXPECTED[state][action];
      it(`${state} --${action}--> ${to ?? "409"}`, () => {
        if (to) {
          expect(nextState(table, subject, state, action, "un motivo")).toBe(to);
        } else {
          let err: unknown;
          try {
            nextState(table, subject, state, action, "un motivo");
          } catch (e) {
            err = e;
          }
          expect(err).toBeInstanceOf(AppError);
          expect((err as AppError).code).toBe("invalid_transition");
          expect((err as AppError).message).toContain(`(${state})`);
        }
      });
    }
    it(`${state}: the actions offered are exactly the allowed ones`, () => {
      expect(availableActions(table, state)).toEqual(LIFECYCLE_ACTIONS.filter((a) => EXPECTED[state][a] !== null));
    });
  }

  it("deprecate and retire need a reason; publish does not", () => {
    expect(() => nextState(table, subject, "PUBLISHED", "deprecate", "  ")).toThrow(ValidationError);
    expect(() => nextState(table, subject, "DEPRECATED", "retire", undefined)).toThrow(ValidationError);
    expect(nextState(table, subject, "DRAFT", "publish")).toBe("PUBLISHED");
  });
});

describe("procedure lifecycle", () => {
  const s = { noun: "un trámite", stateLabels: PROCEDURE_STATUS_LABELS };
  it("VIGENTE --repeal--> DEROGADO with a reason; nothing leaves DEROGADO", () => {
    expect(nextState(PROCEDURE_TRANSITIONS, s, "VIGENTE", "repeal", "Ley derogada")).toBe("DEROGADO");
    expect(() => nextState(PROCEDURE_TRANSITIONS, s, "VIGENTE", "repeal", "")).toThrow(ValidationError);
    expect(() => nextState(PROCEDURE_TRANSITIONS, s, "DEROGADO", "repeal", "x")).toThrow(expect.objectContaining({ code: "invalid_transition" }));
    expect(availableActions(PROCEDURE_TRANSITIONS, "DEROGADO")).toEqual([]);
  });
});
