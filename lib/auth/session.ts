import "server-only";
import { decode } from "next-auth/jwt";
import { cache } from "react";
import { cookies } from "next/headers";
import type { ActorRoles } from "@/lib/auth/permissions";
import { isSessionRevoked } from "@/lib/auth/revocation";
import { clock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import type { GradualityGroup, MembershipRole } from "@/lib/generated/prisma/enums";

/** The signed-in person with their roles, loaded from the database on each request. */
export type Actor = Omit<ActorRoles, "memberships"> & {
  givenNames: string;
  familyNames: string;
  memberships: {
    institutionCode: string;
    institutionName: string;
    institutionGroup: GradualityGroup;
    role: MembershipRole;
    headOfService: boolean;
  }[];
};

type CookieReader = { get(name: string): { value: string } | undefined; getAll(): { name: string; value: string }[] };

/** next-auth's session cookie name: `__Secure-` prefixed when the portal is served over https. */
export function sessionCookieName(): string {
  return serverEnv().NEXTAUTH_URL.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/** The session cookie's value, reassembling next-auth's chunks (`name.0`, `name.1`…) when split. */
function readSessionCookie(jar: CookieReader): string | undefined {
  const name = sessionCookieName();
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const chunks = jar
    .getAll()
    .filter((c) => c.name.startsWith(`${name}.`))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length ? chunks.map((c) => c.value).join("") : undefined;
}

/** A session lasts 8 h from sign-in, however often next-auth re-encodes its token. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the session token says: the person, the session's id, and when the token expires. */
export type SessionClaims = { run: string; sid: string; signedInAt: Date; expiresAt: Date };

/**
 * The session in these cookies when its token is valid, unexpired, has a session id and is
 * less than 8 h from its sign-in; whether it was signed out is `actorFromCookies`' question.
 * A token without `sid` (issued before sessions had one) is no session.
 */
export async function sessionFromCookies(jar: CookieReader): Promise<SessionClaims | null> {
  const token = readSessionCookie(jar);
  if (!token) return null;
  let payload: Awaited<ReturnType<typeof decode>>;
  try {
    payload = await decode({ token, secret: serverEnv().NEXTAUTH_SECRET });
  } catch {
    return null;
  }
  const { sub, sid, signedInAt, exp } = payload ?? {};
  if (typeof sub !== "string" || !sub) return null;
  if (typeof sid !== "string" || !UUID.test(sid)) return null;
  if (typeof signedInAt !== "number" || typeof exp !== "number") return null;
  // next-auth re-encodes the token with a later `exp` whenever /api/auth/session is called:
  // the session's own end is counted from sign-in.
  if ((signedInAt + SESSION_MAX_AGE_SECONDS) * 1000 <= clock.now().getTime()) return null;
  return { run: sub, sid, signedInAt: new Date(signedInAt * 1000), expiresAt: new Date(exp * 1000) };
}

export async function loadActor(run: string): Promise<Actor | null> {
  const person = await getDb().person.findUnique({
    where: { run },
    include: { memberships: { include: { institution: { select: { name: true, group: true } } }, orderBy: { institutionCode: "asc" } } },
  });
  if (!person) return null;
  return {
    run: person.run,
    givenNames: person.givenNames,
    familyNames: person.familyNames,
    isPlatformAdmin: person.isPlatformAdmin,
    memberships: person.memberships.map((m) => ({
      institutionCode: m.institutionCode,
      institutionName: m.institution.name,
      institutionGroup: m.institution.group,
      role: m.role,
      headOfService: m.headOfService,
    })),
  };
}

/**
 * The signed-in person of these cookies, or null: no valid session token, a token without a
 * session id, or a session that was signed out (`revoked_session`, looked up by primary key
 * alongside the person).
 */
export async function actorFromCookies(jar: CookieReader): Promise<Actor | null> {
  const session = await sessionFromCookies(jar);
  if (!session) return null;
  const [revoked, actor] = await Promise.all([isSessionRevoked(session.sid), loadActor(session.run)]);
  return revoked ? null : actor;
}

/** The current actor in a server component or server action (once per request). */
export const getCurrentActor = cache(async (): Promise<Actor | null> => actorFromCookies(await cookies()));
