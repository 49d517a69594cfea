import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toPrefixTsQuery } from "./search-query";

describe("toPrefixTsQuery", () => {
  it("makes every word a required prefix, without accents", () => {
    expect(toPrefixTsQuery("Certificado Nacimiento")).toBe("certificado:* & nacimiento:*");
    expect(toPrefixTsQuery("  cédula   de identidad ")).toBe("cedula:* & de:* & identidad:*");
    expect(toPrefixTsQuery("Ñuñoa")).toBe("nunoa:*");
  });
  it("returns null when nothing searchable remains", () => {
    expect(toPrefixTsQuery(undefined)).toBeNull();
    expect(toPrefixTsQuery("  !!! ")).toBeNull();
  });
  it("never lets tsquery syntax through", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const q = toPrefixTsQuery(s);
        if (q !== null) expect(q).toMatch(/^[\p{L}\p{N}]+:\*( & [\p{L}\p{N}]+:\*)*$/u);
      }),
    );
  });
});
