import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ProtocolError } from "../errors.ts";
import { RateLimiter } from "./rate-limit.ts";
import { ReplayCache } from "./replay.ts";
import { checkMessageTimes } from "./time.ts";

describe("time window (§3.3 step 3)", () => {
  const now = 1_800_000_000;
  it("accepts a fresh message and tolerates 30 s of skew", () => {
    expect(() => checkMessageTimes(now, now + 60, now)).not.toThrow();
    expect(() => checkMessageTimes(now + 30, now + 90, now)).not.toThrow();
    expect(() => checkMessageTimes(now - 89, now - 29, now)).not.toThrow();
  });
  it("refuses the future, the expired, and bad lifetimes", () => {
    for (const [iat, exp] of [
      [now + 31, now + 60],
      [now - 90, now - 30],
      [now, now],
      [now, now + 61],
      [now, now - 1],
      [1.5, now],
      ["x", now],
    ] as const) {
      expect(() => checkMessageTimes(iat, exp, now), `${iat} ${exp}`).toThrow(ProtocolError);
    }
  });
});

describe("replay cache (§3.3 step 6)", () => {
  it("admits a (iss, jti) once, until exp+30", () => {
    const c = new ReplayCache(1000);
    expect(c.admit("A/n", "j1", 1100, 1160, 1100)).toBe(true);
    expect(c.admit("A/n", "j1", 1100, 1160, 1101)).toBe(false);
    expect(c.admit("B/n", "j1", 1100, 1160, 1101)).toBe(true); // another issuer
    expect(c.admit("A/n", "j2", 1100, 1160, 1101)).toBe(true);
    // Forgotten after exp+30: by then the time check (step 3) refuses such a message anyway.
    expect(c.admit("A/n", "j1", 1100, 1160, 1300)).toBe(true);
  });
  it("refuses messages issued before the process start + 30 s (it may have forgotten them)", () => {
    const c = new ReplayCache(1000);
    expect(c.admit("A/n", "old", 1029, 1089, 1031)).toBe(false);
    expect(c.admit("A/n", "new", 1030, 1090, 1031)).toBe(true);
  });
  it("forgets what expired", () => {
    const c = new ReplayCache(0);
    for (let i = 0; i < 100; i++) c.admit("A/n", `j${i}`, 100, 160, 100);
    expect(c.size).toBe(100);
    c.admit("A/n", "late", 500, 560, 500);
    expect(c.size).toBe(1);
  });
});

describe("replay cache on disk", () => {
  it("survives a restart without the start-up guard", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pisee-replay-")), "replay.log");
    const a = new ReplayCache(1000, file);
    expect(a.admit("A/n", "j1", 1000, 1060, 1000)).toBe(true); // no guard: the file remembers
    a.close(); // the process ends
    const b = new ReplayCache(1010, file);
    expect(b.admit("A/n", "j1", 1000, 1060, 1010)).toBe(false);
    expect(b.admit("A/n", "j2", 1000, 1060, 1010)).toBe(true);
    b.close();
    const c = new ReplayCache(2000, file); // everything expired: compacted away
    expect(c.size).toBe(0);
    expect(fs.readFileSync(file, "utf8")).toBe("");
    c.close();
  });
});

describe("token bucket (§3.3 step 7)", () => {
  it("allows a burst of tps, then tps per second", () => {
    const r = new RateLimiter();
    let ok = 0;
    for (let i = 0; i < 30; i++) if (r.take("agr", 20, 0)) ok++;
    expect(ok).toBe(20);
    expect(r.take("agr", 20, 40)).toBe(false); // 40 ms: 0.8 tokens
    expect(r.take("agr", 20, 50)).toBe(true); // 50 ms: 1 token
    expect(r.take("other", 20, 50)).toBe(true); // buckets are per key
  });
});
