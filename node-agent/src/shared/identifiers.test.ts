import { describe, expect, it } from "vitest";
import { formatServiceId, isEnvironment, isInstitutionCode, parseNodeId, parseServiceId } from "./identifiers.ts";

describe("identifiers (PROTOCOL.md §1)", () => {
  it("institution codes", () => {
    for (const ok of ["SRCEI", "MUN-SANTIAGO", "A1", "GORE-AP"]) expect(isInstitutionCode(ok)).toBe(true);
    for (const bad of ["", "S", "srcei", "-SRCEI", "MUN_SANTIAGO", "A".repeat(33)]) expect(isInstitutionCode(bad)).toBe(false);
  });

  it("node ids", () => {
    expect(parseNodeId("SRCEI/nodo-1")).toEqual({ institution: "SRCEI", node: "nodo-1" });
    expect(parseNodeId("SRCEI/Nodo-1")).toBeNull();
    expect(parseNodeId("SRCEI/-x")).toBeNull();
    expect(parseNodeId("SRCEI")).toBeNull();
  });

  it("service ids round-trip", () => {
    const id = parseServiceId("SRCEI/certificado-nacimiento/v1");
    expect(id).toEqual({ institution: "SRCEI", service: "certificado-nacimiento", major: 1 });
    expect(formatServiceId(id!)).toBe("SRCEI/certificado-nacimiento/v1");
    for (const bad of ["SRCEI/x/v1", "SRCEI/certificado/v0", "SRCEI/certificado/1", "srcei/certificado/v1", "SRCEI/certificado/v01"]) {
      expect(parseServiceId(bad)).toBeNull();
    }
  });

  it("environments", () => {
    expect(isEnvironment("dev")).toBe(true);
    expect(isEnvironment("prod")).toBe(true);
    expect(isEnvironment("test")).toBe(false);
  });
});
