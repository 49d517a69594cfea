import { describe, expect, it } from "vitest";
import { generateKeyPairs, exportPrivateJwk } from "../crypto/suite.ts";
import { hasPrivateJwkMembers, isPrivateJwk, PRIVATE_JWK_MEMBERS } from "./index.ts";

const { sig } = generateKeyPairs();
const publicJwk = sig.publicJwk;
const privateJwk = exportPrivateJwk(sig.privateKey, "sig");

describe("private key material in a JWK (RFC 7518 §6)", () => {
  it("names every private member of EC, RSA and symmetric keys", () => {
    expect([...PRIVATE_JWK_MEMBERS].sort()).toEqual(["d", "dp", "dq", "k", "oth", "p", "q", "qi"]);
  });

  it("isPrivateJwk: a JWK with any private member, whatever its value; a public one is not", () => {
    expect(isPrivateJwk(publicJwk)).toBe(false);
    expect(isPrivateJwk(privateJwk)).toBe(true);
    for (const member of PRIVATE_JWK_MEMBERS) {
      for (const value of ["AQAB", "", null, 0, []]) expect(isPrivateJwk({ ...publicJwk, [member]: value }), `${member}: ${JSON.stringify(value)}`).toBe(true);
    }
    expect(isPrivateJwk({ kty: "oct", k: "c2VjcmV0" })).toBe(true);
    expect(isPrivateJwk({ kty: "RSA", n: "AQAB", e: "AQAB", p: "AQAB" })).toBe(true);
  });

  it("isPrivateJwk: only own members of a plain object count", () => {
    for (const value of [null, undefined, "d", 1, [privateJwk], ["d"]]) expect(isPrivateJwk(value)).toBe(false);
    expect(isPrivateJwk(Object.create({ d: "inherited" }))).toBe(false);
    expect(isPrivateJwk({ kty: "EC", x: "d", y: "k", kid: "p" })).toBe(false); // values are not members
  });

  it("hasPrivateJwkMembers: anywhere in a document, at any depth", () => {
    const jwks = { keys: [publicJwk, { ...publicJwk, kid: "other" }] };
    expect(hasPrivateJwkMembers(jwks)).toBe(false);
    expect(hasPrivateJwkMembers({ keys: [publicJwk, privateJwk] })).toBe(true);
    const config = { env: "dev", portal: { jwks }, nodes: [{ id: "A/n", jwks: { keys: [publicJwk] } }] };
    expect(hasPrivateJwkMembers(config)).toBe(false);
    expect(hasPrivateJwkMembers({ ...config, nodes: [{ id: "A/n", jwks: { keys: [{ kty: "oct", k: "c2VjcmV0" }] } }] })).toBe(true);
    expect(hasPrivateJwkMembers([[[[{ qi: "x" }]]]])).toBe(true);
    for (const value of [null, undefined, "d", 42, [], {}]) expect(hasPrivateJwkMembers(value)).toBe(false);
  });

  it("hasPrivateJwkMembers: a deeply nested or cyclic value is no problem", () => {
    let deep: unknown = { d: "x" };
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(hasPrivateJwkMembers(deep)).toBe(true);
    const cyclic: Record<string, unknown> = { kty: "EC" };
    cyclic.self = { back: cyclic };
    expect(hasPrivateJwkMembers(cyclic)).toBe(false);
  });
});
