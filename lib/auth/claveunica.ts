import { runFromParts } from "@pisee/node-agent/shared";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { ServerEnv } from "@/lib/env";
import { isEmailAddress } from "@/lib/mail/address";

/** The scopes the portal asks ClaveÚnica for: the RUN, the name and the e-mail address. */
export const CLAVEUNICA_SCOPE = "openid run name email";

/**
 * What ClaveÚnica's userinfo answers for scope `openid run name email`. `email` (a plain string
 * at the top level, as in OpenID Connect's standard claims) is absent when the person has not
 * registered one with ClaveÚnica.
 */
export type ClaveUnicaUserinfo = {
  sub: string;
  RolUnico?: { numero?: number | string; DV?: string; tipo?: string };
  name?: { nombres?: string[]; apellidos?: string[] };
  email?: string;
};

/** The person as the portal keys them: by RUN, never by the provider's `sub`. */
export type ClaveUnicaIdentity =
  | { id: string; valid: true; run: string; givenNames: string; familyNames: string; name: string; email: string | null }
  | { id: string; valid: false; reason: "missing_run" | "invalid_run" | "not_a_run"; name: string };

/** The address ClaveÚnica gave, trimmed, when it is one; a malformed one is ignored (the person can type theirs on /cuenta). */
function emailOf(info: ClaveUnicaUserinfo): string | null {
  const email = typeof info.email === "string" ? info.email.trim() : "";
  return email && isEmailAddress(email) ? email : null;
}

export function identityFromUserinfo(info: ClaveUnicaUserinfo): ClaveUnicaIdentity {
  const rol = info.RolUnico;
  const givenNames = (info.name?.nombres ?? []).join(" ").trim();
  const familyNames = (info.name?.apellidos ?? []).join(" ").trim();
  const name = `${givenNames} ${familyNames}`.trim();
  if (!rol || rol.numero === undefined || rol.DV === undefined) return { id: `invalid:${info.sub}`, valid: false, reason: "missing_run", name };
  if (rol.tipo !== undefined && rol.tipo !== "RUN") return { id: `invalid:${info.sub}`, valid: false, reason: "not_a_run", name };
  const run = runFromParts(rol.numero, rol.DV);
  if (!run.ok) return { id: `invalid:${info.sub}`, valid: false, reason: "invalid_run", name };
  return { id: run.run, valid: true, run: run.run, givenNames, familyNames, name, email: emailOf(info) };
}

/** Where the portal sends the browser after ClaveÚnica's logout: each must be registered with ClaveÚnica. */
export const AFTER_LOGOUT = {
  /** Sign-out (`POST /salir`): the home page says the session ended. */
  signedOut: "/?sesion=cerrada",
  /** A refused sign-in (invalid RUN): the error page, with a ClaveÚnica session that ended too. */
  refused: "/ingresar/error?error=RunInvalido",
} as const;

/**
 * ClaveÚnica's logout URL (`GET …/logout?redirect=URL`): it ends the browser's ClaveÚnica
 * session and sends it back to the portal's `back` path. Without it, a ClaveÚnica session that
 * is still alive signs the same person in again without asking.
 */
export function claveUnicaLogoutUrl(env: Pick<ServerEnv, "CLAVEUNICA_LOGOUT_URL" | "NEXTAUTH_URL">, back: string): string {
  const target = new URL(env.CLAVEUNICA_LOGOUT_URL);
  target.searchParams.set("redirect", `${env.NEXTAUTH_URL}${back}`);
  return target.toString();
}

export type LoginCheck = "pkce" | "state" | "nonce";

/**
 * The login's protections (RFC 9700 §2.1): PKCE with S256 binds the authorization code to this
 * browser's login, `state` binds the callback to it, and `nonce` binds the ID token to it.
 * `state` is always on; PKCE and nonce can be turned off only for an identity provider that
 * cannot do them (CLAVEUNICA_PKCE=off, CLAVEUNICA_NONCE=off).
 */
export function loginChecks(env: Pick<ServerEnv, "CLAVEUNICA_PKCE" | "CLAVEUNICA_NONCE">): LoginCheck[] {
  const checks: LoginCheck[] = [];
  if (env.CLAVEUNICA_PKCE !== "off") checks.push("pkce");
  checks.push("state");
  if (env.CLAVEUNICA_NONCE !== "off") checks.push("nonce");
  return checks;
}

/**
 * The next-auth provider for ClaveÚnica (or its local emulator): authorization-code flow with
 * PKCE, state and nonce (`loginChecks`), `client_secret_post`, the ID token validated against
 * the issuer's keys (and its nonce against this login's), and userinfo fetched with POST as
 * ClaveÚnica requires (its `sub` must match the ID token's).
 */
export function claveUnicaProvider(env: ServerEnv): OAuthConfig<ClaveUnicaUserinfo> {
  return {
    id: "claveunica",
    name: "ClaveÚnica",
    type: "oauth",
    wellKnown: `${env.CLAVEUNICA_ISSUER}/.well-known/openid-configuration`,
    clientId: env.CLAVEUNICA_CLIENT_ID,
    clientSecret: env.CLAVEUNICA_CLIENT_SECRET,
    authorization: { params: { scope: CLAVEUNICA_SCOPE } },
    client: { token_endpoint_auth_method: "client_secret_post" },
    idToken: true,
    checks: loginChecks(env),
    userinfo: {
      async request({ tokens, client }) {
        const info = (await client.userinfo(tokens.access_token!, { method: "POST", via: "header" })) as ClaveUnicaUserinfo;
        const idTokenSub = (tokens as unknown as { claims(): { sub: string } }).claims().sub;
        if (info.sub !== idTokenSub) throw new Error("userinfo sub does not match the ID token");
        return info as never;
      },
    },
    profile(info) {
      const identity = identityFromUserinfo(info);
      return { ...identity };
    },
  };
}
