/**
 * Whether a raw (still percent-encoded) URL path cannot be decoded: a `%` not followed by two hex
 * digits, or escapes that do not form UTF-8 (`%ff`, a truncated `%E0%A4%A`). Runs in the proxy,
 * before Next's router tries (and fails) to decode it.
 */
export function hasMalformedPercentEncoding(rawPath: string): boolean {
  if (!rawPath.includes("%")) return false;
  try {
    decodeURIComponent(rawPath);
    return false;
  } catch {
    return true;
  }
}
