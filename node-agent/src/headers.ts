/**
 * Headers a node never forwards, either direction (PROTOCOL.md §3.6): hop-by-hop headers, Host,
 * credentials and cookies, proxy and redirection headers, and any Pisee-* that comes from an app
 * or a backend (a node sets Pisee-* only from verified claims).
 */
const NEVER = new Set([
  "connection",
  "keep-alive",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "host",
  "authorization",
  "cookie",
  "set-cookie",
  "forwarded",
  "location",
  "content-length",
]);

export function isForwardable(name: string): boolean {
  const n = name.toLowerCase();
  return !(NEVER.has(n) || n.startsWith("proxy-") || n.startsWith("x-forwarded-") || n.startsWith("pisee-"));
}

/** The request headers that travel inside the signed request (`req.headers`). */
export const REQUEST_HEADERS = ["content-type", "accept"] as const;

/** The response headers that travel inside the signed response (`res.headers`, §3.4). */
export const RESPONSE_HEADERS = ["content-type", "content-language", "content-disposition", "etag", "last-modified"] as const;

export function pick(headers: Record<string, string | string[] | undefined>, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const v = headers[name];
    const value = Array.isArray(v) ? v.join(", ") : v;
    if (value !== undefined && isForwardable(name)) out[name] = value;
  }
  return out;
}
