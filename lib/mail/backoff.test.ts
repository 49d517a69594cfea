import { describe, expect, it } from "vitest";
import { BACKOFF_BASE_MS, BACKOFF_MAX_MS, retryDelayMs, shortError } from "./backoff";

describe("retry backoff", () => {
  it("30 s after the first failure, doubling, capped at an hour", () => {
    expect(retryDelayMs(1, 1)).toBe(BACKOFF_BASE_MS);
    expect(retryDelayMs(2, 1)).toBe(60_000);
    expect(retryDelayMs(3, 1)).toBe(120_000);
    expect(retryDelayMs(8, 1)).toBe(BACKOFF_MAX_MS); // 30 s × 2^7 = 64 min → 60
    expect(retryDelayMs(50, 1)).toBe(BACKOFF_MAX_MS);
  });

  it("jitter keeps each delay between 80 % and 100 %, and it never shrinks below the previous full delay's 80 %", () => {
    for (let attempts = 1; attempts < 15; attempts++) {
      const full = Math.min(BACKOFF_BASE_MS * 2 ** (attempts - 1), BACKOFF_MAX_MS);
      expect(retryDelayMs(attempts, 0)).toBe(Math.round(full * 0.8));
      for (let i = 0; i < 20; i++) {
        const d = retryDelayMs(attempts);
        expect(d).toBeGreaterThanOrEqual(full * 0.8 - 1);
        expect(d).toBeLessThanOrEqual(full);
      }
    }
    expect(retryDelayMs(0, 0.5)).toBe(retryDelayMs(1, 0.5)); // a row never tried counts as the first
  });

  it("keeps a short error: code and first line, no credentials", () => {
    const err = Object.assign(new Error("Connection refused to smtp://usuario:clave-secreta@10.0.0.1:25\nstack…"), { code: "ECONNECTION" });
    const short = shortError(err);
    expect(short).toBe("ECONNECTION: Connection refused to smtp://***@10.0.0.1:25");
    expect(short).not.toContain("clave-secreta");
    expect(shortError(Object.assign(new Error("Invalid login: 535 AUTH PLAIN dXNlcjpwYXNz"), { code: "EAUTH" }))).toBe("EAUTH: Invalid login: 535 AUTH …");
    expect(shortError(new Error("x".repeat(1000))).length).toBe(300);
    expect(shortError("texto")).toBe("texto");
  });
});
