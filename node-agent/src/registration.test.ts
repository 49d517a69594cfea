import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateKeyPairs } from "./crypto/suite.ts";
import { loadAnchor, writeAnchor } from "./registration.ts";

const config = { ...generateKeyPairs().sig.publicJwk, purpose: "config" };
const consent = { ...generateKeyPairs().sig.publicJwk, purpose: "consent" };
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "pisee-anchor-"));

describe("the trust anchor holds the portal's configuration keys only (§2)", () => {
  it("writes and loads configuration keys (with or without purpose)", () => {
    const dir = tmp();
    const plain = generateKeyPairs().sig.publicJwk;
    expect(writeAnchor(dir, { keys: [config, plain] })).toBe(2);
    expect([...loadAnchor(dir).keys()].sort()).toEqual([config.kid, plain.kid].sort());
  });
  it("init refuses an anchor with a consent key, saying so in Spanish", () => {
    const dir = tmp();
    expect(() => writeAnchor(dir, { keys: [config, consent] })).toThrow(/consentimientos \(purpose: consent\)/);
    expect(fs.existsSync(path.join(dir, "anchor.json"))).toBe(false);
    expect(() => writeAnchor(dir, { keys: [{ ...config, purpose: "otra" }] })).toThrow(/purpose: config/);
  });
  it("start refuses an anchor file that holds one", () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "anchor.json"), JSON.stringify({ keys: [config, consent] }));
    expect(() => loadAnchor(dir)).toThrow(/Ancla de confianza inválida.*consentimientos/);
  });
});
