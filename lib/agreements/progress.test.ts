import { describe, expect, it } from "vitest";
import type { AgreementStatus } from "@/lib/generated/prisma/enums";
import { agreementSteps, deadlineBar } from "./progress";

/** "Enviada✓ > En revisión* > Aceptada" — done ✓, current *, upcoming plain. */
function render(status: AgreementStatus, actions: string[] = []): string {
  return agreementSteps(status, actions)
    .map((step) => `${step.label}${step.state === "done" ? "✓" : step.state === "current" ? "*" : ""}`)
    .join(" > ");
}

const USUAL = ["create", "submit", "take_up", "accept", "await_signatures"];

describe("agreementSteps: where the request stands, for every status", () => {
  it.each<[AgreementStatus, string[], string]>([
    ["BORRADOR", ["create"], "Borrador* > Enviada > En revisión > Aceptada > Firmas > Vigente"],
    ["ENVIADA", ["create", "submit"], "Enviada* > En revisión > Aceptada > Firmas > Vigente"],
    ["EN_REVISION", ["create", "submit", "take_up"], "Enviada✓ > En revisión* > Aceptada > Firmas > Vigente"],
    ["ACEPTADA", ["create", "submit", "take_up", "accept"], "Enviada✓ > En revisión✓ > Aceptada* > Firmas > Vigente"],
    ["PENDIENTE_FIRMA", USUAL, "Enviada✓ > En revisión✓ > Aceptada✓ > Firmas* > Vigente"],
    ["PENDIENTE_FIRMA", [...USUAL, "sign"], "Enviada✓ > En revisión✓ > Aceptada✓ > Firmas* > Vigente"],
    ["VIGENTE", [...USUAL, "sign", "sign", "in_force"], "Enviada✓ > En revisión✓ > Aceptada✓ > Firmas✓ > Vigente*"],
    ["SUSPENDIDA", [...USUAL, "sign", "sign", "in_force", "suspend"], "Enviada✓ > En revisión✓ > Aceptada✓ > Firmas✓ > Vigente✓ > Suspendida*"],
    ["TERMINADA", [...USUAL, "sign", "sign", "in_force", "terminate"], "Enviada✓ > En revisión✓ > Aceptada✓ > Firmas✓ > Vigente✓ > Terminada*"],
    ["RECHAZADA", ["create", "submit", "take_up", "reject"], "Enviada✓ > En revisión✓ > Rechazada* > Mediación > Aceptada > Firmas > Vigente"],
    ["VENCIDA", ["create", "submit", "expire"], "Enviada✓ > Plazo vencido* > Mediación > Aceptada > Firmas > Vigente"],
    ["VENCIDA", ["create", "submit", "take_up", "expire"], "Enviada✓ > En revisión✓ > Plazo vencido* > Mediación > Aceptada > Firmas > Vigente"],
    ["EN_MEDIACION", ["create", "submit", "take_up", "reject", "request_mediation"], "Enviada✓ > En revisión✓ > Rechazada✓ > Mediación* > Aceptada > Firmas > Vigente"],
    ["EN_MEDIACION", ["create", "submit", "expire", "request_mediation"], "Enviada✓ > Plazo vencido✓ > Mediación* > Aceptada > Firmas > Vigente"],
    ["RECHAZADA_FIRME", ["create", "submit", "take_up", "reject", "request_mediation", "mediate_reject"], "Enviada✓ > En revisión✓ > Rechazada✓ > Mediación✓ > Rechazada en forma definitiva*"],
    [
      "PENDIENTE_FIRMA",
      ["create", "submit", "take_up", "reject", "request_mediation", "mediate_accept", "await_signatures"],
      "Enviada✓ > En revisión✓ > Rechazada✓ > Mediación✓ > Aceptada✓ > Firmas* > Vigente",
    ],
    ["VIGENTE", ["create", "submit", "automatic_approval"], "Enviada✓ > Aprobación automática (datos abiertos)✓ > Vigente*"],
    ["TERMINADA", ["create", "submit", "automatic_approval", "terminate"], "Enviada✓ > Aprobación automática (datos abiertos)✓ > Vigente✓ > Terminada*"],
  ])("%s after %j", (status, actions, expected) => {
    expect(render(status, actions)).toBe(expected);
  });

  it("has exactly one current step in every status, whatever the history", () => {
    const statuses: AgreementStatus[] = ["BORRADOR", "ENVIADA", "EN_REVISION", "ACEPTADA", "RECHAZADA", "VENCIDA", "EN_MEDIACION", "RECHAZADA_FIRME", "PENDIENTE_FIRMA", "VIGENTE", "SUSPENDIDA", "TERMINADA"];
    for (const status of statuses) {
      for (const actions of [[], USUAL, ["expire", "request_mediation"], ["reject", "request_mediation"]]) {
        expect(agreementSteps(status, actions).filter((step) => step.state === "current"), `${status} ${actions.join(",")}`).toHaveLength(1);
      }
    }
  });
});

describe("deadlineBar", () => {
  it("counts 15 business days, 20 once extended", () => {
    expect(deadlineBar(15, false)).toEqual({ total: 15, used: 0, left: 15, overdue: false, percentUsed: 0 });
    expect(deadlineBar(5, false)).toEqual({ total: 15, used: 10, left: 5, overdue: false, percentUsed: 67 });
    expect(deadlineBar(0, false)).toEqual({ total: 15, used: 15, left: 0, overdue: false, percentUsed: 100 });
    expect(deadlineBar(8, true)).toEqual({ total: 20, used: 12, left: 8, overdue: false, percentUsed: 60 });
  });

  it("is full and overdue past the deadline", () => {
    expect(deadlineBar(-3, false)).toEqual({ total: 15, used: 15, left: -3, overdue: true, percentUsed: 100 });
  });
});
