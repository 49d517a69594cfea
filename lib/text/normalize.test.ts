import { describe, expect, it } from "vitest";
import { escapeLike, normalizeForSearch } from "./normalize";

describe("normalizeForSearch", () => {
  it("drops accents, tildes and case", () => {
    expect(normalizeForSearch("Municipalidad de Ñuñoa")).toBe("municipalidad de nunoa");
    expect(normalizeForSearch("  María   PINTO ")).toBe("maria pinto");
    expect(normalizeForSearch("Los Álamos")).toBe(normalizeForSearch("los alamos"));
  });
});

describe("escapeLike", () => {
  it("escapes the LIKE wildcards and the escape character", () => {
    expect(escapeLike("100%_a\\b")).toBe("100\\%\\_a\\\\b");
    expect(escapeLike("maria pinto")).toBe("maria pinto");
  });
});
