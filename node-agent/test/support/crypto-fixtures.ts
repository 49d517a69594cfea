/** Keys, hand-made tokens and assertions shared by the crypto tests. */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { expect } from "vitest";
import { exportPrivateJwk, generateKeyPairs, importPublicJwk, JoseError, type JoseErrorCode } from "../../src/crypto/suite.ts";

export const CONSUMER_ID = "MUN-SANTIAGO/nodo-1";
export const PROVIDER_ID = "SRCEI/nodo-1";

/** A node's keys in every form the tests need. */
export function makeNode() {
  const pairs = generateKeyPairs();
  return {
    ...pairs,
    sigPublic: importPublicJwk(pairs.sig.publicJwk, "sig"),
    encPublic: importPublicJwk(pairs.enc.publicJwk, "enc"),
    sigPrivateJwk: exportPrivateJwk(pairs.sig.privateKey, "sig"),
    encPrivateJwk: exportPrivateJwk(pairs.enc.privateKey, "enc"),
  };
}
export type TestNode = ReturnType<typeof makeNode>;

/** A resolver that knows exactly one kid. */
export function only(kid: string, key: KeyObject): (k: string) => KeyObject | undefined {
  return (k) => (k === kid ? key : undefined);
}

/** Runs `fn` and asserts it throws a JoseError with `code`. */
export function expectJoseError(fn: () => unknown, code: JoseErrorCode): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `expected ${code}`).toBeInstanceOf(JoseError);
  expect((thrown as JoseError).code).toBe(code);
}

export const b64 = (text: string | Uint8Array) => Buffer.from(text).toString("base64url");
export const unb64 = (text: string) => Buffer.from(text, "base64url");

/** The protected header of a compact JWS or JWE, as JSON. */
export function headerOf(compact: string): Record<string, unknown> {
  return JSON.parse(unb64(compact.split(".")[0]!).toString("utf8")) as Record<string, unknown>;
}

/** Re-encodes the protected header after `mutate` (other segments untouched). */
export function reheader(compact: string, mutate: (header: Record<string, unknown>) => void): string {
  const header = headerOf(compact);
  mutate(header);
  return withSegment(compact, 0, b64(JSON.stringify(header)));
}

export function withSegment(compact: string, index: number, value: string): string {
  const parts = compact.split(".");
  parts[index] = value;
  return parts.join(".");
}

/** Flips one bit in the middle of a segment's bytes. */
export function flipBit(compact: string, index: number): string {
  const bytes = unb64(compact.split(".")[index]!);
  bytes[bytes.length >> 1]! ^= 0x01;
  return withSegment(compact, index, b64(bytes));
}

/** A JWS made by hand from exact header and payload texts (duplicates, odd headers), ES256 or DER. */
export function handSignedJws(headerText: string, payloadText: string, privateKey: KeyObject, der = false): string {
  const input = `${b64(headerText)}.${b64(payloadText)}`;
  const signature = sign("sha256", Buffer.from(input), { key: privateKey, dsaEncoding: der ? "der" : "ieee-p1363" });
  return `${input}.${b64(signature)}`;
}

/** The six `typ` values of PROTOCOL.md §0. */
export const PROTOCOL_TYPS = ["pisee-req+jwt", "pisee-res+jwt", "pisee-config+jwt", "pisee-consent+jwt", "pisee-traces+jwt", "pisee-ack+jwt"];

/**
 * A key pair of any type, generated as DER and re-imported: exporting a KeyObject that came
 * straight from generateKeyPairSync as JWK can deadlock Node 20 (see src/crypto/jwk.ts).
 */
export function foreignKeyPair(kind: "P-256" | "P-384" | "rsa" | "ed25519" | "x25519"): { publicKey: KeyObject; privateKey: KeyObject } {
  const publicKeyEncoding = { type: "spki", format: "der" } as const;
  const privateKeyEncoding = { type: "pkcs8", format: "der" } as const;
  const pair =
    kind === "rsa"
      ? generateKeyPairSync("rsa", { modulusLength: 2048, publicKeyEncoding, privateKeyEncoding })
      : kind === "ed25519"
        ? generateKeyPairSync("ed25519", { publicKeyEncoding, privateKeyEncoding })
        : kind === "x25519"
          ? generateKeyPairSync("x25519", { publicKeyEncoding, privateKeyEncoding })
          : generateKeyPairSync("ec", { namedCurve: kind, publicKeyEncoding, privateKeyEncoding });
  return {
    publicKey: createPublicKey({ key: pair.publicKey, format: "der", type: "spki" }),
    privateKey: createPrivateKey({ key: pair.privateKey, format: "der", type: "pkcs8" }),
  };
}
