import { JoseError } from "./errors.ts";

/** Base64url without padding (RFC 7515 §2); decoding accepts only the canonical form. */

export function b64urlEncode(data: Uint8Array | string): string {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return bytes.toString("base64url");
}

/**
 * The bytes of a canonical unpadded base64url text (alphabet, length, zero unused trailing bits),
 * or null. Node's decoder skips what is not base64 (either alphabet, padding, whitespace) and ignores unused
 * trailing bits, so a text is canonical unpadded base64url exactly when encoding what it decodes
 * to gives it back (twice as fast as a regular expression over the text, and it decodes too).
 */
export function decodeCanonical(text: string): Buffer | null {
  const bytes = Buffer.from(text, "base64url");
  return bytes.toString("base64url") === text ? bytes : null;
}

export function b64urlDecode(text: string): Buffer {
  const bytes = typeof text === "string" ? decodeCanonical(text) : null;
  if (!bytes) throw new JoseError("jose.malformed", "base64url inválido");
  return bytes;
}

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Strict UTF-8 (no replacement characters, a BOM is kept and then fails JSON parsing). */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new JoseError("jose.malformed", "UTF-8 inválido");
  }
}
