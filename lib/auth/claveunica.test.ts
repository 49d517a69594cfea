import { describe, expect, it } from "vitest";
import { identityFromUserinfo } from "./claveunica";

describe("identityFromUserinfo", () => {
  it("keys the person by RUN, not by sub", () => {
    const id = identityFromUserinfo({
      sub: "5001",
      RolUnico: { numero: 11111111, DV: "1", tipo: "RUN" },
      name: { nombres: ["Ana", "María"], apellidos: ["Pérez", "Soto"] },
    });
    expect(id).toEqual({ id: "11111111-1", valid: true, run: "11111111-1", givenNames: "Ana María", familyNames: "Pérez Soto", name: "Ana María Pérez Soto" });
  });

  it("accepts a lower-case k and a numeric string", () => {
    const id = identityFromUserinfo({ sub: "x", RolUnico: { numero: "16543210", DV: "k", tipo: "RUN" } });
    expect(id.valid && id.run).toBe("16543210-K");
  });

  it("refuses a wrong check digit", () => {
    const id = identityFromUserinfo({ sub: "5009", RolUnico: { numero: 14141414, DV: "4", tipo: "RUN" } });
    expect(id).toMatchObject({ valid: false, reason: "invalid_run" });
  });

  it("refuses a missing RolUnico or another document type", () => {
    expect(identityFromUserinfo({ sub: "1" })).toMatchObject({ valid: false, reason: "missing_run" });
    expect(identityFromUserinfo({ sub: "1", RolUnico: { numero: 11111111, DV: "1", tipo: "PASAPORTE" } })).toMatchObject({ valid: false, reason: "not_a_run" });
  });
});
