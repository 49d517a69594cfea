/**
 * When a mail that could not be sent is tried again: 30 s after the first failure, doubling each
 * time, never more than an hour apart, each delay drawn between 80 % and 100 % of that (jitter),
 * so mails that failed together do not all come back in the same second.
 */
export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_MAX_MS = 60 * 60_000;

/** The delay after the `attempts`-th failure (1 = the first), with `random` in [0, 1). */
export function retryDelayMs(attempts: number, random: number = Math.random()): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 20));
  const full = Math.min(BACKOFF_BASE_MS * 2 ** exponent, BACKOFF_MAX_MS);
  return Math.round(full * (0.8 + 0.2 * Math.min(Math.max(random, 0), 1)));
}

/**
 * What is kept of an SMTP error: its code and first line, at most 300 characters, with anything
 * that looks like credentials in a URL (user:password@) or an AUTH exchange removed.
 */
export function shortError(err: unknown): string {
  const e = err as { code?: unknown; responseCode?: unknown; message?: unknown } | null;
  const code = typeof e?.code === "string" ? e.code : null;
  const raw = typeof e?.message === "string" ? e.message : String(err);
  const line = (raw.split("\n")[0] ?? "")
    .replace(/\/\/[^\s/@]*@/g, "//***@")
    .replace(/\bAUTH\b.*$/i, "AUTH …")
    .trim();
  return (code && !line.includes(code) ? `${code}: ${line}` : line).slice(0, 300);
}
