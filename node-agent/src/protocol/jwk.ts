/**
 * Private key material in JWKs, defined once for the node and the portal. PROTOCOL.md §2: a node
 * refuses any JWK in the configuration or its trust anchor that carries private members; the
 * portal refuses them in the keys a node registers. Only public keys cross the network.
 */

/**
 * Every member RFC 7518 defines for private or secret key material: `d` (EC §6.2.2, RSA
 * §6.3.2.1), `p`, `q`, `dp`, `dq`, `qi`, `oth` (RSA §6.3.2) and `k` (symmetric, §6.4.1).
 */
export const PRIVATE_JWK_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"] as const;

export type PrivateJwkMember = (typeof PRIVATE_JWK_MEMBERS)[number];

/**
 * Whether one JWK has a private member of its own, whatever its value (even empty or null) and
 * whatever its `kty`. Anything but a plain object is not a JWK: false.
 */
export function isPrivateJwk(jwk: unknown): boolean {
  if (typeof jwk !== "object" || jwk === null || Array.isArray(jwk)) return false;
  return PRIVATE_JWK_MEMBERS.some((member) => Object.hasOwn(jwk, member));
}

/**
 * Whether any object anywhere inside `value` (a JWKS, a configuration document, a whole
 * request body) has a private member, at any depth. Iterative, so a deeply nested value cannot
 * exhaust the stack; each object is looked at once.
 */
export function hasPrivateJwkMembers(value: unknown): boolean {
  const pending: unknown[] = [value];
  const seen = new Set<object>();
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next !== "object" || next === null || seen.has(next)) continue;
    seen.add(next);
    if (isPrivateJwk(next)) return true;
    for (const child of Object.values(next)) pending.push(child);
  }
  return false;
}
