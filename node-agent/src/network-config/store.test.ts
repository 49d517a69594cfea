import { createPublicKey } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateKeyPairs, signJws } from "../crypto/suite.ts";
import { ConfigRefused, ConfigStore } from "./store.ts";

const anchorKey = generateKeyPairs().sig;
const other = generateKeyPairs().sig;

function payload(version: number, over: Record<string, unknown> = {}) {
  const issuedAt = new Date("2026-11-26T12:00:00Z");
  return {
    env: "dev",
    version,
    issuedAt: issuedAt.toISOString(),
    expiresAt: new Date(issuedAt.getTime() + 15 * 60 * 1000).toISOString(),
    portal: { tracesUrl: "x", jwks: { keys: [{ ...anchorKey.publicJwk, purpose: "config" }] } },
    institutions: [],
    nodes: [],
    services: [],
    agreements: [],
    revokedConsents: [],
    ...over,
  };
}
const sign = (p: object, key = anchorKey) => signJws(p, { privateKey: key.privateKey, kid: key.publicJwk.kid, typ: "pisee-config+jwt" });

function store() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pisee-cfg-"));
  return new ConfigStore({ dataDir, environment: "dev", anchor: new Map([[anchorKey.publicJwk.kid, anchorPublic()]]), graceSeconds: 7200 });
}
function anchorPublic() {
  return createPublicKey({ key: anchorKey.publicJwk, format: "jwk" });
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigRefused) return e.reason;
    throw e;
  }
  return "accepted";
}

describe("network configuration rules (§2)", () => {
  it("accepts a document signed by the anchor, and a re-signed one of the same version", () => {
    const s = store();
    expect(s.accept(sign(payload(3)))).toEqual({ changed: true, version: 3 });
    expect(s.accept(sign(payload(3, { issuedAt: "2026-11-26T12:10:00.000Z", expiresAt: "2026-11-26T12:25:00.000Z" })))).toEqual({ changed: false, version: 3 });
  });
  it("refuses another signer, another environment, private key material, a longer validity", () => {
    const s = store();
    expect(refusal(() => s.accept(sign(payload(1), other)))).toBe("signature");
    expect(refusal(() => s.accept(sign(payload(1, { env: "prod" }))))).toBe("environment");
    expect(refusal(() => s.accept(sign(payload(1, { nodes: [{ id: "A/n", institution: "A", url: "x", jwks: { keys: [{ kty: "EC", d: "secreto" }] } }] }))))).toBe("private_key");
    // Any private member of RFC 7518 (PRIVATE_JWK_MEMBERS), in any key of the document.
    const withPortalKey = (key: object) => payload(1, { portal: { tracesUrl: "https://portal.example/api/v1/traces", jwks: { keys: [key] } } });
    expect(refusal(() => s.accept(sign(withPortalKey({ kty: "oct", k: "c2VjcmV0", use: "sig" }))))).toBe("private_key");
    expect(refusal(() => s.accept(sign(withPortalKey({ kty: "RSA", n: "AQAB", e: "AQAB", qi: "AQAB" }))))).toBe("private_key");
    expect(refusal(() => s.accept(sign(payload(1, { expiresAt: "2026-11-26T12:16:00.000Z" }))))).toBe("shape");
  });
  it("never goes back in version; the same version with other content raises an alert", () => {
    const s = store();
    s.accept(sign(payload(5)));
    expect(refusal(() => s.accept(sign(payload(4))))).toBe("rollback");
    expect(refusal(() => s.accept(sign(payload(5, { institutions: [{ code: "X", name: "otra" }] }))))).toBe("fork");
    expect(s.current!.version).toBe(5);
  });
  it("after expiry: grace for non-sensitive services, then nothing", () => {
    const s = store();
    s.accept(sign(payload(1)));
    const exp = Date.parse("2026-11-26T12:15:00Z");
    expect(s.state(exp)).toBe("valid");
    expect(s.state(exp + 1)).toBe("grace");
    expect(s.state(exp + 7200 * 1000)).toBe("grace");
    expect(s.state(exp + 7200 * 1000 + 1)).toBe("expired");
  });
  it("survives a restart: the highest version and its hash are kept on disk", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pisee-cfg-"));
    const mk = () => new ConfigStore({ dataDir, environment: "dev", anchor: new Map([[anchorKey.publicJwk.kid, anchorPublic()]]), graceSeconds: 0 });
    mk().accept(sign(payload(7)));
    const restarted = mk();
    expect(restarted.restore()).toBe(true);
    expect(restarted.current!.version).toBe(7);
    expect(refusal(() => restarted.accept(sign(payload(6))))).toBe("rollback");
  });
});

describe("peer URLs (§2: origins; in prod https and not a local address)", () => {
  const jwks = { keys: [] };
  const nodes = [
    { id: "A/ok", institution: "A", url: "https://nodo.a.cl:8443", jwks },
    { id: "A/path", institution: "A", url: "https://nodo.a.cl/pisee", jwks },
    { id: "A/loop", institution: "A", url: "https://2130706433", jwks },
    { id: "A/http", institution: "A", url: "http://nodo.a.cl", jwks },
    { id: "A/private", institution: "A", url: "https://10.1.2.3", jwks },
  ];
  const prodStore = (allowPrivatePeers: boolean) =>
    new ConfigStore({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), "pisee-cfg-")), environment: "prod", anchor: new Map([[anchorKey.publicJwk.kid, anchorPublic()]]), graceSeconds: 0, allowPrivatePeers });

  it("sends to {origin}/v1/exchange only; a URL that breaks the rules marks the peer unreachable, with the reason", () => {
    const s = prodStore(false);
    s.accept(sign(payload(1, { env: "prod", nodes })));
    const n = s.current!.nodes;
    expect(n.get("A/ok")!.exchange).toEqual({ origin: "https://nodo.a.cl:8443", path: "/v1/exchange" });
    for (const [id, reason] of [["A/path", "not_an_origin"], ["A/loop", "forbidden_host"], ["A/http", "not_https"], ["A/private", "private_host"]]) {
      expect(n.get(id!)!.exchange, id).toBeNull();
      expect(n.get(id!)!.unreachable, id).toMatch(new RegExp(`^${reason}: `));
    }
  });
  it("private ranges only where the deployment allows them (allowPrivatePeers)", () => {
    const s = prodStore(true);
    s.accept(sign(payload(1, { env: "prod", nodes })));
    expect(s.current!.nodes.get("A/private")!.exchange).toEqual({ origin: "https://10.1.2.3", path: "/v1/exchange" });
    expect(s.current!.nodes.get("A/loop")!.exchange).toBeNull();
  });
  it("dev: any http(s) origin (the demo runs on http://127.0.0.1), still no path", () => {
    const s = store();
    s.accept(sign(payload(1, { nodes: [{ id: "A/dev", institution: "A", url: "http://127.0.0.1:9000/", jwks }, { id: "A/p", institution: "A", url: "http://127.0.0.1:9000/x", jwks }] })));
    expect(s.current!.nodes.get("A/dev")!.exchange).toEqual({ origin: "http://127.0.0.1:9000", path: "/v1/exchange" });
    expect(s.current!.nodes.get("A/p")!.exchange).toBeNull();
  });
});

describe("configuration-key rotation survives a restart (§2)", () => {
  const k2 = generateKeyPairs().sig;
  const k3 = generateKeyPairs().sig;
  const announce = (...keys: (typeof k2)[]) => ({ portal: { tracesUrl: "x", jwks: { keys: keys.map((k) => ({ ...k.publicJwk, purpose: "config" })) } } });

  it("rotate → restart → the next configuration signed by the new key is accepted; keys no longer announced are dropped", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pisee-cfg-"));
    const mk = () => new ConfigStore({ dataDir, environment: "dev", anchor: new Map([[anchorKey.publicJwk.kid, anchorPublic()]]), graceSeconds: 0 });
    const first = mk();
    // The portal announces k2 next to the anchor key, then signs with k2 and stops announcing the anchor key.
    first.accept(sign(payload(1, announce(anchorKey, k2))));
    first.accept(sign(payload(2, announce(k2)), k2));
    expect(first.trustedConfigKeys().sort()).toEqual([anchorKey.publicJwk.kid, k2.publicJwk.kid].sort());

    const second = mk(); // restart
    expect(second.trustedConfigKeys()).toContain(k2.publicJwk.kid);
    expect(second.restore()).toBe(true); // the stored document, signed by k2, verifies
    expect(second.current!.version).toBe(2);
    expect(second.accept(sign(payload(3, announce(k2, k3)), k2))).toEqual({ changed: true, version: 3 });
    second.accept(sign(payload(4, announce(k3)), k3)); // k2 retired

    const third = mk(); // another restart
    expect(third.trustedConfigKeys().sort()).toEqual([anchorKey.publicJwk.kid, k3.publicJwk.kid].sort());
    expect(refusal(() => third.accept(sign(payload(5, announce(k3)), k2)))).toBe("signature");
    expect(third.accept(sign(payload(5, announce(k3)), k3)).version).toBe(5);
    // The anchor is trusted whatever the configuration announces.
    expect(third.accept(sign(payload(6, announce(k3)))).version).toBe(6);
  });

  it("a consent key (or a key without purpose: config) never signs a configuration", () => {
    const s = store();
    s.accept(sign(payload(1, { portal: { tracesUrl: "x", jwks: { keys: [{ ...k2.publicJwk, purpose: "consent" }, { ...k3.publicJwk }] } } })));
    expect(refusal(() => s.accept(sign(payload(2), k2)))).toBe("signature");
    expect(refusal(() => s.accept(sign(payload(2), k3)))).toBe("signature");
  });
});
