/** A post-sign-in destination: only a path on this portal, never another site. */
export function safeReturnPath(value: string | string[] | undefined, fallback = "/cuenta"): string {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v || !v.startsWith("/") || v.startsWith("//") || v.startsWith("/\\")) return fallback;
  return v;
}
