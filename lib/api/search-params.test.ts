import { describe, expect, it } from "vitest";
import { ZInstitutionListQuery } from "@/lib/institutions/schemas";
import { parseSearchParams } from "./search-params";

describe("parseSearchParams", () => {
  it("parses valid params with defaults", () => {
    const r = parseSearchParams(ZInstitutionListQuery, { q: "Mariquina", group: "C" });
    expect(r.issues).toEqual([]);
    expect(r.value).toMatchObject({ q: "Mariquina", group: "C", page: 1, pageSize: 20 });
  });
  it("reports and drops invalid params", () => {
    const r = parseSearchParams(ZInstitutionListQuery, { page: "abc", group: "Z", q: "x" });
    expect(r.issues.map((i) => i.field).sort()).toEqual(["group", "page"]);
    expect(r.value).toMatchObject({ q: "x", page: 1 });
    expect(r.value.group).toBeUndefined();
  });
  it("ignores empty values (an empty select)", () => {
    expect(parseSearchParams(ZInstitutionListQuery, { group: "", kind: "" }).issues).toEqual([]);
  });
});
