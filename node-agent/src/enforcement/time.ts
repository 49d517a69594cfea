import { ProtocolError } from "../errors.ts";

/** Allowed clock skew between nodes, seconds (PROTOCOL.md §3.3 step 3). */
export const SKEW_SECONDS = 30;
/** A message lives at most this long, seconds. */
export const MAX_LIFETIME_SECONDS = 60;

/** Accept iff iat ≤ now+30, exp > now−30 and 0 < exp−iat ≤ 60 (`provider.expired` otherwise). */
export function checkMessageTimes(iat: unknown, exp: unknown, nowSeconds: number, code: "provider.expired" | "consumer.response_invalid" = "provider.expired"): void {
  if (!Number.isInteger(iat) || !Number.isInteger(exp)) throw new ProtocolError(code);
  const i = iat as number;
  const e = exp as number;
  if (i > nowSeconds + SKEW_SECONDS || e <= nowSeconds - SKEW_SECONDS || e - i <= 0 || e - i > MAX_LIFETIME_SECONDS) throw new ProtocolError(code);
}
