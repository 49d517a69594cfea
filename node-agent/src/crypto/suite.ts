/**
 * The network's fixed JOSE suite (PROTOCOL.md §0), directly on node:crypto:
 *   - JWS compact, `ES256` only, 64-byte R‖S signatures, header exactly {alg, kid, typ};
 *   - JWE compact, `ECDH-ES+A256KW` + `A256GCM` only, a fresh ephemeral P-256 key per message,
 *     Concat KDF (RFC 7518 §4.6.2) over apu/apv, AES key wrap (RFC 3394), AAD = protected header.
 * Anything else is refused with a JoseError (see errors.ts). Header allowlists make `zip`, `jku`,
 * `jwk`, `x5u`, `x5c`, `crit` and `b64` (and any other unknown member) fail before any cryptography.
 */
import { createCipheriv, createDecipheriv, createECDH, createHash, randomBytes, sign, verify, type KeyObject } from "node:crypto";
import { b64urlDecode, b64urlEncode, decodeCanonical, decodeUtf8 } from "./b64url.ts";
import { JoseError } from "./errors.ts";
import { parseIJson } from "./ijson.ts";
import { assertP256, ecdhContextOf, ecPublicPoint, isRecord, rawPublicPoint, type EcPublicPoint } from "./jwk.ts";

export { b64urlDecode, b64urlEncode } from "./b64url.ts";
export { JOSE_ERROR_CODES, JoseError, type JoseErrorCode } from "./errors.ts";
export { parseIJson } from "./ijson.ts";
export {
  ALG_FOR_USE,
  exportPrivateJwk,
  generateKeyPairs,
  importPrivateJwk,
  importPublicJwk,
  jwkThumbprint,
  type EcPublicPoint,
  type KeyPair,
  type KeyUse,
  type PrivateJwk,
  type PublicJwk,
} from "./jwk.ts";

export const JWS_ALG = "ES256";
export const JWE_ALG = "ECDH-ES+A256KW";
export const JWE_ENC = "A256GCM";
/** PROTOCOL.md §3.2: a JWE over 20 MiB is refused before any cryptography. */
export const MAX_JWE_LENGTH = 20 * 1024 * 1024;
/** Named by PROTOCOL.md §0; the allowlists below refuse them (and every other unlisted member). */
export const FORBIDDEN_HEADERS = ["zip", "jku", "jwk", "x5u", "x5c", "crit", "b64"] as const;

const JWS_HEADER_MEMBERS = new Set(["alg", "kid", "typ"]);
const JWE_HEADER_MEMBERS = new Set(["alg", "enc", "kid", "epk", "cty", "apu", "apv"]);
const EPK_MEMBERS = new Set(["kty", "crv", "x", "y"]);

export type JwsHeader = { alg: typeof JWS_ALG; kid: string; typ: string };
export type JweHeader = {
  alg: typeof JWE_ALG;
  enc: typeof JWE_ENC;
  kid: string;
  epk: EcPublicPoint;
  cty?: string;
  apu: string;
  apv: string;
};

// ── typ ──────────────────────────────────────────────────────────────────────────────────

/** ASCII lower case, without an `application/` prefix (RFC 7515 §4.1.9). */
export function normalizeTyp(typ: string): string {
  const lower = typ.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
  return lower.startsWith("application/") ? lower.slice("application/".length) : lower;
}

/** True when the header's `typ` is `expected`, compared as PROTOCOL.md §0 says. */
export function typMatches(actual: unknown, expected: string): boolean {
  return typeof actual === "string" && normalizeTyp(actual) === normalizeTyp(expected);
}

// ── shared ───────────────────────────────────────────────────────────────────────────────

function b64urlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

/** Decodes a protected header: base64url → strict UTF-8 → I-JSON object → allowlist. */
function parseProtectedHeader(segment: string, allowed: ReadonlySet<string>): Record<string, unknown> {
  const header = parseIJson(decodeUtf8(b64urlDecode(segment)));
  if (!isRecord(header)) throw new JoseError("jose.malformed", "La cabecera protegida debe ser un objeto");
  for (const name of Object.keys(header)) {
    if (!allowed.has(name)) throw new JoseError("jose.header_not_allowed", "Cabecera no permitida");
  }
  return header;
}

// ── JWS ──────────────────────────────────────────────────────────────────────────────────

/** Compact JWS, protected header exactly `{ alg: "ES256", kid, typ }`. */
export function signJws(payload: object, opts: { privateKey: KeyObject; kid: string; typ: string }): string {
  if (!isRecord(payload)) throw new JoseError("jose.malformed", "La carga de un JWS debe ser un objeto");
  assertP256(opts.privateKey, "private");
  const input = `${b64urlJson({ alg: JWS_ALG, kid: opts.kid, typ: opts.typ })}.${b64urlJson(payload)}`;
  const signature = sign("sha256", Buffer.from(input, "latin1"), { key: opts.privateKey, dsaEncoding: "ieee-p1363" });
  return `${input}.${signature.toString("base64url")}`;
}

/**
 * Verifies a compact JWS: header allowlist, alg ES256, typ, key by kid (a P-256 public key),
 * a 64-byte R‖S signature; only then decodes the payload, which must be an I-JSON object.
 */
export function verifyJws(
  compact: string | Uint8Array,
  opts: { typ: string; resolveKey: (kid: string) => KeyObject | undefined; maxLength?: number },
): { header: JwsHeader; payload: Record<string, unknown> } {
  const text = typeof compact === "string" ? compact : decodeUtf8(compact);
  if (opts.maxLength !== undefined && text.length > opts.maxLength) throw new JoseError("jose.too_large", "JWS demasiado grande");
  const parts = text.split(".");
  if (parts.length !== 3) throw new JoseError("jose.malformed", "Un JWS compacto tiene tres partes");
  const [protectedHeader, payload, signature] = parts as [string, string, string];
  const header = parseProtectedHeader(protectedHeader, JWS_HEADER_MEMBERS);
  if (header.alg !== JWS_ALG) throw new JoseError("jose.alg_not_allowed", "Algoritmo de firma no permitido");
  if (!typMatches(header.typ, opts.typ)) throw new JoseError("jose.typ_mismatch", "typ no corresponde");
  if (typeof header.kid !== "string") throw new JoseError("jose.malformed", "Falta kid");
  const key = opts.resolveKey(header.kid);
  if (key === undefined) throw new JoseError("jose.kid_unknown", "kid desconocido");
  assertP256(key, "public");
  const payloadBytes = b64urlDecode(payload);
  const sig = decodeCanonical(signature);
  const input = Buffer.from(`${protectedHeader}.${payload}`, "latin1");
  if (sig?.length !== 64 || !verify("sha256", input, { key, dsaEncoding: "ieee-p1363" }, sig)) {
    throw new JoseError("jose.signature_invalid", "Firma inválida");
  }
  const claims = parseIJson(decodeUtf8(payloadBytes));
  if (!isRecord(claims)) throw new JoseError("jose.malformed", "La carga de un JWS debe ser un objeto");
  return { header: header as JwsHeader, payload: claims };
}

// ── JWE ──────────────────────────────────────────────────────────────────────────────────

const KW_IV = Buffer.from("A6A6A6A6A6A6A6A6", "hex");

function lengthPrefixed(bytes: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

const KDF_ROUND_1 = Buffer.from([0, 0, 0, 1]);
const KDF_ALGORITHM_ID = lengthPrefixed(Buffer.from(JWE_ALG, "ascii"));
const KDF_SUPP_PUB_INFO = Buffer.from([0, 0, 1, 0]); // keydatalen = 256 bits

/** Concat KDF (NIST SP 800-56A, RFC 7518 §4.6.2): one SHA-256 round gives the 256-bit KEK. */
function concatKdf(z: Buffer, apu: Uint8Array, apv: Uint8Array): Buffer {
  return createHash("sha256")
    .update(KDF_ROUND_1)
    .update(z)
    .update(KDF_ALGORITHM_ID)
    .update(lengthPrefixed(apu))
    .update(lengthPrefixed(apv))
    .update(KDF_SUPP_PUB_INFO)
    .digest();
}

/** The sender's ephemeral keys: used synchronously, one message at a time (see encryptJwe). */
const EPHEMERAL = createECDH("prime256v1");

/**
 * Compact JWE to `recipient` (its `enc` key), protected header
 * `{ alg: "ECDH-ES+A256KW", enc: "A256GCM", kid, epk, cty?, apu: b64url(apu), apv: b64url(apv) }`.
 */
export function encryptJwe(
  plaintext: Uint8Array | string,
  opts: { recipient: { kid: string; key: KeyObject }; apu: string; apv: string; cty?: string },
): string {
  assertP256(opts.recipient.key, "public");
  if (opts.apu === "" || opts.apv === "" || opts.apu === opts.apv) throw new JoseError("jose.malformed", "apu y apv: dos textos distintos");
  const apu = Buffer.from(opts.apu, "utf8");
  const apv = Buffer.from(opts.apv, "utf8");
  // A fresh ephemeral key per message (generateKeys replaces the context's key pair), on one bare
  // ECDH context: making a context costs as much as making a key. Never a KeyObject: see jwk.ts.
  const point = EPHEMERAL.generateKeys();
  const kek = concatKdf(EPHEMERAL.computeSecret(rawPublicPoint(opts.recipient.key)), apu, apv);
  const cek = randomBytes(32);
  const wrap = createCipheriv("id-aes256-wrap", kek, KW_IV);
  const encryptedKey = Buffer.concat([wrap.update(cek), wrap.final()]);
  const header: JweHeader = {
    alg: JWE_ALG,
    enc: JWE_ENC,
    kid: opts.recipient.kid,
    epk: { kty: "EC", crv: "P-256", x: b64urlEncode(point.subarray(1, 33)), y: b64urlEncode(point.subarray(33)) },
    ...(opts.cty === undefined ? {} : { cty: opts.cty }),
    apu: b64urlEncode(apu),
    apv: b64urlEncode(apv),
  };
  const protectedHeader = b64urlJson(header);
  const iv = randomBytes(12);
  const gcm = createCipheriv("aes-256-gcm", cek, iv, { authTagLength: 16 });
  gcm.setAAD(Buffer.from(protectedHeader, "latin1"));
  const data = typeof plaintext === "string" ? Buffer.from(plaintext, "utf8") : plaintext;
  const ciphertext = Buffer.concat([gcm.update(data), gcm.final()]);
  return [protectedHeader, b64urlEncode(encryptedKey), b64urlEncode(iv), b64urlEncode(ciphertext), b64urlEncode(gcm.getAuthTag())].join(".");
}

/** What PROTOCOL.md §3.3 step 1 needs, known before any cryptography. */
export type InspectedJwe = Readonly<{
  header: JweHeader;
  kid: string;
  /** apu and apv decoded (node ids). */
  apu: string;
  apv: string;
  cty: string | undefined;
}>;

type JweParts = { epk: Buffer; apu: Buffer; apv: Buffer; segments: readonly [string, string, string, string, string] };
/** Only what inspectJwe returned can be decrypted: the parts stay here, out of the caller's reach. */
const inspected = new WeakMap<InspectedJwe, JweParts>();

/** apu/apv: base64url of a non-empty UTF-8 text (a node id). */
function partyInfo(value: unknown): { bytes: Buffer; text: string } {
  if (typeof value !== "string" || value === "") throw new JoseError("jose.malformed", "Faltan apu/apv");
  const bytes = b64urlDecode(value);
  return { bytes, text: decodeUtf8(bytes) };
}

/**
 * Parses a compact JWE's protected header and runs the checks that need no key: size, header
 * allowlist, alg/enc, kid present, apu/apv decodable, `epk` an EC P-256 point on the curve.
 * The caller then checks `apv` and `kid` (PROTOCOL.md §3.3 step 1) and calls decryptJwe.
 */
export function inspectJwe(compact: string, opts: { maxLength?: number } = {}): InspectedJwe {
  if (typeof compact !== "string") throw new JoseError("jose.malformed", "Se esperaba un JWE compacto");
  if (compact.length > (opts.maxLength ?? MAX_JWE_LENGTH)) throw new JoseError("jose.too_large", "JWE demasiado grande");
  const segments = compact.split(".");
  if (segments.length !== 5) throw new JoseError("jose.malformed", "Un JWE compacto tiene cinco partes");
  const header = parseProtectedHeader(segments[0]!, JWE_HEADER_MEMBERS);
  if (header.alg !== JWE_ALG || header.enc !== JWE_ENC) throw new JoseError("jose.alg_not_allowed", "Algoritmo de cifrado no permitido");
  if (typeof header.kid !== "string" || header.kid === "") throw new JoseError("jose.malformed", "Falta kid");
  if (header.cty !== undefined && typeof header.cty !== "string") throw new JoseError("jose.malformed", "cty inválido");
  const apu = partyInfo(header.apu);
  const apv = partyInfo(header.apv);
  if (apu.text === apv.text) throw new JoseError("jose.malformed", "apu y apv deben ser distintos");
  const { epk } = header;
  if (!isRecord(epk) || !Object.keys(epk).every((m) => EPK_MEMBERS.has(m)) || epk.kty !== "EC" || epk.crv !== "P-256") {
    throw new JoseError("jose.epk_invalid", "epk debe ser una clave pública EC P-256");
  }
  const epkPoint = ecPublicPoint(epk.x, epk.y, "jose.epk_invalid");
  const result: InspectedJwe = Object.freeze({ header: header as JweHeader, kid: header.kid, apu: apu.text, apv: apv.text, cty: header.cty });
  inspected.set(result, { epk: epkPoint, apu: apu.bytes, apv: apv.bytes, segments: segments as unknown as JweParts["segments"] });
  return result;
}

/**
 * ECDH with the recipient's private `enc` key, unwrap, AES-256-GCM. Every failure is the same
 * `jose.decrypt_failed` (a failed unwrap continues with a random CEK, RFC 7516 §11.5).
 */
export function decryptJwe(jwe: InspectedJwe, privateKey: KeyObject): Uint8Array {
  const parts = inspected.get(jwe);
  if (!parts) throw new JoseError("jose.malformed", "Solo se descifra lo que devolvió inspectJwe");
  assertP256(privateKey, "private");
  const [protectedHeader, encryptedKey, iv, ciphertext, tag] = parts.segments;
  try {
    const kek = concatKdf(ecdhContextOf(privateKey).computeSecret(parts.epk), parts.apu, parts.apv);
    let cek: Buffer;
    try {
      const unwrap = createDecipheriv("id-aes256-wrap", kek, KW_IV);
      cek = Buffer.concat([unwrap.update(b64urlDecode(encryptedKey)), unwrap.final()]);
      if (cek.length !== 32) throw new Error("cek");
    } catch {
      cek = randomBytes(32);
    }
    const ivBytes = b64urlDecode(iv);
    const tagBytes = b64urlDecode(tag);
    if (ivBytes.length !== 12 || tagBytes.length !== 16) throw new Error("iv/tag");
    const gcm = createDecipheriv("aes-256-gcm", cek, ivBytes, { authTagLength: 16 });
    gcm.setAAD(Buffer.from(protectedHeader, "latin1"));
    gcm.setAuthTag(tagBytes);
    return Buffer.concat([gcm.update(b64urlDecode(ciphertext)), gcm.final()]);
  } catch {
    throw new JoseError("jose.decrypt_failed", "No se pudo descifrar");
  }
}

/** inspectJwe, then `apv` = expectedApv, then the key for `kid`, then decryptJwe. */
export function decryptJweCompact(
  compact: string,
  opts: { resolveKey: (kid: string) => KeyObject | undefined; expectedApv?: string; maxLength?: number },
): InspectedJwe & { plaintext: Uint8Array } {
  const jwe = inspectJwe(compact, { maxLength: opts.maxLength });
  if (opts.expectedApv !== undefined && jwe.apv !== opts.expectedApv) throw new JoseError("jose.apv_mismatch", "apv no es este nodo");
  const key = opts.resolveKey(jwe.kid);
  if (key === undefined) throw new JoseError("jose.kid_unknown", "kid desconocido");
  return { ...jwe, plaintext: decryptJwe(jwe, key) };
}
