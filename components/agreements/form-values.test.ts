import { describe, expect, it } from "vitest";
import { initialProcedureCodes, sortProcedureOptions, type AgreementProcedureOption } from "./form-values";

const option = (code: string, institution: string, suggested: boolean): AgreementProcedureOption => ({
  code,
  name: code,
  institution: { code: institution, name: institution },
  needsConsent: false,
  suggested,
});

// As the service "SRCEI/certificado-nacimiento/v1" is used: by MDSF and JUNAEB procedures; the municipality has its own.
const OPTIONS = [option("CPAT-IPS-0020", "IPS", false), option("CPAT-MDSF-0005", "MDSF", true), option("CPAT-JUNAEB-0012", "JUNAEB", true), option("CPAT-MUN-0210", "MUN-SANTIAGO", false), option("CPAT-MUN-0101", "MUN-SANTIAGO", true)];

describe("the request form's procedures", () => {
  it("lists the requesting institution's first (those that use the service before the others), then the ones that use the service, then the rest", () => {
    expect(sortProcedureOptions(OPTIONS, "MUN-SANTIAGO").map((o) => o.code)).toEqual(["CPAT-MUN-0101", "CPAT-MUN-0210", "CPAT-MDSF-0005", "CPAT-JUNAEB-0012", "CPAT-IPS-0020"]);
    expect(sortProcedureOptions(OPTIONS, "MDSF").map((o) => o.code)).toEqual(["CPAT-MDSF-0005", "CPAT-JUNAEB-0012", "CPAT-MUN-0101", "CPAT-IPS-0020", "CPAT-MUN-0210"]);
  });

  it("ticks only the requesting institution's procedures that use the service, never another institution's", () => {
    expect(initialProcedureCodes(OPTIONS, "MUN-SANTIAGO")).toEqual(["CPAT-MUN-0101"]);
    expect(initialProcedureCodes(OPTIONS, "MDSF")).toEqual(["CPAT-MDSF-0005"]);
    expect(initialProcedureCodes(OPTIONS, "SII")).toEqual([]);
  });
});
