import * as jose from "jose";
import { createHash, sign, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  exportPrivateJwk,
  generateKeyPairs,
  importPrivateJwk,
  importPublicJwk,
  jwkThumbprint,
  type PublicJwk,
} from "./suite.ts";
import { b64, expectJoseError, foreignKeyPair, makeNode } from "../../test/support/crypto-fixtures.ts";

/** RFC 7517 Appendix A.1's EC P-256 public key. */
const RFC_EC_KEY = { kty: "EC", crv: "P-256", x: "MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4", y: "4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM", use: "enc", kid: "1" };
const RFC_EC_THUMBPRINT = "cn-I_WNMClehiVp51i_0VpOENW1upEerA8sEam5hn-s";

/** A P-256 point whose x is small enough that x + p still fits in 32 bytes (a second encoding). */
function pointWithSmallX(): { x: bigint; y: bigint; p: bigint } {
  const p = 2n ** 256n - 2n ** 224n + 2n ** 192n + 2n ** 96n - 1n;
  const b = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;
  const pow = (base: bigint, exp: bigint) => {
    let result = 1n;
    for (let e = exp, x = base % p; e > 0n; e >>= 1n, x = (x * x) % p) if (e & 1n) result = (result * x) % p;
    return result;
  };
  for (let x = 1n; ; x++) {
    const rhs = (((x * x * x - 3n * x + b) % p) + p) % p;
    const y = pow(rhs, (p + 1n) / 4n);
    if ((y * y) % p === rhs) return { x, y, p };
  }
}
const coordinate = (n: bigint) => b64(Buffer.from(n.toString(16).padStart(64, "0"), "hex"));

describe("jwkThumbprint (RFC 7638)", () => {
  it("hashes exactly {crv,kty,x,y} in that order, without whitespace (RFC 7638 §3.1 adapted to EC)", () => {
    const members = `{"crv":"P-256","kty":"EC","x":"${RFC_EC_KEY.x}","y":"${RFC_EC_KEY.y}"}`;
    expect(createHash("sha256").update(members).digest("base64url")).toBe(RFC_EC_THUMBPRINT);
    expect(jwkThumbprint(RFC_EC_KEY)).toBe(RFC_EC_THUMBPRINT);
    expect(jwkThumbprint({ y: RFC_EC_KEY.y, x: RFC_EC_KEY.x, kty: "EC", crv: "P-256" })).toBe(RFC_EC_THUMBPRINT);
  });

  it("agrees with jose's calculateJwkThumbprint", async () => {
    expect(await jose.calculateJwkThumbprint(RFC_EC_KEY, "sha256")).toBe(RFC_EC_THUMBPRINT);
    for (let i = 0; i < 10; i++) {
      const jwk = foreignKeyPair("P-256").publicKey.export({ format: "jwk" });
      expect(jwkThumbprint(jwk)).toBe(await jose.calculateJwkThumbprint(jwk as jose.JWK, "sha256"));
    }
  });

  it("refuses what is not an EC key", () => {
    expectJoseError(() => jwkThumbprint({ kty: "RSA" }), "jose.key_invalid");
    expectJoseError(() => jwkThumbprint({ kty: "EC", crv: "P-256", x: RFC_EC_KEY.x }), "jose.key_invalid");
  });
});

describe("generateKeyPairs", () => {
  it("makes a sig and an enc P-256 pair, kid = thumbprint, use and alg set, no private member in the public JWK", () => {
    const { sig, enc } = generateKeyPairs();
    for (const [pair, use, alg] of [[sig, "sig", "ES256"], [enc, "enc", "ECDH-ES+A256KW"]] as const) {
      expect(Object.keys(pair.publicJwk).sort()).toEqual(["alg", "crv", "kid", "kty", "use", "x", "y"]);
      expect(pair.publicJwk).toMatchObject({ kty: "EC", crv: "P-256", use, alg, kid: jwkThumbprint(pair.publicJwk) });
      expect(pair.privateKey.type).toBe("private");
      expect(pair.privateKey.asymmetricKeyDetails?.namedCurve).toBe("prime256v1");
      expect(importPublicJwk(pair.publicJwk, use).kid).toBe(pair.publicJwk.kid);
    }
    expect(sig.publicJwk.kid).not.toBe(enc.publicJwk.kid);
    expect(JSON.stringify({ sig, enc })).not.toMatch(/"d"/);
  });

  it("private JWKs round-trip through exportPrivateJwk/importPrivateJwk", () => {
    const { sig } = generateKeyPairs();
    const stored = JSON.parse(JSON.stringify(exportPrivateJwk(sig.privateKey, "sig"))) as unknown;
    expect(Object.keys(stored as object).sort()).toEqual(["alg", "crv", "d", "kid", "kty", "use", "x", "y"]);
    const back = importPrivateJwk(stored, "sig");
    expect(back.publicJwk).toEqual(sig.publicJwk);
    const signature = sign("sha256", Buffer.from("x"), back.privateKey);
    expect(verify("sha256", Buffer.from("x"), importPublicJwk(sig.publicJwk, "sig").key, signature)).toBe(true);
  });

  it("importPrivateJwk refuses a d that does not belong to x, y, a wrong kid or use, a missing d", () => {
    const a = makeNode();
    const b = makeNode();
    expectJoseError(() => importPrivateJwk({ ...a.sigPrivateJwk, d: b.sigPrivateJwk.d }, "sig"), "jose.key_invalid");
    expectJoseError(() => importPrivateJwk({ ...a.sigPrivateJwk, kid: b.sig.publicJwk.kid }, "sig"), "jose.kid_mismatch");
    expectJoseError(() => importPrivateJwk(a.sigPrivateJwk, "enc"), "jose.key_use_mismatch");
    expectJoseError(() => importPrivateJwk({ ...a.sigPrivateJwk, d: undefined }, "sig"), "jose.key_invalid");
    expectJoseError(() => importPrivateJwk({ ...a.sigPrivateJwk, d: "A".repeat(43) }, "sig"), "jose.key_invalid");
    expectJoseError(() => exportPrivateJwk(a.sigPublic.key, "sig"), "jose.key_invalid");
  });
});

describe("importPublicJwk refusals", () => {
  const { sig } = generateKeyPairs();
  const good: PublicJwk = sig.publicJwk;

  it("accepts a proper sig key, extra informative members included", () => {
    const { kid, key } = importPublicJwk({ ...good, purpose: "config" }, "sig");
    expect(kid).toBe(good.kid);
    expect(key.type).toBe("public");
    const noAlg: Partial<PublicJwk> = { ...good };
    delete noAlg.alg;
    expect(importPublicJwk(noAlg, "sig").kid).toBe(good.kid);
  });

  it("refuses a wrong curve, RSA, OKP", () => {
    for (const kind of ["P-384", "rsa", "ed25519", "x25519"] as const) {
      const jwk = foreignKeyPair(kind).publicKey.export({ format: "jwk" }); expectJoseError(() => importPublicJwk({ ...jwk, use: "sig", kid: "x" }, "sig"), "jose.key_invalid");
    }
    expectJoseError(() => importPublicJwk({ ...good, crv: "P-384" }, "sig"), "jose.key_invalid");
    expectJoseError(() => importPublicJwk({ ...good, crv: "secp256k1" }, "sig"), "jose.key_invalid");
  });

  it("refuses private material (d) even when everything else is right", () => {
    expectJoseError(() => importPublicJwk(exportPrivateJwk(sig.privateKey, "sig"), "sig"), "jose.private_key_material");
    expectJoseError(() => importPublicJwk({ ...good, d: "" }, "sig"), "jose.private_key_material");
    expectJoseError(() => importPublicJwk({ kty: "oct", k: "c2VjcmV0", use: "sig" }, "sig"), "jose.private_key_material");
  });

  it("refuses another use, a missing use, or an alg that contradicts the use", () => {
    expectJoseError(() => importPublicJwk(good, "enc"), "jose.key_use_mismatch");
    expectJoseError(() => importPublicJwk({ ...good, use: undefined }, "sig"), "jose.key_use_mismatch");
    expectJoseError(() => importPublicJwk({ ...good, alg: "ECDH-ES+A256KW" }, "sig"), "jose.key_use_mismatch");
    expectJoseError(() => importPublicJwk({ ...good, alg: "RS256" }, "sig"), "jose.key_use_mismatch");
  });

  it("refuses a kid that is not the thumbprint, or none", () => {
    expectJoseError(() => importPublicJwk({ ...good, kid: "nodo-1-2026" }, "sig"), "jose.kid_mismatch");
    expectJoseError(() => importPublicJwk({ ...good, kid: generateKeyPairs().sig.publicJwk.kid }, "sig"), "jose.kid_mismatch");
    expectJoseError(() => importPublicJwk({ ...good, kid: undefined }, "sig"), "jose.kid_mismatch");
  });

  it("refuses a point off the curve, a second encoding of a point, wrong-length or missing coordinates", () => {
    const y = Buffer.from(good.y, "base64url");
    y[31]! ^= 1;
    const offCurve = { ...good, y: b64(y) };
    expectJoseError(() => importPublicJwk({ ...offCurve, kid: jwkThumbprint(offCurve) }, "sig"), "jose.key_invalid");
    const zero = { ...good, x: "A".repeat(43), y: "A".repeat(43) };
    expectJoseError(() => importPublicJwk({ ...zero, kid: jwkThumbprint(zero) }, "sig"), "jose.key_invalid");

    const { x, y: smallY, p } = pointWithSmallX();
    const canonical = { kty: "EC", crv: "P-256", x: coordinate(x), y: coordinate(smallY), use: "sig" };
    expect(importPublicJwk({ ...canonical, kid: jwkThumbprint(canonical) }, "sig").key.type).toBe("public");
    const aliased = { ...canonical, x: coordinate(x + p) };
    expectJoseError(() => importPublicJwk({ ...aliased, kid: jwkThumbprint(aliased) }, "sig"), "jose.key_invalid");

    const short = { ...good, x: b64(Buffer.from(good.x, "base64url").subarray(1)) };
    expectJoseError(() => importPublicJwk({ ...short, kid: jwkThumbprint(short) }, "sig"), "jose.key_invalid");
    expectJoseError(() => importPublicJwk({ ...good, y: undefined }, "sig"), "jose.key_invalid");
  });

  it("refuses what is not an object", () => {
    for (const bad of [null, "jwk", [good], 42]) expectJoseError(() => importPublicJwk(bad, "sig"), "jose.malformed");
  });
});
