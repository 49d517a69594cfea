import { createECDH, createHash, createPrivateKey, createPublicKey, ECDH, generateKeyPairSync, KeyObject } from "node:crypto";
import { isPrivateJwk } from "../protocol/jwk.ts";
import { b64urlDecode } from "./b64url.ts";
import { JoseError, type JoseErrorCode } from "./errors.ts";

/** EC P-256 JWKs, their RFC 7638 thumbprints (the network's `kid`), and KeyObjects. */

export type KeyUse = "sig" | "enc";
export const ALG_FOR_USE = { sig: "ES256", enc: "ECDH-ES+A256KW" } as const;

export type EcPublicPoint = { kty: "EC"; crv: "P-256"; x: string; y: string };
export type PublicJwk = EcPublicPoint & { kid: string; use: KeyUse; alg: (typeof ALG_FOR_USE)[KeyUse] };
export type PrivateJwk = PublicJwk & { d: string };
export type KeyPair = { privateKey: KeyObject; publicJwk: PublicJwk };

/** The P-256 field prime: a coordinate must be below it (one encoding per point). */
const P256_PRIME = Buffer.from("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", "hex");

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** RFC 7638 thumbprint of an EC public key: SHA-256 of `{"crv","kty","x","y"}` in that order, base64url. */
export function jwkThumbprint(publicJwk: { kty?: unknown; crv?: unknown; x?: unknown; y?: unknown }): string {
  const { kty, crv, x, y } = publicJwk;
  if (kty !== "EC" || typeof crv !== "string" || typeof x !== "string" || typeof y !== "string") {
    throw new JoseError("jose.key_invalid", "Se esperaba una clave EC");
  }
  return createHash("sha256").update(JSON.stringify({ crv, kty, x, y })).digest("base64url");
}

/** JWK coordinates as the uncompressed point 04‖x‖y: 32 bytes each, below the prime (not yet checked on the curve). */
function uncompressedPoint(x: unknown, y: unknown, code: JoseErrorCode): Buffer {
  const coordinate = (c: unknown): Buffer | null => {
    if (typeof c !== "string" || c.length !== 43) return null;
    try {
      const bytes = b64urlDecode(c);
      return Buffer.compare(bytes, P256_PRIME) < 0 ? bytes : null;
    } catch {
      return null;
    }
  };
  const bx = coordinate(x);
  const by = coordinate(y);
  if (!bx || !by) throw new JoseError(code, "Coordenadas EC P-256 inválidas");
  return Buffer.concat([POINT_UNCOMPRESSED, bx, by]);
}
const POINT_UNCOMPRESSED = Buffer.from([4]);

/** A P-256 public key from its JWK coordinates: 32 bytes each, below the prime, on the curve. */
export function ecPublicKey(x: unknown, y: unknown, code: JoseErrorCode): KeyObject {
  uncompressedPoint(x, y, code);
  try {
    return createPublicKey({ key: { kty: "EC", crv: "P-256", x: x as string, y: y as string }, format: "jwk" });
  } catch {
    throw new JoseError(code, "El punto no está en la curva P-256");
  }
}

/** Throws unless `key` is a P-256 KeyObject of the given type. */
export function assertP256(key: unknown, type: "public" | "private"): asserts key is KeyObject {
  if (
    !(key instanceof KeyObject) ||
    key.type !== type ||
    key.asymmetricKeyType !== "ec" ||
    key.asymmetricKeyDetails?.namedCurve !== "prime256v1"
  ) {
    throw new JoseError("jose.key_invalid", type === "public" ? "Se esperaba una clave pública EC P-256" : "Se esperaba una clave privada EC P-256");
  }
}

function publicJwkOf(publicKey: KeyObject, use: KeyUse): PublicJwk {
  const { x, y } = publicKey.export({ format: "jwk" });
  const point: EcPublicPoint = { kty: "EC", crv: "P-256", x: x!, y: y! };
  return { ...point, kid: jwkThumbprint(point), use, alg: ALG_FOR_USE[use] };
}

/**
 * Node 20 can deadlock when a KeyObject made by generateKeyPairSync is exported as JWK while the
 * garbage collector frees its key-generation job: ExportJWKEcKey allocates under the key's mutex,
 * the GC runs ~KeyGenJob, which takes the same mutex (Node 20.20.2 here: a tight loop of JWK
 * exports hangs within ~2,000). So keys are generated as DER and re-imported: no KeyObject this
 * module returns or exports comes from a key-generation job, and encryptJwe's ephemeral keys are
 * bare ECDH contexts.
 */
function generateKeyPair(use: KeyUse): KeyPair {
  const der = generateKeyPairSync("ec", {
    namedCurve: "P-256",
    publicKeyEncoding: { type: "spki", format: "der" },
    privateKeyEncoding: { type: "pkcs8", format: "der" },
  });
  const privateKey = createPrivateKey({ key: der.privateKey, format: "der", type: "pkcs8" });
  der.privateKey.fill(0);
  return { privateKey, publicJwk: publicJwkOf(createPublicKey(privateKey), use) };
}

/** A node's two key pairs: one to sign (ES256), one to receive (ECDH-ES+A256KW). */
export function generateKeyPairs(): { sig: KeyPair; enc: KeyPair } {
  return { sig: generateKeyPair("sig"), enc: generateKeyPair("enc") };
}

/** Checks shared by public and private imports: EC P-256, the expected use and alg. */
function checkKeyType(jwk: Record<string, unknown>, use: KeyUse): void {
  if (jwk.kty !== "EC" || jwk.crv !== "P-256") throw new JoseError("jose.key_invalid", "Solo se aceptan claves EC P-256");
  if (jwk.use !== use) throw new JoseError("jose.key_use_mismatch", "La clave no es para este uso");
  if (jwk.alg !== undefined && jwk.alg !== ALG_FOR_USE[use]) throw new JoseError("jose.key_use_mismatch", "El alg de la clave no corresponde a su uso");
}

/**
 * A public JWK from configuration or the trust anchor. Refuses private material, anything
 * but EC P-256, another `use` (or a contradicting `alg`), a point off the curve, and a `kid`
 * that is not the key's thumbprint.
 */
export function importPublicJwk(jwk: unknown, use: KeyUse): { kid: string; key: KeyObject } {
  if (!isRecord(jwk)) throw new JoseError("jose.malformed", "Una JWK debe ser un objeto");
  if (isPrivateJwk(jwk)) {
    throw new JoseError("jose.private_key_material", "Una JWK pública no puede llevar material privado");
  }
  checkKeyType(jwk, use);
  const key = ecPublicKey(jwk.x, jwk.y, "jose.key_invalid");
  const kid = jwkThumbprint(jwk);
  if (jwk.kid !== kid) throw new JoseError("jose.kid_mismatch", "El kid no es la huella RFC 7638 de la clave");
  return { kid, key };
}

/** The private JWK to persist (the caller writes it with mode 0600; never log it). */
export function exportPrivateJwk(privateKey: KeyObject, use: KeyUse): PrivateJwk {
  assertP256(privateKey, "private");
  // A copy through DER, in case the caller's key came from generateKeyPairSync (see generateKeyPair).
  const pkcs8 = privateKey.export({ format: "der", type: "pkcs8" });
  const copy = createPrivateKey({ key: pkcs8, format: "der", type: "pkcs8" });
  pkcs8.fill(0);
  const { d } = copy.export({ format: "jwk" });
  return { ...publicJwkOf(createPublicKey(copy), use), d: d! };
}

/** Reads back what exportPrivateJwk wrote, checking that `d`, `x`, `y` and `kid` belong together. */
export function importPrivateJwk(jwk: unknown, use: KeyUse): KeyPair {
  if (!isRecord(jwk)) throw new JoseError("jose.malformed", "Una JWK debe ser un objeto");
  checkKeyType(jwk, use);
  ecPublicKey(jwk.x, jwk.y, "jose.key_invalid");
  const invalid = () => new JoseError("jose.key_invalid", "Clave privada EC P-256 inválida");
  if (typeof jwk.d !== "string" || jwk.d.length !== 43) throw invalid();
  // Node keeps the x, y it is given; recompute the public point from d to see that they belong together.
  let point: Buffer;
  try {
    const ecdh = createECDH("prime256v1");
    ecdh.setPrivateKey(b64urlDecode(jwk.d));
    point = ecdh.getPublicKey();
  } catch {
    throw invalid();
  }
  if (point.subarray(1, 33).toString("base64url") !== jwk.x || point.subarray(33).toString("base64url") !== jwk.y) throw invalid();
  const privateKey = createPrivateKey({ key: { kty: "EC", crv: "P-256", x: jwk.x as string, y: jwk.y as string, d: jwk.d }, format: "jwk" });
  const publicJwk = publicJwkOf(createPublicKey(privateKey), use);
  if (jwk.kid !== publicJwk.kid) throw new JoseError("jose.kid_mismatch", "El kid no es la huella RFC 7638 de la clave");
  return { privateKey, publicJwk };
}

/** DER SubjectPublicKeyInfo of a P-256 key: a fixed 26-byte prefix, then the uncompressed point 04‖x‖y. */
const P256_SPKI_PREFIX = Buffer.from("3059301306072a8648ce3d020106082a8648ce3d030107034200", "hex");
const rawPoints = new WeakMap<KeyObject, Buffer>();

/** The uncompressed point (65 bytes) of a P-256 public KeyObject, cached per key. */
export function rawPublicPoint(publicKey: KeyObject): Buffer {
  let point = rawPoints.get(publicKey);
  if (!point) {
    const spki = publicKey.export({ format: "der", type: "spki" });
    if (spki.length !== 91 || !spki.subarray(0, 26).equals(P256_SPKI_PREFIX)) throw new JoseError("jose.key_invalid", "Se esperaba una clave pública EC P-256");
    point = spki.subarray(26);
    rawPoints.set(publicKey, point);
  }
  return point;
}

/** P-256 (FIPS 186-4 D.1.2.3): the curve y² = x³ − 3x + b over the field of P256_PRIME. */
const P = BigInt(`0x${P256_PRIME.toString("hex")}`);
const B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;

/**
 * The uncompressed point 04‖x‖y of JWK coordinates, checked as ecPublicKey checks them (32 bytes
 * each, below the prime, on the curve) without building a KeyObject: importing a JWK costs about
 * 65 µs and `ECDH.convertKey` about 15 µs; the curve equation in BigInt about 2 µs, and a JWE's
 * `epk` is new on every message. (P-256 has cofactor 1: a point on the curve is in the group.
 * OpenSSL checks the point again when it is used.)
 */
export function ecPublicPoint(x: unknown, y: unknown, code: JoseErrorCode): Buffer {
  const point = uncompressedPoint(x, y, code);
  const px = BigInt(`0x${point.toString("hex", 1, 33)}`);
  const py = BigInt(`0x${point.toString("hex", 33)}`);
  if ((py * py - (px * px * px - 3n * px + B)) % P !== 0n) throw new JoseError(code, "El punto no está en la curva P-256");
  return point;
}

const ecdhContexts = new WeakMap<KeyObject, ECDH>();

/** An ECDH context holding a private P-256 key (for computeSecret with a raw point), cached per key. */
export function ecdhContextOf(privateKey: KeyObject): ECDH {
  let ecdh = ecdhContexts.get(privateKey);
  if (!ecdh) {
    const { d } = privateKey.export({ format: "jwk" });
    if (typeof d !== "string") throw new JoseError("jose.key_invalid", "Se esperaba una clave privada EC P-256");
    ecdh = createECDH("prime256v1");
    ecdh.setPrivateKey(b64urlDecode(d));
    ecdhContexts.set(privateKey, ecdh);
  }
  return ecdh;
}
