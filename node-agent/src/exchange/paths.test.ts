import { describe, expect, it } from "vitest";
import { ProtocolError } from "../errors.ts";
import { assertCleanPath, parseLocalUrl } from "./paths.ts";

describe("local URL (§3.1, §3.2)", () => {
  it("splits service, path and query", () => {
    expect(parseLocalUrl("/r1/SRCEI/certificado-nacimiento/v1/certificados/12345678-5?formato=pdf&x=%20")).toEqual({
      serviceId: "SRCEI/certificado-nacimiento/v1",
      path: "/certificados/12345678-5",
      query: "formato=pdf&x=%20",
    });
    expect(parseLocalUrl("/r1/SRCEI/identidad/v1")).toEqual({ serviceId: "SRCEI/identidad/v1", path: "", query: "" });
  });
  it("refuses what could escape or confuse the provider's routing", () => {
    for (const bad of ["/r1/SRCEI/x/v1/a", "/r2/SRCEI/identidad/v1/a", "/r1/SRCEI/identidad/v0/a", "/r1/SRCEI/identidad/v1/a/../b", "/r1/SRCEI/identidad/v1/a//b", "/r1/SRCEI/identidad/v1/a%2Fb", "/r1/SRCEI/identidad/v1/%2e%2e/x", "/r1/SRCEI/identidad/v1/a b", "/r1/SRCEI/identidad/v1/a?q=%zz"]) {
      expect(() => parseLocalUrl(bad), bad).toThrow(ProtocolError);
    }
    expect(() => assertCleanPath("/./x")).toThrow(ProtocolError);
  });
});

describe("path and query lengths (§3.3 step 2a: at most 4,096 characters)", () => {
  it("refuses a longer path or query before anything is sent", () => {
    expect(() => parseLocalUrl(`/r1/SRCEI/identidad/v1/${"a".repeat(4095)}`)).not.toThrow();
    expect(() => parseLocalUrl(`/r1/SRCEI/identidad/v1/${"a".repeat(4096)}`)).toThrow(ProtocolError);
    expect(() => parseLocalUrl(`/r1/SRCEI/identidad/v1/x?${"q".repeat(4096)}`)).not.toThrow();
    expect(() => parseLocalUrl(`/r1/SRCEI/identidad/v1/x?${"q".repeat(4097)}`)).toThrow(ProtocolError);
  });
});
