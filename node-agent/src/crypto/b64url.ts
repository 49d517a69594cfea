import { JoseError } from "./errors.ts";

/** Base64url without padding (RFC 7515 §2); decoding accepts only the canonical form. */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const B64URL = /^[A-Za-z0-9_-]*$/;

export function b64urlEncode(data: Uint8Array | string): string {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return bytes.toString("base64url");
}

/** True when `text` is canonical unpadded base64url: alphabet, length, and zero unused trailing bits. */
export function isB64url(text: string): boolean {
  if (!B64URL.test(text)) return false;
  const rest = text.length % 4;
  if (rest === 0) return true;
  if (rest === 1) return false;
  const last = ALPHABET.indexOf(text.charAt(text.length - 1));
  return (last & (rest === 2 ? 0x0f : 0x03)) === 0;
}

export function b64urlDecode(text: string): Buffer {
  if (typeof text !== "string" || !isB64url(text)) throw new JoseError("jose.malformed", "base64url inválido");
  return Buffer.from(text, "base64url");
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
