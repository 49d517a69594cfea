import "server-only";
import type { NextAuthOptions } from "next-auth";
import { claveUnicaProvider, type ClaveUnicaIdentity } from "@/lib/auth/claveunica";
import { recordSignIn } from "@/lib/auth/persons";
import { serverEnv } from "@/lib/env";
import { log } from "@/lib/log";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

let cached: NextAuthOptions | undefined;

/** next-auth (v4) with JWT sessions: the token carries only the RUN and the name. */
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
          // Refused before anything is stored: the person never enters the database.
          log.warn({ reason: identity.reason }, "sign-in refused: invalid RUN from the identity provider");
          return "/ingresar/error?error=RunInvalido";
        }
        await recordSignIn(identity);
        return true;
      },
      async jwt({ token, user }) {
        if (user) {
          const identity = user as unknown as ClaveUnicaIdentity;
          if (identity.valid) {
            token.sub = identity.run;
            token.name = identity.name;
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
