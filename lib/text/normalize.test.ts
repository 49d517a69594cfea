import { describe, expect, it } from "vitest";
import { normalizeForSearch } from "./normalize";

describe("normalizeForSearch", () => {
  it("drops accents, tildes and case", () => {
    expect(normalizeForSearch("Municipalidad de Ñuñoa")).toBe("municipalidad de nunoa");
    expect(normalizeForSearch("  María   PINTO ")).toBe("maria pinto");
    expect(normalizeForSearch("Los Álamos")).toBe(normalizeForSearch("los alamos"));
  });
});
