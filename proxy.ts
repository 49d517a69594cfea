import { NextResponse, type NextRequest } from "next/server";
import { isAllowedOrigin } from "@/lib/api/origin";
import { pageCsp } from "@/lib/security/csp";

/**
 * Runs before every page and API route:
 *  - refuses state-changing requests from another origin (403 `forbidden_origin`);
 *  - gives each page a fresh CSP nonce (Next applies it to its own scripts).
 */
export function proxy(req: NextRequest) {
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
    return NextResponse.json(
      { error: { code: "forbidden_origin", message: "Solicitud rechazada: el origen no corresponde al portal." } },
      { status: 403, headers: { "Cache-Control": "no-store" } },
    );
  }
  if (req.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const issuer = process.env.CLAVEUNICA_ISSUER ? new URL(process.env.CLAVEUNICA_ISSUER).origin : "";
  const logout = process.env.CLAVEUNICA_LOGOUT_URL ? new URL(process.env.CLAVEUNICA_LOGOUT_URL).origin : "";
  const csp = pageCsp({
    nonce,
    dev: process.env.NODE_ENV === "development",
    https: allowedOrigin.startsWith("https://"),
    formTargets: [...new Set([issuer, logout].filter(Boolean))],
  });
  const headers = new Headers(req.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("Content-Security-Policy", csp);
  return res;
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|fonts/).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
