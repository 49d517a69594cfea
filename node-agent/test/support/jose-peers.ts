/**
 * The two reference JOSE libraries the suite is proven against (interop tests) and measured
 * against (bench/crypto.ts), reduced to the protocol's four operations with its exact headers.
 * Lives inside node-agent so that "jose" resolves to node-agent's own jose 6.
 */
import * as jose from "jose";
import { createRequire } from "node:module";
import type { PrivateJwk, PublicJwk } from "../../src/crypto/suite.ts";

export type JwsHeaderInput = { kid: string; typ: string };
export type JweHeaderInput = { kid: string; apu: string; apv: string; cty?: string };

export interface Peer<K> {
  name: string;
  /** A public JWK (verify, encrypt) or a private one (sign, decrypt). */
  importKey(jwk: PublicJwk | PrivateJwk): Promise<K>;
  sign(payload: Uint8Array, key: K, header: JwsHeaderInput): Promise<string>;
  verify(jws: string, key: K): Promise<{ header: Record<string, unknown>; payload: Uint8Array }>;
  encrypt(plaintext: Uint8Array, key: K, header: JweHeaderInput): Promise<string>;
  decrypt(jwe: string, key: K): Promise<{ header: Record<string, unknown>; plaintext: Uint8Array }>;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

export type JoseKey = Awaited<ReturnType<typeof jose.importJWK>>;

export const josePeer: Peer<JoseKey> = {
  name: "jose",
  importKey: (jwk) => jose.importJWK(jwk, jwk.alg),
  sign: (payload, key, { kid, typ }) => new jose.CompactSign(payload).setProtectedHeader({ alg: "ES256", kid, typ }).sign(key),
  async verify(jws, key) {
    const { protectedHeader, payload } = await jose.compactVerify(jws, key, { algorithms: ["ES256"] });
    return { header: { ...protectedHeader }, payload };
  },
  encrypt: (plaintext, key, { kid, apu, apv, cty }) =>
    new jose.CompactEncrypt(plaintext)
      .setProtectedHeader({ alg: "ECDH-ES+A256KW", enc: "A256GCM", kid, ...(cty === undefined ? {} : { cty }) })
      .setKeyManagementParameters({ apu: utf8(apu), apv: utf8(apv) })
      .encrypt(key),
  async decrypt(jwe, key) {
    const { protectedHeader, plaintext } = await jose.compactDecrypt(jwe, key, {
      keyManagementAlgorithms: ["ECDH-ES+A256KW"],
      contentEncryptionAlgorithms: ["A256GCM"],
    });
    return { header: { ...protectedHeader }, plaintext };
  },
};

/** The part of node-jose 2 used here (it ships no types). */
export interface NodeJoseKey {
  readonly kid: string;
}
interface NodeJoseBuilder {
  update(data: Buffer): NodeJoseBuilder;
  final(): Promise<string>;
}
interface NodeJose {
  JWK: { asKey(jwk: object): Promise<NodeJoseKey> };
  JWS: {
    createSign(opts: { format: "compact"; fields: Record<string, unknown> }, key: NodeJoseKey): NodeJoseBuilder;
    createVerify(key: NodeJoseKey): { verify(input: string): Promise<{ header: Record<string, unknown>; payload: Buffer }> };
  };
  JWE: {
    createEncrypt(opts: { format: "compact"; contentAlg: string; fields: Record<string, unknown> }, key: NodeJoseKey): NodeJoseBuilder;
    createDecrypt(key: NodeJoseKey): { decrypt(input: string): Promise<{ header: Record<string, unknown>; payload: Buffer }> };
  };
}

export const nodeJose = createRequire(import.meta.url)("node-jose") as NodeJose;

const b64url = (s: string) => Buffer.from(s, "utf8").toString("base64url");

export const nodeJosePeer: Peer<NodeJoseKey> = {
  name: "node-jose",
  importKey: (jwk) => nodeJose.JWK.asKey(jwk),
  sign: (payload, key, { kid, typ }) =>
    nodeJose.JWS.createSign({ format: "compact", fields: { alg: "ES256", kid, typ } }, key).update(Buffer.from(payload)).final(),
  async verify(jws, key) {
    const { header, payload } = await nodeJose.JWS.createVerify(key).verify(jws);
    return { header, payload };
  },
  encrypt: (plaintext, key, { kid, apu, apv, cty }) =>
    nodeJose.JWE.createEncrypt(
      {
        format: "compact",
        contentAlg: "A256GCM",
        fields: { alg: "ECDH-ES+A256KW", kid, ...(cty === undefined ? {} : { cty }), apu: b64url(apu), apv: b64url(apv) },
      },
      key,
    )
      .update(Buffer.from(plaintext))
      .final(),
  async decrypt(jwe, key) {
    const { header, payload } = await nodeJose.JWE.createDecrypt(key).decrypt(jwe);
    return { header, plaintext: payload };
  },
};

export const PEERS = [josePeer, nodeJosePeer] as const;
