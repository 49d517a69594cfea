import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ProtocolError } from "../errors.ts";
import { RateLimiter } from "./rate-limit.ts";
import { MAX_UNTIL_AHEAD, ReplayCache, ROTATE_SECONDS } from "./replay.ts";
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

  it("two generations: a pair is on disk while it lives, and the log does not grow without end", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pisee-replay-")), "replay.log");
    const c = new ReplayCache(1000, file);
    let t = 1000;
    // Three rotations and 10 s of traffic at 10 messages a second, each living the longest the time check allows.
    for (; t < 1000 + 3 * ROTATE_SECONDS + 10; t++) for (let i = 0; i < 10; i++) expect(c.admit("A/n", `j${t}-${i}`, t + 30, t + 90, t)).toBe(true);
    const lines = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, "utf8").split("\n").filter(Boolean).length : 0);
    // At most two generations on disk, never the whole history.
    expect(lines(file) + lines(`${file}.1`)).toBeLessThanOrEqual(2 * ROTATE_SECONDS * 10);
    expect(c.size).toBeLessThanOrEqual(130 * 10); // a pair lives at most 120 s (+ one sweep)
    c.close();
    // A restart 10 s after a rotation still knows every live pair, most of them in the previous generation.
    expect(lines(`${file}.1`)).toBeGreaterThan(lines(file));
    const again = new ReplayCache(t, file);
    for (let s = t - 115; s < t; s++) expect(again.admit("A/n", `j${s}-0`, s + 30, s + 90, t)).toBe(false);
    expect(again.admit("A/n", "nuevo", t, t + 60, t)).toBe(true);
    expect(fs.existsSync(`${file}.1`)).toBe(false); // merged into one file at start
    again.close();
  });

  it("drops expired pairs from the oldest on, and keeps one that came behind a longer-lived pair", () => {
    const c = new ReplayCache(0);
    c.admit("A/n", "long", 100, 160, 100); // until 190
    c.admit("A/n", "short", 100, 110, 100); // until 140, behind "long"
    c.admit("A/n", "x", 150, 151, 150); // a sweep at 150: "long" is alive, so nothing leaves yet
    expect(c.size).toBe(3);
    expect(c.admit("A/n", "short", 100, 110, 150)).toBe(false); // still remembered: safe
    c.admit("A/n", "y", 200, 201, 200); // at 200 all three have expired
    expect(c.size).toBe(1);
  });
});

describe("replay log: no claim value can write a line, no line can pin memory", () => {
  const tmp = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pisee-replay-")), "replay.log");

  it("a jti with a line break stays inside its own JSON line", () => {
    const file = tmp();
    const a = new ReplayCache(1000, file);
    // Before: `1090 A/n\0x` followed by a line of the sender's choosing, `99999999999 B/n\0victim`.
    expect(a.admit("A/n", "x\n99999999999 B/n\u0000victim", 1000, 1060, 1000)).toBe(true);
    a.close();
    const lines = fs.readFileSync(file, "utf8").split("\n").filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toEqual({ u: 1090, i: "A/n", j: "x\n99999999999 B/n\u0000victim" });
    const b = new ReplayCache(1010, file);
    expect(b.size).toBe(1);
    expect(b.admit("B/n", "victim", 1010, 1070, 1010)).toBe(true); // no forged pair refuses it
    expect(b.admit("A/n", "x\n99999999999 B/n\u0000victim", 1000, 1060, 1010)).toBe(false);
    b.close();
  });

  it("caps an entry's until at what the protocol allows, and forgets it then", () => {
    const file = tmp();
    fs.writeFileSync(file, `${JSON.stringify({ u: 9e15, i: "A/n", j: "pinned" })}\n${JSON.stringify({ u: 1050, i: "A/n", j: "normal" })}\n`);
    const c = new ReplayCache(1000, file);
    expect(c.size).toBe(2);
    expect(c.admit("A/n", "pinned", 1000, 1060, 1000)).toBe(false); // still remembered for now
    c.close();
    expect(JSON.parse(fs.readFileSync(file, "utf8").split("\n")[1]!).u).toBe(1000 + MAX_UNTIL_AHEAD);
    expect(MAX_UNTIL_AHEAD).toBe(120);
    const later = new ReplayCache(1000 + MAX_UNTIL_AHEAD + 1, file);
    expect(later.size).toBe(0);
    later.close();
  });

  it("skips lines that do not parse or lack the shape (a multi-megabyte line, the old format, junk), and then guards the start", () => {
    const file = tmp();
    const lines = [
      JSON.stringify({ u: 1090, i: "A/n", j: "j".repeat(4 * 1024 * 1024) }),
      "x".repeat(3 * 1024 * 1024),
      "1090 A/n\u0000old-format",
      "{\"u\":1090",
      JSON.stringify({ u: "1090", i: "A/n", j: "s" }),
      JSON.stringify({ u: 1090.5, i: "A/n", j: "f" }),
      JSON.stringify({ u: -1, i: "A/n", j: "n" }),
      JSON.stringify({ u: 1090, i: "", j: "e" }),
      JSON.stringify([1090, "A/n", "arr"]),
      "null",
      JSON.stringify({ u: 1090, i: "A/n", j: "kept" }),
    ];
    fs.writeFileSync(file, lines.join("\n") + "\n");
    const c = new ReplayCache(1000, file);
    expect(c.size).toBe(1);
    expect(c.admit("A/n", "kept", 1000, 1060, 1000)).toBe(false);
    // It may have forgotten a pair it could not read: messages issued before start + 30 s are refused.
    expect(c.admit("A/n", "fresh", 1029, 1089, 1000)).toBe(false);
    expect(c.admit("A/n", "fresh", 1030, 1090, 1000)).toBe(true);
    c.close();
    expect(fs.statSync(file).size).toBeLessThan(1024); // rewritten with the live pairs only
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
