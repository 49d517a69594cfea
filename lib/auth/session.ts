import "server-only";
import { decode } from "next-auth/jwt";
import { cache } from "react";
import { cookies } from "next/headers";
import type { ActorRoles } from "@/lib/auth/permissions";
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

/** The RUN of the session in these cookies, when the session token is valid and unexpired. */
export async function sessionRunFromCookies(jar: CookieReader): Promise<string | null> {
  const token = readSessionCookie(jar);
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: serverEnv().NEXTAUTH_SECRET });
    return typeof payload?.sub === "string" && payload.sub ? payload.sub : null;
  } catch {
    return null;
  }
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

export async function actorFromCookies(jar: CookieReader): Promise<Actor | null> {
  const run = await sessionRunFromCookies(jar);
  return run ? loadActor(run) : null;
}

/** The current actor in a server component or server action (once per request). */
export const getCurrentActor = cache(async (): Promise<Actor | null> => actorFromCookies(await cookies()));
