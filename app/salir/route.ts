import type { NextRequest } from "next/server";
import { AFTER_LOGOUT, claveUnicaLogoutUrl } from "@/lib/auth/claveunica";
import { revokeSession } from "@/lib/auth/revocation";
import { sessionCookieName, sessionFromCookies } from "@/lib/auth/session";
import { serverEnv } from "@/lib/env";

/**
 * Sign-out (POST only; the proxy has already checked the Origin): ends the portal session on the
 * server (its id is revoked, so a copy of the cookie stops working too), clears the cookie, and
 * sends the browser to ClaveÚnica's logout so that session ends too, then back to the home page.
 */
export async function POST(req: NextRequest) {
  const env = serverEnv();
  const session = await sessionFromCookies(req.cookies);
  if (session) await revokeSession(session);
  const headers = new Headers({ Location: claveUnicaLogoutUrl(env, AFTER_LOGOUT.signedOut), "Cache-Control": "no-store" });
  const name = sessionCookieName();
  const secure = env.NEXTAUTH_URL.startsWith("https://") ? "; Secure" : "";
  for (const c of req.cookies.getAll()) {
    if (c.name === name || c.name.startsWith(`${name}.`)) {
      headers.append("Set-Cookie", `${c.name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}`);
    }
  }
  return new Response(null, { status: 303, headers });
}
