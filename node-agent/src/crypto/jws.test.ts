import * as jose from "jose";
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { FORBIDDEN_HEADERS, type JoseErrorCode, normalizeTyp, signJws, typMatches, verifyJws } from "./suite.ts";
import { b64, expectJoseError, flipBit, handSignedJws, headerOf, makeNode, only, PROTOCOL_TYPS, unb64, withSegment } from "../../test/support/crypto-fixtures.ts";

const node = makeNode();
const other = makeNode();
const kid = node.sig.publicJwk.kid;
const TYP = "pisee-req+jwt";
const claims = { iss: "MUN-SANTIAGO/nodo-1", aud: "SRCEI/nodo-1", iat: 1795000000, exp: 1795000060, req: { body: "" } };
const mine = () => signJws(claims, { privateKey: node.sig.privateKey, kid, typ: TYP });
const resolveKey = only(kid, node.sigPublic.key);
const check = (compact: string | Uint8Array, typ = TYP) => verifyJws(compact, { typ, resolveKey });
/** Awaits a token made by jose, then asserts that verifying it fails with `code`. */
const refuses = async (token: Promise<string>, code: JoseErrorCode) => {
  const compact = await token;
  expectJoseError(() => check(compact), code);
};
const joseSigned = (header: jose.CompactJWSHeaderParameters, payload: object = claims, options?: jose.SignOptions) =>
  new jose.CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader(header).sign(node.sig.privateKey, options);

describe("signJws / verifyJws", () => {
  it("signs with header exactly {alg: ES256, kid, typ} and a 64-byte R‖S signature, and verifies", () => {
    const compact = mine();
    expect(headerOf(compact)).toEqual({ alg: "ES256", kid, typ: TYP });
    expect(Object.keys(headerOf(compact))).toEqual(["alg", "kid", "typ"]);
    expect(unb64(compact.split(".")[2]!)).toHaveLength(64);
    expect(check(compact)).toEqual({ header: { alg: "ES256", kid, typ: TYP }, payload: claims });
    expect(check(new TextEncoder().encode(compact)).payload).toEqual(claims);
  });

  it("refuses to sign what is not an object, or with a key that is not a P-256 private key", () => {
    expectJoseError(() => signJws([1, 2] as unknown as object, { privateKey: node.sig.privateKey, kid, typ: TYP }), "jose.malformed");
    expectJoseError(() => signJws(claims, { privateKey: node.sigPublic.key, kid, typ: TYP }), "jose.key_invalid");
  });
});

describe("typ (PROTOCOL.md §0)", () => {
  it("compares case-insensitively and without an application/ prefix", () => {
    for (const typ of ["pisee-req+jwt", "PISEE-REQ+JWT", "Pisee-Req+Jwt", "application/pisee-req+jwt", "APPLICATION/pisee-req+JWT"]) {
      expect(typMatches(typ, TYP)).toBe(true);
      expect(check(signJws(claims, { privateKey: node.sig.privateKey, kid, typ }), TYP).header.typ).toBe(typ);
    }
    expect(check(mine(), "application/PISEE-req+jwt").payload).toEqual(claims);
    expect(normalizeTyp("Application/Pisee-Ack+JWT")).toBe("pisee-ack+jwt");
  });

  it("folds ASCII only and strips the prefix once", () => {
    expect(typMatches("pisee-ac\u212A+jwt", "pisee-ack+jwt")).toBe(false); // KELVIN SIGN lower-cases to k in Unicode
    expect(typMatches("application/application/pisee-req+jwt", TYP)).toBe(false);
    expect(typMatches("x-application/pisee-req+jwt", TYP)).toBe(false);
  });

  it("a validator for one typ refuses every other protocol typ", () => {
    for (const expected of PROTOCOL_TYPS) {
      for (const actual of PROTOCOL_TYPS) {
        const compact = signJws(claims, { privateKey: node.sig.privateKey, kid, typ: actual });
        if (actual === expected) expect(check(compact, expected).payload).toEqual(claims);
        else expectJoseError(() => check(compact, expected), "jose.typ_mismatch");
      }
    }
  });

  it("refuses a missing, empty, JWT or non-string typ", async () => {
    await refuses(joseSigned({ alg: "ES256", kid }), "jose.typ_mismatch");
    for (const typ of ["", "JWT", "pisee-req", "pisee-req+jwt "]) {
      expectJoseError(() => check(signJws(claims, { privateKey: node.sig.privateKey, kid, typ })), "jose.typ_mismatch");
    }
    expectJoseError(() => check(handSignedJws(JSON.stringify({ alg: "ES256", kid, typ: ["pisee-req+jwt"] }), "{}", node.sig.privateKey)), "jose.typ_mismatch");
  });
});

describe("verifyJws rejections", () => {
  it.each(FORBIDDEN_HEADERS)("refuses a correctly signed JWS with header %s (made by jose)", async (name) => {
    const values: Record<string, Record<string, unknown>> = {
      zip: { zip: "DEF" },
      jku: { jku: "https://atacante.example/jwks.json" },
      jwk: { jwk: other.sig.publicJwk },
      x5u: { x5u: "https://atacante.example/cert.pem" },
      x5c: { x5c: ["MIIBszCCAVmgAwIBAgIUX"] },
      crit: { crit: ["exp"], exp: 1795000060 },
      b64: { b64: true, crit: ["b64"] },
    };
    const compact = await joseSigned({ alg: "ES256", kid, typ: TYP, ...values[name] }, claims, { crit: { exp: true } });
    expect(headerOf(compact)).toHaveProperty(name);
    expectJoseError(() => check(compact), "jose.header_not_allowed");
  });

  it("refuses any other header member (allowlist), e.g. cty or a custom one", async () => {
    await refuses(joseSigned({ alg: "ES256", kid, typ: TYP, cty: "JWT" }), "jose.header_not_allowed");
    await refuses(joseSigned({ alg: "ES256", kid, typ: TYP, "pisee-x": 1 }), "jose.header_not_allowed");
  });

  it("refuses alg none (jose's unsecured JWT and a hand-made one with kid and typ)", () => {
    expectJoseError(() => check(new jose.UnsecuredJWT(claims).encode()), "jose.alg_not_allowed");
    const none = `${b64(JSON.stringify({ alg: "none", kid, typ: TYP }))}.${b64(JSON.stringify(claims))}.`;
    expectJoseError(() => check(none), "jose.alg_not_allowed");
    expectJoseError(() => check(reSign(none)), "jose.alg_not_allowed");
  });

  it("refuses other algorithms: HS256 keyed with the public key, ES384, ES256K, RS256, a missing alg", () => {
    const input = `${b64(JSON.stringify({ alg: "HS256", kid, typ: TYP }))}.${b64(JSON.stringify(claims))}`;
    const hs = `${input}.${createHmac("sha256", JSON.stringify(node.sig.publicJwk)).update(input).digest("base64url")}`;
    expectJoseError(() => check(hs), "jose.alg_not_allowed");
    for (const alg of ["ES384", "ES256K", "RS256", "es256", undefined]) {
      expectJoseError(() => check(handSignedJws(JSON.stringify({ alg, kid, typ: TYP }), JSON.stringify(claims), node.sig.privateKey)), "jose.alg_not_allowed");
    }
  });

  it("refuses an unknown kid, and a missing one", async () => {
    expectJoseError(() => check(signJws(claims, { privateKey: other.sig.privateKey, kid: other.sig.publicJwk.kid, typ: TYP })), "jose.kid_unknown");
    await refuses(joseSigned({ alg: "ES256", typ: TYP }), "jose.malformed");
  });

  it("refuses a key of the wrong kind returned by the resolver", () => {
    const compact = mine();
    expectJoseError(() => verifyJws(compact, { typ: TYP, resolveKey: () => node.sig.privateKey }), "jose.key_invalid");
  });

  it("refuses a signature by another key under this kid (made by jose)", async () => {
    const forged = await new jose.CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
      .setProtectedHeader({ alg: "ES256", kid, typ: TYP })
      .sign(other.sig.privateKey);
    expectJoseError(() => check(forged), "jose.signature_invalid");
  });

  it("refuses a DER-encoded signature, a truncated one, an empty one, a tampered payload or signature", () => {
    const der = handSignedJws(JSON.stringify({ alg: "ES256", kid, typ: TYP }), JSON.stringify(claims), node.sig.privateKey, true);
    expect(unb64(der.split(".")[2]!).length).toBeGreaterThan(64);
    expectJoseError(() => check(der), "jose.signature_invalid");
    const compact = mine();
    const sig = unb64(compact.split(".")[2]!);
    expectJoseError(() => check(withSegment(compact, 2, b64(sig.subarray(0, 63)))), "jose.signature_invalid");
    expectJoseError(() => check(withSegment(compact, 2, b64(Buffer.concat([sig, Buffer.from([0])])))), "jose.signature_invalid");
    expectJoseError(() => check(withSegment(compact, 2, "")), "jose.signature_invalid");
    expectJoseError(() => check(flipBit(compact, 2)), "jose.signature_invalid");
    expectJoseError(() => check(flipBit(compact, 1)), "jose.signature_invalid");
    expectJoseError(() => check(withSegment(compact, 1, b64(JSON.stringify({ ...claims, aud: "OTRO/nodo-1" })))), "jose.signature_invalid");
  });

  it("refuses duplicate members in a correctly signed header or payload", () => {
    const header = `{"alg":"ES256","kid":"${kid}","typ":"${TYP}","alg":"ES256"}`;
    expectJoseError(() => check(handSignedJws(header, JSON.stringify(claims), node.sig.privateKey)), "jose.duplicate_member");
    const goodHeader = JSON.stringify({ alg: "ES256", kid, typ: TYP });
    const payload = '{"iss":"MUN-SANTIAGO/nodo-1","aud":"SRCEI/nodo-1","aud":"OTRO/nodo-1"}';
    expectJoseError(() => check(handSignedJws(goodHeader, payload, node.sig.privateKey)), "jose.duplicate_member");
    const nested = '{"req":{"headers":{"accept":"a","accept":"b"}}}';
    expectJoseError(() => check(handSignedJws(goodHeader, nested, node.sig.privateKey)), "jose.duplicate_member");
  });

  it("refuses a correctly signed payload that is not an I-JSON object", () => {
    const goodHeader = JSON.stringify({ alg: "ES256", kid, typ: TYP });
    for (const payload of ["[1]", '"x"', "null", "{", '{"a":"\\ud800"}', "\uFEFF{}"]) {
      expectJoseError(() => check(handSignedJws(goodHeader, payload, node.sig.privateKey)), "jose.malformed");
    }
  });

  it("refuses what is not a compact JWS", () => {
    const compact = mine();
    for (const bad of ["", "a.b", `${compact}.x`, "!!.e30.AA", `${b64("[]")}.e30.AA`, `${b64("{")}.e30.AA`]) {
      expectJoseError(() => check(bad), "jose.malformed");
    }
    expectJoseError(() => check(withSegment(compact, 1, "e30=")), "jose.malformed");
    expectJoseError(() => check(new Uint8Array([0xff, 0x2e])), "jose.malformed");
    expectJoseError(() => verifyJws(compact, { typ: TYP, resolveKey, maxLength: compact.length - 1 }), "jose.too_large");
  });
});

/** Re-signs a token's signing input with the node's key (so only its header is wrong). */
function reSign(compact: string): string {
  const [h, p] = compact.split(".");
  return handSignedJws(unb64(h!).toString(), unb64(p!).toString(), node.sig.privateKey);
}
