import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { isSessionRevoked } from "@/lib/auth/revocation";
import { sessionCookieName, sessionFromCookies } from "@/lib/auth/session";

type Ctx = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's own endpoints. `GET /api/auth/session` would decode any unexpired cookie and
 * re-issue it: a session that was signed out (or is past its 8 h from sign-in) answers as no
 * session instead, and its cookie is cleared.
 */
async function handler(req: NextRequest, ctx: Ctx) {
  const params = await ctx.params;
  if (req.method === "GET" && params.nextauth.join("/") === "session" && req.cookies.getAll().some((c) => c.name.startsWith(sessionCookieName()))) {
    const session = await sessionFromCookies(req.cookies);
    if (!session || (await isSessionRevoked(session.sid))) {
      const headers = new Headers({ "Cache-Control": "no-store", "Content-Type": "application/json" });
      const secure = sessionCookieName().startsWith("__Secure-") ? "; Secure" : "";
      for (const c of req.cookies.getAll()) {
        if (c.name.startsWith(sessionCookieName())) headers.append("Set-Cookie", `${c.name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}`);
      }
      return new Response("{}", { status: 200, headers });
    }
  }
  return NextAuth(req, { params }, authOptions());
}

export { handler as GET, handler as POST };
