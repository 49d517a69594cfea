import { describe, expect, it } from "vitest";
import { isAllowedOrigin } from "./origin";

const base = { method: "POST", origin: null, secFetchSite: null, hasSessionCookie: false, allowedOrigin: "http://localhost:3000" };

describe("isAllowedOrigin", () => {
  it("lets safe methods through", () => {
    expect(isAllowedOrigin({ ...base, method: "GET", origin: "https://evil.example" })).toBe(true);
    expect(isAllowedOrigin({ ...base, method: "HEAD", hasSessionCookie: true })).toBe(true);
  });
  it("accepts the portal's own origin", () => {
    expect(isAllowedOrigin({ ...base, origin: "http://localhost:3000", hasSessionCookie: true })).toBe(true);
  });
  it("refuses another origin, even a sibling port or scheme", () => {
    for (const origin of ["https://evil.example", "http://localhost:3001", "https://localhost:3000", "http://127.0.0.1:3000", "null"]) {
      expect(isAllowedOrigin({ ...base, origin, hasSessionCookie: true })).toBe(false);
      expect(isAllowedOrigin({ ...base, method: "DELETE", origin })).toBe(false);
    }
  });
  it("refuses a cookie-bearing request without Origin", () => {
    expect(isAllowedOrigin({ ...base, hasSessionCookie: true })).toBe(false);
  });
  it("refuses cross-site fetch metadata", () => {
    expect(isAllowedOrigin({ ...base, secFetchSite: "cross-site" })).toBe(false);
    expect(isAllowedOrigin({ ...base, secFetchSite: "same-site" })).toBe(false);
  });
  it("accepts a machine client without cookies or Origin", () => {
    expect(isAllowedOrigin(base)).toBe(true);
  });
});
