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
  req: { method: string; path: string; query: string; headers: Record<string, string>; body: string };
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
export function checkRequestShape(c: Record<string, unknown>): RequestClaims {
  for (const name of ["jti", "rid"] as const) if (typeof c[name] !== "string" || !UUID_CANONICAL.test(c[name])) throw problem(name);
  for (const name of ["iss", "aud"] as const) if (typeof c[name] !== "string" || !NODE_ID_PATTERN.test(c[name])) throw problem(name);
  if (typeof c.svc !== "string" || !SERVICE_ID_PATTERN.test(c.svc)) throw problem("svc");
  if (typeof c.agr !== "string" || !AGREEMENT_ID.test(c.agr)) throw problem("agr");
  for (const name of ["proc", "case"] as const) if (c[name] !== undefined && !isPrintableText(c[name])) throw problem(name);
  for (const name of ["off", "sub"] as const) if (c[name] !== undefined && (typeof c[name] !== "string" || !isCanonicalRun(c[name]))) throw problem(name);
  const req = c.req;
  if (!req || typeof req !== "object" || Array.isArray(req)) throw problem("req");
  const r = req as Record<string, unknown>;
  if (typeof r.method !== "string" || !METHODS.has(r.method)) throw problem("req.method");
  for (const name of ["path", "query"] as const) {
    if (typeof r[name] !== "string" || r[name].length > MAX_PATH_OR_QUERY) throw problem(`req.${name}`);
  }
  if (pathProblem(r.path as string)) throw problem("req.path");
  if (queryProblem(r.query as string)) throw problem("req.query");
  const headers = r.headers ?? {};
  if (typeof headers !== "object" || Array.isArray(headers) || Object.values(headers as object).some((v) => typeof v !== "string")) throw problem("req.headers");
  if (typeof r.body !== "string") throw problem("req.body");
  const size = base64urlDecodedSize(r.body);
  if (size < 0 || size > MAX_BODY_BYTES) throw problem("req.body");
  return c as RequestClaims;
}
