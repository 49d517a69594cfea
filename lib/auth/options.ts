import "server-only";
import type { NextAuthOptions } from "next-auth";
import { AFTER_LOGOUT, claveUnicaLogoutUrl, claveUnicaProvider, type ClaveUnicaIdentity } from "@/lib/auth/claveunica";
import { recordSignIn } from "@/lib/auth/persons";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session";
import { clock } from "@/lib/clock";
import { serverEnv } from "@/lib/env";
import { log } from "@/lib/log";

let cached: NextAuthOptions | undefined;

/**
 * next-auth (v4) with JWT sessions: the token carries only the RUN, the name, the session's id
 * (`sid`, revoked at sign-out) and the sign-in time (the session ends 8 h after it).
 */
export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const env = serverEnv();
  cached = {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    providers: [claveUnicaProvider(env)],
    pages: { signIn: "/ingresar", error: "/ingresar/error" },
    callbacks: {
      async signIn({ user }) {
        const identity = user as unknown as ClaveUnicaIdentity;
        if (!identity.valid) {
          // Refused before anything is stored: the person never enters the database. The
          // ClaveÚnica session ends too (its logout brings the browser back to the error page):
          // otherwise "Volver a intentar" signs the same refused person in again without asking.
          log.warn({ reason: identity.reason }, "sign-in refused: invalid RUN from the identity provider");
          return claveUnicaLogoutUrl(env, AFTER_LOGOUT.refused);
        }
        await recordSignIn(identity);
        return true;
      },
      async jwt({ token, user }) {
        if (user) {
          const identity = user as unknown as ClaveUnicaIdentity;
          if (identity.valid) {
            // next-auth seeds the token with the user's email (and picture): the address stays in
            // the database, never in the cookie.
            delete token.email;
            delete token.picture;
            token.sub = identity.run;
            token.name = identity.name;
            // Set once at sign-in; next-auth's later re-encodes keep every claim.
            token.sid = crypto.randomUUID();
            token.signedInAt = Math.floor(clock.now().getTime() / 1000);
          }
        }
        return token;
      },
      async session({ session, token }) {
        session.user = { name: token.name ?? null, run: token.sub ?? "" };
        return session;
      },
      async redirect({ url, baseUrl }) {
        // Only same-origin destinations, never an open redirect.
        if (url.startsWith("/") && !url.startsWith("//")) return `${baseUrl}${url}`;
        try {
          if (new URL(url).origin === baseUrl) return url;
        } catch {
          /* fall through */
        }
        return baseUrl;
      },
    },
    logger: {
      error: (code, metadata) => log.error({ code, err: metadata instanceof Error ? metadata.message : undefined }, "next-auth error"),
      warn: (code) => log.warn({ code }, "next-auth warning"),
      debug: () => {},
    },
  };
  return cached;
}
