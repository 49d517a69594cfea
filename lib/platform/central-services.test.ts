import { describe, expect, it } from "vitest";
import { CENTRAL_SERVICES } from "./central-services";

describe("the home page's central services", () => {
  it("link every available service to where it lives", () => {
    expect(CENTRAL_SERVICES.filter((service) => service.availability === "DISPONIBLE" && !service.href).map((service) => service.name)).toEqual([]);
  });

  it("link no service still in development", () => {
    expect(CENTRAL_SERVICES.filter((service) => service.availability === "EN_DESARROLLO" && service.href).map((service) => service.name)).toEqual([]);
  });
});
