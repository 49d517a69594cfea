import crypto from "node:crypto";
import canonicalize from "canonicalize";
import type { Environment } from "../shared/identifiers.ts";

/** A public key as published in the network configuration (PROTOCOL.md §2). */
export type PublicJwk = { kty: "EC"; crv: "P-256"; x: string; y: string; kid: string; use: "sig" | "enc"; alg?: string; purpose?: "config" | "consent" };

/** The payload of the signed network configuration (`typ: pisee-config+jwt`). */
export type NetworkConfigPayload = {
  env: Environment;
  version: number;
  issuedAt: string;
  expiresAt: string;
  portal: { tracesUrl: string; jwks: { keys: PublicJwk[] } };
  institutions: { code: string; name: string }[];
  nodes: { id: string; institution: string; url: string; jwks: { keys: PublicJwk[] } }[];
  services: { id: string; provider: string; nodes: string[]; sensitive: boolean; requestSchema: string | null; responseSchema: string | null }[];
  agreements: { id: string; consumer: string; service: string; tps: number; validUntil: string | null }[];
  revokedConsents: { id: string; exp: number }[];
};

/** Longest validity of a configuration document (PROTOCOL.md §2: expiresAt ≤ issuedAt + 15 min). */
export const CONFIG_MAX_VALIDITY_MS = 15 * 60 * 1000;

/**
 * After a node rotates its keys, the previous ones stay valid this long (PROTOCOL.md §3.3 step 1,
 * "current or overlapping"): the portal keeps listing them, the node keeps decrypting with them.
 */
export const KEY_OVERLAP_MS = 60 * 60 * 1000;

/**
 * The hash nodes compare between documents of the same version: SHA-256 (base64url) of the RFC
 * 8785 canonical JSON of the payload without `issuedAt` and `expiresAt`.
 */
export function configHash(payload: Omit<NetworkConfigPayload, "issuedAt" | "expiresAt"> & Partial<Pick<NetworkConfigPayload, "issuedAt" | "expiresAt">>): string {
  const { issuedAt, expiresAt, ...rest } = payload;
  return crypto.createHash("sha256").update(canonicalize(rest) ?? "", "utf8").digest("base64url");
}
