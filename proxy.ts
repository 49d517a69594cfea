import { NextResponse, type NextRequest } from "next/server";
import { isAllowedOrigin } from "@/lib/api/origin";
import { hasMalformedPercentEncoding } from "@/lib/api/path";
import { ERROR_CODES } from "@/lib/errors";
import { pageCsp } from "@/lib/security/csp";
import { invalidAddressPage } from "@/lib/security/invalid-address-page";

const errorJson = (code: "bad_request" | "forbidden_origin") =>
  NextResponse.json({ error: { code, message: ERROR_CODES[code].message } }, { status: ERROR_CODES[code].status, headers: { "Cache-Control": "no-store" } });

/**
 * Runs before every page and API route, prefetches included:
 *  - a path with a malformed percent-encoding (`%ff`, `%E0%A4%A`) gets 400: the API's error shape
 *    for /api, a small Spanish "dirección no válida" page for everything else (Next would
 *    answer a plain-text 500);
 *  - refuses state-changing requests from another origin (403 `forbidden_origin`), whatever
 *    headers they carry;
 *  - gives every page a fresh CSP nonce (Next applies it to its own scripts).
 */
export function proxy(req: NextRequest) {
  // /api/docs is a page of the portal (the API reference), the rest of /api/ is the API.
  const isApi = req.nextUrl.pathname.startsWith("/api/") && req.nextUrl.pathname !== "/api/docs";
  if (hasMalformedPercentEncoding(req.nextUrl.pathname)) {
    if (isApi) return errorJson("bad_request");
    return withCsp(req, () => new NextResponse(invalidAddressPage(), { status: 400, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } }));
  }

  const portal = process.env.NEXTAUTH_URL ?? req.nextUrl.origin;
  const allowedOrigin = new URL(portal).origin;
  const hasSessionCookie = req.cookies.getAll().some((c) => c.name.includes("next-auth.session-token"));
  if (
    !isAllowedOrigin({
      method: req.method,
      origin: req.headers.get("origin"),
      secFetchSite: req.headers.get("sec-fetch-site"),
      hasSessionCookie,
      allowedOrigin,
    })
  ) {
    return errorJson("forbidden_origin");
  }
  if (isApi) return NextResponse.next();
  return withCsp(req, (headers) => NextResponse.next({ request: { headers } }));
}

/** A page response with this request's CSP: the nonce reaches the page through `x-nonce`. */
function withCsp(req: NextRequest, respond: (headers: Headers) => NextResponse): NextResponse {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const issuer = process.env.CLAVEUNICA_ISSUER ? new URL(process.env.CLAVEUNICA_ISSUER).origin : "";
  const logout = process.env.CLAVEUNICA_LOGOUT_URL ? new URL(process.env.CLAVEUNICA_LOGOUT_URL).origin : "";
  const portal = new URL(process.env.NEXTAUTH_URL ?? req.nextUrl.origin);
  const csp = pageCsp({
    nonce,
    dev: process.env.NODE_ENV === "development",
    https: portal.protocol === "https:",
    formTargets: [...new Set([issuer, logout].filter(Boolean))],
  });
  const headers = new Headers(req.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const res = respond(headers);
  res.headers.set("Content-Security-Policy", csp);
  return res;
}

export const config = {
  // Everything but Next's static assets and the fonts: prefetches too (they once skipped the
  // Origin check and the CSP).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|fonts/).*)"],
};
