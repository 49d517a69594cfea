import { ProtocolError } from "../errors.ts";
import { NODE_ID_PATTERN, SERVICE_ID_PATTERN } from "../shared/identifiers.ts";
import { isCanonicalRun } from "../shared/run.ts";
import { MAX_PATH_OR_QUERY, METHODS, pathProblem, queryProblem } from "./paths.ts";

/**
 * The forms of a request's claims (PROTOCOL.md §3.3 step 2a, §1, §3.1, §3.2). The provider node
 * checks them once the sender is authenticated and before anything else reads them; the consumer
 * node builds only claims of these forms.
 */

/** A UUID in canonical lower-case form (`jti`, `rid`). */
export const UUID_CANONICAL = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Agreement ids (`agr`): at most 64 visible ASCII characters (the portal's are UUIDs). */
export const AGREEMENT_ID = /^[\x21-\x7e]{1,64}$/;
/** `proc` and `case`: at most this many characters. */
export const MAX_TEXT_CLAIM = 128;
/** `req.body`: at most 8 MiB decoded (§3.2). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** Printable text: at least one character, at most `max`, and no control characters or line separators. */
export function isPrintableText(value: unknown, max = MAX_TEXT_CLAIM): value is string {
  if (typeof value !== "string" || value.length === 0) return false;
  if (/[\p{Cc}\p{Cs}\u2028\u2029]/u.test(value)) return false;
  return [...value].length <= max;
}

/** The decoded size of a base64url text (unpadded, §0), or -1 when it is not base64url. */
export function base64urlDecodedSize(value: string): number {
  if (!/^[A-Za-z0-9_-]*$/.test(value) || value.length % 4 === 1) return -1;
  return Math.floor((value.length * 3) / 4);
}

export type RequestClaims = {
  iss: string;
  aud: string;
  jti: string;
  rid: string;
  svc: string;
  agr: string;
  proc?: string;
  case?: string;
  off?: string;
  sub?: string;
  /** `headers` may be absent or null (no headers). */
  req: { method: string; path: string; query: string; headers?: Record<string, string> | null; body: string };
};

function problem(detail: string): ProtocolError {
  return new ProtocolError("provider.malformed", detail);
}

/**
 * §3.3 step 2a: `jti`, `rid` canonical UUIDs; `iss`, `aud` node ids; `svc` a service id; `agr` an
 * agreement id; `proc`, `case` printable text up to 128 characters; `off`, `sub` RUNs; `req.method`
 * one of §3.1's; `req.path`, `req.query` strings up to 4,096 characters in the form of §3.2; `req.headers`
 * strings; `req.body` base64url of at most 8 MiB. Throws `provider.malformed` naming the claim (never its value).
 */
export function checkRequestShape(claims: Record<string, unknown>): RequestClaims {
  for (const name of ["jti", "rid"] as const) if (typeof claims[name] !== "string" || !UUID_CANONICAL.test(claims[name])) throw problem(name);
  for (const name of ["iss", "aud"] as const) if (typeof claims[name] !== "string" || !NODE_ID_PATTERN.test(claims[name])) throw problem(name);
  if (typeof claims.svc !== "string" || !SERVICE_ID_PATTERN.test(claims.svc)) throw problem("svc");
  if (typeof claims.agr !== "string" || !AGREEMENT_ID.test(claims.agr)) throw problem("agr");
  for (const name of ["proc", "case"] as const) if (claims[name] !== undefined && !isPrintableText(claims[name])) throw problem(name);
  for (const name of ["off", "sub"] as const) if (claims[name] !== undefined && (typeof claims[name] !== "string" || !isCanonicalRun(claims[name]))) throw problem(name);
  if (!claims.req || typeof claims.req !== "object" || Array.isArray(claims.req)) throw problem("req");
  const req = claims.req as Record<string, unknown>;
  if (typeof req.method !== "string" || !METHODS.has(req.method)) throw problem("req.method");
  for (const name of ["path", "query"] as const) {
    if (typeof req[name] !== "string" || req[name].length > MAX_PATH_OR_QUERY) throw problem(`req.${name}`);
  }
  if (pathProblem(req.path as string)) throw problem("req.path");
  if (queryProblem(req.query as string)) throw problem("req.query");
  const headers = req.headers ?? {};
  if (typeof headers !== "object" || Array.isArray(headers) || Object.values(headers as object).some((value) => typeof value !== "string")) throw problem("req.headers");
  if (typeof req.body !== "string") throw problem("req.body");
  const size = base64urlDecodedSize(req.body);
  if (size < 0 || size > MAX_BODY_BYTES) throw problem("req.body");
  return claims as RequestClaims;
}
