import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { KeyRing } from "./keyring.ts";
import { commitRotation, createKeys, keysPath, loadKeys, prepareRotation, publicJwks } from "./keystore.ts";
import { KEY_OVERLAP_MS } from "./protocol/config.ts";

const dirs: string[] = [];
function tmp() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "pisee-keys-"));
  dirs.push(d);
  return path.join(d, "data");
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("node keys on disk", () => {
  it("are created 0600 in a 0700 folder, once, and only the public halves are published", () => {
    const dir = tmp();
    const keys = createKeys(dir);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(keysPath(dir)).mode & 0o777).toBe(0o600);
    expect(() => createKeys(dir)).toThrow(/Ya existen claves/);
    const published = JSON.stringify(publicJwks(keys));
    expect(published).not.toMatch(/"d"/);
    expect(publicJwks(keys).keys.map((k) => k.use)).toEqual(["sig", "enc"]);
  });

  it("are refused when other users can read them", () => {
    const dir = tmp();
    createKeys(dir);
    fs.chmodSync(keysPath(dir), 0o644);
    expect(() => loadKeys(dir)).toThrow(/chmod 600/);
  });

  it("a rotation the portal refused leaves the keys as they were", () => {
    const dir = tmp();
    const before = createKeys(dir);
    const next = prepareRotation(dir); // …the portal refuses the token: no commit
    const after = loadKeys(dir);
    expect(after.sig.publicJwk.kid).toBe(before.sig.publicJwk.kid);
    expect(after.enc.publicJwk.kid).toBe(before.enc.publicJwk.kid);
    expect(next.sig.publicJwk.kid).not.toBe(before.sig.publicJwk.kid);
    expect(after.previous).toBeUndefined();
  });

  it("a committed rotation keeps the previous pair for the overlap window", () => {
    const dir = tmp();
    const before = createKeys(dir);
    const next = prepareRotation(dir);
    const now = Date.UTC(2026, 10, 26, 12);
    const after = commitRotation(dir, now);
    expect(after.sig.publicJwk.kid).toBe(next.sig.publicJwk.kid);
    expect(after.previous?.enc.publicJwk.kid).toBe(before.enc.publicJwk.kid);
    expect(after.previous?.until).toBe(now + KEY_OVERLAP_MS);
    expect(after.rotatedAt).toBe(now);
    expect(fs.existsSync(path.join(dir, "keys.next.json"))).toBe(false);
    expect(fs.statSync(keysPath(dir)).mode & 0o777).toBe(0o600);
  });
});

describe("the running node's key ring", () => {
  it("signs with the previous key until peers can know the new one, decrypts with both within the overlap", () => {
    const dir = tmp();
    const before = createKeys(dir);
    let now = Date.UTC(2026, 10, 26, 12);
    const ring = new KeyRing(dir, () => now, 150_000);
    expect(ring.signing().publicJwk.kid).toBe(before.sig.publicJwk.kid);

    prepareRotation(dir);
    const after = commitRotation(dir, now);
    // Not reloaded yet: an unknown kid makes the ring look at the file once.
    expect(ring.decryption(after.enc.publicJwk.kid)).toBeDefined();
    expect(ring.current.enc.publicJwk.kid).toBe(after.enc.publicJwk.kid);
    expect(ring.decryption(before.enc.publicJwk.kid)).toBeDefined();
    expect(ring.signing().publicJwk.kid).toBe(before.sig.publicJwk.kid);

    now += 150_000;
    expect(ring.signing().publicJwk.kid).toBe(after.sig.publicJwk.kid);
    now += KEY_OVERLAP_MS;
    expect(ring.decryption(before.enc.publicJwk.kid)).toBeUndefined();
    expect(ring.decryption("otra-clave")).toBeUndefined();
    expect(ring.decryption(undefined)).toBeUndefined();
  });

  it("keeps its keys when the file is broken", () => {
    const dir = tmp();
    const keys = createKeys(dir);
    const ring = new KeyRing(dir);
    fs.writeFileSync(keysPath(dir), "{roto", { mode: 0o600 });
    fs.utimesSync(keysPath(dir), new Date(), new Date(Date.now() + 5000));
    expect(ring.reloadIfChanged()).toBe(false);
    expect(ring.current.sig.publicJwk.kid).toBe(keys.sig.publicJwk.kid);
  });
});
