import { describe, expect, it } from "vitest";
import { deadlinePassed, effectiveStage, stageFromFacts, type OnboardingFacts } from "./stage";

const NONE: OnboardingFacts = { hasAgreement: false, agreementsInForce: [], activeNodes: [] };

describe("the onboarding stage, from the facts until the workflow exists", () => {
  it.each<[string, OnboardingFacts, string]>([
    ["nothing", NONE, "NO_INICIADO"],
    ["a request sent or received", { ...NONE, hasAgreement: true }, "ACUERDO"],
    ["an agreement in force, no node", { hasAgreement: true, agreementsInForce: ["dev"], activeNodes: [] }, "ACUERDO"],
    ["an active development node", { ...NONE, activeNodes: ["dev"] }, "NODO_DESARROLLO"],
    ["an active node and an agreement in force", { hasAgreement: true, agreementsInForce: ["dev"], activeNodes: ["dev"] }, "PRUEBAS_CONECTIVIDAD"],
    ["a production node and a production agreement in force", { hasAgreement: true, agreementsInForce: ["dev", "prod"], activeNodes: ["dev", "prod"] }, "PRODUCCION"],
  ])("%s", (_, facts, stage) => {
    expect(stageFromFacts(facts)).toBe(stage);
  });

  it("an institution with an active node and an agreement in force is not «No iniciado»", () => {
    expect(effectiveStage("NO_INICIADO", { hasAgreement: true, agreementsInForce: ["dev"], activeNodes: ["dev"] })).not.toBe("NO_INICIADO");
  });

  it("keeps the recorded stage when the facts show less", () => {
    expect(effectiveStage("REUNION_SOLICITADA", NONE)).toBe("REUNION_SOLICITADA");
    expect(effectiveStage("PRODUCCION", { ...NONE, activeNodes: ["dev"] })).toBe("PRODUCCION");
  });
});

describe("deadlinePassed", () => {
  const at = (iso: string) => new Date(iso);
  it("passes once the deadline's year is over in Chile, for institutions not in production", () => {
    expect(deadlinePassed(2025, "NO_INICIADO", at("2026-01-01T12:00:00Z"))).toBe(true);
    expect(deadlinePassed(2025, "NODO_DESARROLLO", at("2025-12-31T12:00:00Z"))).toBe(false);
    // 2026-01-01 01:00 UTC is still 31 December 2025 in Santiago (UTC-3).
    expect(deadlinePassed(2025, "NO_INICIADO", at("2026-01-01T01:00:00Z"))).toBe(false);
    expect(deadlinePassed(2026, "NO_INICIADO", at("2026-11-30T12:00:00Z"))).toBe(false);
  });

  it("never for an institution in production", () => {
    expect(deadlinePassed(2025, "PRODUCCION", at("2027-01-01T12:00:00Z"))).toBe(false);
  });
});
