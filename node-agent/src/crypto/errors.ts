/**
 * Every failure of the JOSE suite is a `JoseError` with a stable `code`. Messages are fixed
 * texts: they never echo the token, a key or a header value, so they are safe to log.
 */
export const JOSE_ERROR_CODES = [
  "jose.malformed", // not base64url / not UTF-8 / not I-JSON / wrong shape or missing member
  "jose.duplicate_member", // an object with the same member twice (I-JSON, RFC 7493)
  "jose.too_large", // longer than the caller's limit, refused before parsing
  "jose.header_not_allowed", // a header outside the allowlist (zip, jku, jwk, x5u, x5c, crit, b64, …)
  "jose.alg_not_allowed", // alg other than ES256 / ECDH-ES+A256KW, enc other than A256GCM
  "jose.typ_mismatch", // typ missing or not the one this validator accepts
  "jose.kid_unknown", // no key for the kid
  "jose.kid_mismatch", // a JWK whose kid is not its RFC 7638 thumbprint
  "jose.epk_invalid", // JWE epk missing, not EC P-256, or not a point on the curve
  "jose.apv_mismatch", // JWE apv is not the expected recipient
  "jose.decrypt_failed", // any failure of key agreement, unwrap or GCM: one answer, no oracle
  "jose.signature_invalid", // not a 64-byte R‖S signature by the key
  "jose.key_invalid", // not an EC P-256 key (or not the expected public/private KeyObject)
  "jose.key_use_mismatch", // a JWK whose use (or alg) is not the expected one
  "jose.private_key_material", // a public JWK carrying d (or other private members)
] as const;

export type JoseErrorCode = (typeof JOSE_ERROR_CODES)[number];

export class JoseError extends Error {
  override readonly name = "JoseError";
  readonly code: JoseErrorCode;

  constructor(code: JoseErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
