import "server-only";
import crypto from "node:crypto";
import { serverEnv } from "@/lib/env";

/**
 * The one-click unsubscribe link of a person's mails: `<run>.<mac>`, an HMAC-SHA256 of the RUN
 * under a key derived from NEXTAUTH_SECRET. Stateless (every mail carries the same link) and
 * limited to what it can do: stop the person's non-legal mail, nothing else.
 */
function key(): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", serverEnv().NEXTAUTH_SECRET, "pisee", "mail-unsubscribe-v1", 32));
}

export function unsubscribeToken(run: string): string {
  const mac = crypto.createHmac("sha256", key()).update(run).digest("base64url");
  return `${Buffer.from(run).toString("base64url")}.${mac}`;
}

/** The RUN a token was made for, or null when it was not made by this portal. */
export function runOfUnsubscribeToken(token: string): string | null {
  const m = /^([A-Za-z0-9_-]{1,24})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const run = Buffer.from(m[1]!, "base64url").toString("utf8");
  const expected = Buffer.from(unsubscribeToken(run).split(".")[1]!);
  const given = Buffer.from(m[2]!);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? run : null;
}

export function unsubscribeUrl(run: string): string {
  return `${serverEnv().NEXTAUTH_URL}/correo/baja?t=${unsubscribeToken(run)}`;
}

/** The `List-Unsubscribe` address (RFC 8058 one-click POST; a browser's GET is sent to the page). */
export function oneClickUnsubscribeUrl(run: string): string {
  return `${serverEnv().NEXTAUTH_URL}/correo/baja/un-clic?t=${unsubscribeToken(run)}`;
}
