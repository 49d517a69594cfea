/**
 * The mails the portal sent during the e2e run, read from the stack's mail catcher (maildev's REST
 * API at E2E_MAIL_URL, set by global-setup.ts): `GET /email` lists them, `DELETE /email/all`
 * empties the inbox. Specs wait for a mail with a bounded poll and follow its link.
 */

export type CaughtMail = {
  id: string;
  subject: string;
  to: { address: string; name?: string }[];
  from: { address: string; name?: string }[];
  text: string;
  html: string;
  date: string;
  headers: Record<string, string | string[]>;
};

function mailUrl(): string {
  const url = process.env.E2E_MAIL_URL;
  if (!url) throw new Error("E2E_MAIL_URL no está definido: el receptor de correo del stack no está corriendo.");
  return url;
}

/** Every mail caught so far, oldest first. */
export async function allMails(): Promise<CaughtMail[]> {
  const res = await fetch(`${mailUrl()}/email`, { signal: AbortSignal.timeout(5_000) });
  if (!res.ok) throw new Error(`maildev respondió ${res.status} a GET /email`);
  const mails = (await res.json()) as CaughtMail[];
  return mails.map((m) => ({ ...m, text: m.text ?? "", html: m.html ?? "" })).sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
}

/** The mails caught for `address` (case-insensitive), oldest first. */
export async function mailsTo(address: string): Promise<CaughtMail[]> {
  const wanted = address.trim().toLowerCase();
  return (await allMails()).filter((m) => m.to.some((t) => t.address.toLowerCase() === wanted));
}

/** Empties the catcher (between specs that count mails). */
export async function clearMails(): Promise<void> {
  const res = await fetch(`${mailUrl()}/email/all`, { method: "DELETE", signal: AbortSignal.timeout(5_000) });
  if (!res.ok) throw new Error(`maildev respondió ${res.status} a DELETE /email/all`);
}

/**
 * The first mail that satisfies `predicate`, polling every 500 ms for at most `timeoutMs`
 * (the outbox sends within seconds of the change; a digest after its job ran).
 */
export async function waitForMail(predicate: (mail: CaughtMail) => boolean, timeoutMs = 20_000): Promise<CaughtMail> {
  const deadline = Date.now() + timeoutMs;
  let seen = 0;
  for (;;) {
    const mails = await allMails();
    seen = mails.length;
    const found = mails.find(predicate);
    if (found) return found;
    if (Date.now() >= deadline) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Ningún correo cumplió la condición en ${timeoutMs / 1000} s (${seen} en el receptor).`);
}

/** The first link to the portal in a mail's text part (E2E_BASE_URL, else any http(s) URL). */
export function portalLinkOf(mail: CaughtMail): string {
  const base = process.env.E2E_BASE_URL;
  const urls = mail.text.match(/https?:\/\/[^\s<>"')]+/g) ?? [];
  const link = (base ? urls.find((u) => u.startsWith(base)) : undefined) ?? urls[0];
  if (!link) throw new Error(`El correo «${mail.subject}» no tiene un enlace.`);
  return link;
}
