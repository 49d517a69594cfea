import crypto from "node:crypto";
import net from "node:net";
import os from "node:os";

/**
 * Who may use the app-facing port (PROTOCOL.md §3.1): requests whose `Host` is the port's own
 * address (no DNS rebinding), without `Origin` (no browser), and, where per-app credentials are
 * configured, with one app's bearer token, for the services listed for that app.
 */

/** True for an address (or `localhost`) that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  if (net.isIPv4(h)) return h.startsWith("127.");
  if (net.isIPv6(h)) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
    if (mapped) return mapped[1]!.startsWith("127.");
    return new net.SocketAddress({ address: h, family: "ipv6" }).address === "::1";
  }
  return false;
}

function isUnspecified(host: string): boolean {
  const h = host.replace(/^\[(.*)\]$/, "$1");
  return h === "0.0.0.0" || (net.isIPv6(h) && new net.SocketAddress({ address: h, family: "ipv6" }).address === "::");
}

/** The host to call a port listening on `listenHost` from this machine (`node-agent status`, logs). */
export function localCallHost(listenHost: string): string {
  const h = listenHost.replace(/^\[(.*)\]$/, "$1");
  if (h === "0.0.0.0") return "127.0.0.1";
  if (isUnspecified(h)) return "[::1]";
  return hostForm(h);
}

/** How an address appears in a Host header: IPv6 in brackets, lower case. */
function hostForm(address: string): string {
  const h = address.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  if (net.isIPv6(h)) return `[${new net.SocketAddress({ address: h, family: "ipv6" }).address}]`;
  return h;
}

/**
 * The exact `Host` values the port answers to, for a port listening on `listenHost`:`port`.
 * - a loopback address: that address and `localhost` (`127.0.0.1` → `127.0.0.1`, `localhost`;
 *   `::1` → `[::1]`, `localhost`; `localhost` → all three);
 * - another address: that address;
 * - every address (`0.0.0.0`, `::`): the loopback forms and the machine's interface addresses;
 * and, in every case, the names in `hostnames` (the names apps use to reach a non-loopback port).
 */
export function allowedHostHeaders(listenHost: string, port: number, opts: { hostnames?: string[]; interfaces?: string[] } = {}): Set<string> {
  const names = new Set<string>();
  const h = listenHost.toLowerCase();
  if (h === "localhost") ["127.0.0.1", "[::1]", "localhost"].forEach((n) => names.add(n));
  else if (isUnspecified(h)) {
    ["127.0.0.1", "[::1]", "localhost"].forEach((n) => names.add(n));
    for (const a of opts.interfaces ?? interfaceAddresses()) names.add(hostForm(a));
  } else {
    names.add(hostForm(h));
    if (isLoopbackHost(h)) names.add("localhost");
  }
  for (const n of opts.hostnames ?? []) names.add(hostForm(n));
  const allowed = new Set<string>();
  for (const n of names) {
    allowed.add(`${n}:${port}`);
    if (port === 80) allowed.add(n);
  }
  return allowed;
}

function interfaceAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((i) => i !== undefined && !i.address.includes("%"))
    .map((i) => i!.address);
}

/** Why the port refuses a request before looking at what it asks (null: it may go on). */
export function hostOriginProblem(headers: { host?: string; origin?: string | string[] }, allowed: Set<string>): string | null {
  if (headers.origin !== undefined) return "cabecera Origin: el puerto local no atiende navegadores";
  const host = headers.host?.toLowerCase();
  if (!host || !allowed.has(host)) return "cabecera Host ajena al puerto local";
  return null;
}

/** An app as the settings list it: its name, the SHA-256 (hex) of its token, the services it may call. */
export type AppCredential = { name: string; tokenSha256: string; services: string[] };

/** Hex SHA-256 of a token: what the settings keep instead of the token. */
export function tokenHash(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

/** A new app token: 32 random bytes, base64url (43 characters). */
export function newAppToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/**
 * Finds the app whose token an `Authorization: Bearer …` header carries. The hash of the
 * presented token is compared with every app's hash in constant time (no early exit).
 */
export function appAuthenticator(apps: AppCredential[]): (authorization: string | undefined) => { name: string; services: Set<string> } | null {
  const known = apps.map((a) => ({ name: a.name, hash: Buffer.from(a.tokenSha256, "hex"), services: new Set(a.services) }));
  return (authorization) => {
    const m = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(authorization ?? "");
    if (!m) return null;
    const presented = crypto.createHash("sha256").update(m[1]!, "utf8").digest();
    let found: (typeof known)[number] | null = null;
    for (const app of known) if (crypto.timingSafeEqual(presented, app.hash) && !found) found = app;
    return found ? { name: found.name, services: found.services } : null;
  };
}
