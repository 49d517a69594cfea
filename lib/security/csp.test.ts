import { describe, expect, it } from "vitest";
import { pageCsp } from "./csp";

describe("pageCsp", () => {
  it("has no unsafe-eval in production and forbids framing", () => {
    const csp = pageCsp({ nonce: "abc", dev: false, https: true, formTargets: ["https://accounts.claveunica.gob.cl"] });
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("'nonce-abc'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self' https://accounts.claveunica.gob.cl");
    expect(csp).toContain("upgrade-insecure-requests");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
  it("allows eval only in development", () => {
    expect(pageCsp({ nonce: "n", dev: true, https: false, formTargets: [] })).toContain("'unsafe-eval'");
  });
});
