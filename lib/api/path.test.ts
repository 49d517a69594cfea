import { describe, expect, it } from "vitest";
import { hasMalformedPercentEncoding } from "./path";

describe("hasMalformedPercentEncoding", () => {
  it.each(["/api/v1/institutions/%ff", "/instituciones/%E0%A4%A", "/a/%", "/a/%zz", "/a/%C3"])("%s cannot be decoded", (p) => {
    expect(hasMalformedPercentEncoding(p)).toBe(true);
  });
  it.each(["/api/v1/institutions/SRCEI", "/instituciones/Mar%C3%ADa", "/a/%25", "/a/%2F"])("%s can", (p) => {
    expect(hasMalformedPercentEncoding(p)).toBe(false);
  });
});
