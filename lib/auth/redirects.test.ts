import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./redirects";

describe("safeReturnPath", () => {
  it("keeps local paths", () => {
    expect(safeReturnPath("/instituciones?group=C")).toBe("/instituciones?group=C");
  });
  it("refuses other sites and odd values", () => {
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", undefined]) {
      expect(safeReturnPath(bad)).toBe("/cuenta");
    }
  });
});
