import * as jose from "jose";
import { createSecretKey, randomBytes, type KeyObject } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  decryptJwe,
  decryptJweCompact,
  encryptJwe,
  FORBIDDEN_HEADERS,
  inspectJwe,
  MAX_JWE_LENGTH,
  type InspectedJwe,
  type JoseErrorCode,
} from "./suite.ts";
import { b64, CONSUMER_ID, expectJoseError, flipBit, foreignKeyPair, headerOf, makeNode, only, PROVIDER_ID, reheader, unb64, withSegment } from "../../test/support/crypto-fixtures.ts";

const provider = makeNode();
const consumer = makeNode();
const kid = provider.enc.publicJwk.kid;
const plaintext = new TextEncoder().encode(JSON.stringify({ hola: "mundo", n: [1, 2, 3] }));
const opts = { recipient: provider.encPublic, apu: CONSUMER_ID, apv: PROVIDER_ID, cty: "JWT" };
const mine = () => encryptJwe(plaintext, opts);
/** The provider's side of PROTOCOL.md §3.3 step 1 and the decryption. */
const open = (compact: string, resolveKey = only(kid, provider.enc.privateKey)) =>
  decryptJweCompact(compact, { resolveKey, expectedApv: PROVIDER_ID });
const refuses = async (token: Promise<string> | string, code: JoseErrorCode) => {
  const compact = await token;
  expectJoseError(() => open(compact), code);
};

/** A JWE made by jose: by default exactly what the protocol sends, to the provider's key. */
function joseEncrypted(
  header: Partial<jose.CompactJWEHeaderParameters> & Record<string, unknown> = {},
  { key = provider.encPublic.key as KeyObject, apu = CONSUMER_ID, apv = PROVIDER_ID }: { key?: KeyObject; apu?: string | Uint8Array; apv?: string | Uint8Array } = {},
): Promise<string> {
  const bytes = (v: string | Uint8Array) => (typeof v === "string" ? new TextEncoder().encode(v) : v);
  const full = { alg: "ECDH-ES+A256KW", enc: "A256GCM", kid, cty: "JWT", ...header };
  const jwe = new jose.CompactEncrypt(plaintext).setProtectedHeader(full);
  if (full.alg.startsWith("ECDH-ES")) jwe.setKeyManagementParameters({ apu: bytes(apu), apv: bytes(apv) });
  return jwe.encrypt(key, { crit: { exp: true, b64: true } });
}

describe("encryptJwe / decryptJweCompact", () => {
  it("writes the protocol's header and decrypts its own output", () => {
    const compact = mine();
    const header = headerOf(compact);
    expect(Object.keys(header)).toEqual(["alg", "enc", "kid", "epk", "cty", "apu", "apv"]);
    expect(header).toMatchObject({ alg: "ECDH-ES+A256KW", enc: "A256GCM", kid, cty: "JWT", apu: b64(CONSUMER_ID), apv: b64(PROVIDER_ID) });
    expect(Object.keys(header.epk as object)).toEqual(["kty", "crv", "x", "y"]);
    const [, encryptedKey, iv, , tag] = compact.split(".");
    expect([unb64(encryptedKey!).length, unb64(iv!).length, unb64(tag!).length]).toEqual([40, 12, 16]);
    const opened = open(compact);
    expect(Buffer.from(opened.plaintext).equals(plaintext)).toBe(true);
    expect(opened).toMatchObject({ kid, apu: CONSUMER_ID, apv: PROVIDER_ID, cty: "JWT" });
  });

  it("uses a fresh ephemeral key and IV per message", () => {
    const [a, b] = [mine(), mine()];
    expect((headerOf(a).epk as { x: string }).x).not.toBe((headerOf(b).epk as { x: string }).x);
    expect(a.split(".")[2]).not.toBe(b.split(".")[2]);
  });

  it("takes strings and bytes, empty included, and omits cty when not given", () => {
    const compact = encryptJwe("ñandú", { recipient: provider.encPublic, apu: CONSUMER_ID, apv: PROVIDER_ID });
    expect(headerOf(compact)).not.toHaveProperty("cty");
    expect(Buffer.from(open(compact).plaintext).toString("utf8")).toBe("ñandú");
    expect(open(encryptJwe(new Uint8Array(0), opts)).plaintext).toHaveLength(0);
  });

  it("refuses to encrypt to something that is not a P-256 public key", () => {
    expectJoseError(() => encryptJwe(plaintext, { ...opts, recipient: { kid, key: provider.enc.privateKey } }), "jose.key_invalid");
    const p384 = foreignKeyPair("P-384").publicKey;
    expectJoseError(() => encryptJwe(plaintext, { ...opts, recipient: { kid, key: p384 } }), "jose.key_invalid");
  });
});

describe("two-phase decryption (PROTOCOL.md §3.3 step 1 before any cryptography)", () => {
  it("inspectJwe reads kid, apu, apv and cty without a key; decryptJwe finishes", () => {
    const jwe = inspectJwe(mine());
    expect(jwe).toMatchObject({ kid, apu: CONSUMER_ID, apv: PROVIDER_ID, cty: "JWT" });
    expect(jwe.header.alg).toBe("ECDH-ES+A256KW");
    expect(Buffer.from(decryptJwe(jwe, provider.enc.privateKey)).equals(plaintext)).toBe(true);
  });

  it("inspectJwe does not look at the encrypted parts; decryptJwe then fails as one decrypt_failed", () => {
    const garbage = withSegment(withSegment(mine(), 3, "AAAA"), 4, "!!");
    const jwe = inspectJwe(garbage);
    expectJoseError(() => decryptJwe(jwe, provider.enc.privateKey), "jose.decrypt_failed");
  });

  it("decryptJwe only takes what inspectJwe returned, and a P-256 private key", () => {
    const jwe = inspectJwe(mine());
    const forged = { ...jwe } as InspectedJwe;
    expectJoseError(() => decryptJwe(forged, provider.enc.privateKey), "jose.malformed");
    expectJoseError(() => decryptJwe(jwe, provider.encPublic.key), "jose.key_invalid");
  });

  it("checks in the protocol's order: allowlist, apv, kid", async () => {
    await refuses(joseEncrypted({ jku: "https://atacante.example/jwks", kid: "otro" }, { apv: "OTRO/nodo-1" }), "jose.header_not_allowed");
    await refuses(joseEncrypted({ kid: "otro" }, { apv: "OTRO/nodo-1" }), "jose.apv_mismatch");
    await refuses(joseEncrypted({ kid: "otro" }), "jose.kid_unknown");
  });
});

describe("rejections before decrypting (PROTOCOL.md §3.3 step 1)", () => {
  const forbiddenValues: Record<(typeof FORBIDDEN_HEADERS)[number], Record<string, unknown>> = {
    zip: { zip: "DEF" },
    jku: { jku: "https://atacante.example/jwks.json" },
    jwk: { jwk: consumer.enc.publicJwk },
    x5u: { x5u: "https://atacante.example/cert.pem" },
    x5c: { x5c: ["MIIBszCCAVmgAwIBAgIUX"] },
    crit: { crit: ["exp"], exp: 1795000060 },
    b64: { b64: false },
  };

  it.each(FORBIDDEN_HEADERS)("refuses a valid JWE (made by jose) with header %s", async (name) => {
    const compact = await joseEncrypted(forbiddenValues[name]);
    expect(headerOf(compact)).toHaveProperty(name);
    await refuses(compact, "jose.header_not_allowed");
  });

  it("refuses any other member: typ, a custom one, and forbidden ones added to our own JWE", async () => {
    await refuses(joseEncrypted({ typ: "JWT" }), "jose.header_not_allowed");
    await refuses(joseEncrypted({ "pisee-x": 1 }), "jose.header_not_allowed");
    for (const name of FORBIDDEN_HEADERS) {
      await refuses(reheader(mine(), (h) => Object.assign(h, forbiddenValues[name])), "jose.header_not_allowed");
    }
  });

  it("refuses other algorithms (made by jose): ECDH-ES, ECDH-ES+A128KW, A128GCM, A256CBC-HS512, RSA-OAEP-256, dir", async () => {
    await refuses(joseEncrypted({ alg: "ECDH-ES" }), "jose.alg_not_allowed");
    await refuses(joseEncrypted({ alg: "ECDH-ES+A128KW" }), "jose.alg_not_allowed");
    await refuses(joseEncrypted({ enc: "A128GCM" }), "jose.alg_not_allowed");
    await refuses(joseEncrypted({ enc: "A256CBC-HS512" }), "jose.alg_not_allowed");
    const rsa = foreignKeyPair("rsa").publicKey;
    await refuses(joseEncrypted({ alg: "RSA-OAEP-256" }, { key: rsa }), "jose.alg_not_allowed");
    await refuses(joseEncrypted({ alg: "dir" }, { key: createSecretKey(randomBytes(32)) }), "jose.alg_not_allowed");
    await refuses(reheader(mine(), (h) => delete h.enc), "jose.alg_not_allowed");
    await refuses(reheader(mine(), (h) => (h.alg = "none")), "jose.alg_not_allowed");
  });

  it("refuses an unknown kid (made by jose) and a missing one", async () => {
    await refuses(joseEncrypted({ kid: consumer.enc.publicJwk.kid }), "jose.kid_unknown");
    await refuses(joseEncrypted({ kid: undefined }), "jose.malformed");
  });

  it("refuses an epk that is missing, not EC (X25519, by jose), on another curve (P-384, by jose)", async () => {
    await refuses(reheader(mine(), (h) => delete h.epk), "jose.epk_invalid");
    await refuses(joseEncrypted({}, { key: foreignKeyPair("x25519").publicKey }), "jose.epk_invalid");
    await refuses(joseEncrypted({}, { key: foreignKeyPair("P-384").publicKey }), "jose.epk_invalid");
    await refuses(reheader(mine(), (h) => (h.epk = "not a key")), "jose.epk_invalid");
  });

  it("refuses an epk off the curve (x, y of the right length), with wrong lengths, with private or extra members", async () => {
    const edit = (mutate: (epk: Record<string, unknown>) => void) => reheader(mine(), (h) => mutate(h.epk as Record<string, unknown>));
    const offCurve = edit((epk) => {
      const y = unb64(epk.y as string);
      y[31]! ^= 0x01;
      epk.y = b64(y);
    });
    expect(unb64((headerOf(offCurve).epk as { y: string }).y)).toHaveLength(32);
    await refuses(offCurve, "jose.epk_invalid");
    await refuses(edit((epk) => (epk.x = "A".repeat(43))), "jose.epk_invalid");
    await refuses(edit((epk) => (epk.x = b64(unb64(epk.x as string).subarray(1)))), "jose.epk_invalid");
    await refuses(edit((epk) => (epk.y = `${epk.y as string}AA`)), "jose.epk_invalid");
    await refuses(edit((epk) => (epk.d = "A".repeat(43))), "jose.epk_invalid");
    await refuses(edit((epk) => (epk.kid = "x")), "jose.epk_invalid");
    await refuses(edit((epk) => (epk.crv = "P-384")), "jose.epk_invalid");
    await refuses(edit((epk) => (epk.kty = "OKP")), "jose.epk_invalid");
  });

  it("refuses an apv that is not this node (made by jose), and a missing or undecodable apu/apv", async () => {
    await refuses(joseEncrypted({}, { apv: "OTRO/nodo-1" }), "jose.apv_mismatch");
    await refuses(joseEncrypted({}, { apv: "srcei/nodo-1" }), "jose.apv_mismatch");
    await refuses(reheader(mine(), (h) => delete h.apv), "jose.malformed");
    await refuses(reheader(mine(), (h) => delete h.apu), "jose.malformed");
    await refuses(reheader(mine(), (h) => (h.apv = `${h.apv as string}=`)), "jose.malformed");
    await refuses(joseEncrypted({}, { apv: new Uint8Array([0xff, 0xfe]) }), "jose.malformed");
    await refuses(reheader(mine(), (h) => (h.apv = "")), "jose.malformed");
  });

  it("refuses apu = apv (a message reflected to its sender), like jose, on both sides", async () => {
    await refuses(reheader(mine(), (h) => (h.apu = h.apv)), "jose.malformed");
    await expect(joseEncrypted({}, { apu: PROVIDER_ID })).rejects.toThrow(/distinct/);
    expectJoseError(() => encryptJwe(plaintext, { ...opts, apu: PROVIDER_ID }), "jose.malformed");
    expectJoseError(() => encryptJwe(plaintext, { ...opts, apu: "" }), "jose.malformed");
  });

  it("refuses duplicate members in the protected header", async () => {
    const header = headerOf(mine());
    const text = JSON.stringify(header).replace(/^\{/, '{"alg":"dir",');
    await refuses(withSegment(mine(), 0, b64(text)), "jose.duplicate_member");
    const nested = JSON.stringify(header).replace('"epk":{', `"epk":{"x":"${(header.epk as { x: string }).x}",`);
    await refuses(withSegment(mine(), 0, b64(nested)), "jose.duplicate_member");
  });

  it("refuses what is not a compact JWE, and one over the size limit before parsing", () => {
    for (const bad of ["", "a.b.c.d", `${mine()}.x`, "!!.a.b.c.d", `${b64("[]")}.a.b.c.d`, `${b64("{}")}.a.b.c.d`]) {
      expectJoseError(() => open(bad), bad.startsWith(b64("{}")) ? "jose.alg_not_allowed" : "jose.malformed");
    }
    const compact = mine();
    expectJoseError(() => decryptJweCompact(compact, { resolveKey: () => provider.enc.privateKey, maxLength: compact.length - 1 }), "jose.too_large");
    expect(decryptJweCompact(compact, { resolveKey: () => provider.enc.privateKey, maxLength: compact.length }).kid).toBe(kid);
    expectJoseError(() => inspectJwe("x".repeat(MAX_JWE_LENGTH + 1)), "jose.too_large");
    expect(MAX_JWE_LENGTH).toBe(20 * 1024 * 1024);
  });
});

describe("failures of the decryption itself: one jose.decrypt_failed", () => {
  it("tampered ciphertext, tag, IV or encrypted key", () => {
    const compact = mine();
    for (const segment of [1, 2, 3, 4]) expectJoseError(() => open(flipBit(compact, segment)), "jose.decrypt_failed");
  });

  it("segments of the wrong length or not base64url", () => {
    const compact = mine();
    const [, encryptedKey, iv, ciphertext, tag] = compact.split(".") as [string, string, string, string, string];
    const cases = [
      withSegment(compact, 1, b64(unb64(encryptedKey).subarray(0, 32))),
      withSegment(compact, 1, ""),
      withSegment(compact, 2, b64(Buffer.concat([unb64(iv), Buffer.alloc(4)]))),
      withSegment(compact, 3, b64(unb64(ciphertext).subarray(1))),
      withSegment(compact, 4, b64(unb64(tag).subarray(0, 12))),
      withSegment(compact, 4, `${tag}=`),
      withSegment(compact, 2, "+/+/+/+/+/+/+/+/"),
    ];
    for (const bad of cases) expectJoseError(() => open(bad), "jose.decrypt_failed");
  });

  it("a protected header changed but still acceptable (apu, cty, whitespace, another epk): AAD and KDF catch it", () => {
    const compact = mine();
    const other = headerOf(mine()).epk;
    for (const bad of [
      reheader(compact, (h) => (h.apu = b64("OTRO/nodo-1"))),
      reheader(compact, (h) => delete h.cty),
      reheader(compact, (h) => (h.epk = other)),
      withSegment(compact, 0, b64(JSON.stringify(headerOf(compact), null, 1))),
    ]) {
      expectJoseError(() => open(bad), "jose.decrypt_failed");
    }
  });

  it("the right kid resolved to the wrong private key", () => {
    expectJoseError(() => open(mine(), () => consumer.enc.privateKey), "jose.decrypt_failed");
  });
});
