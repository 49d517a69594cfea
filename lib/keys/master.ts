import "server-only";
import crypto from "node:crypto";
import { serverEnv } from "@/lib/env";

/**
 * Secrets at rest (the portal's private keys) are sealed with AES-256-GCM under the master key
 * from the environment. Layout: 12-byte IV ‖ 16-byte tag ‖ ciphertext. `aad` binds a sealed
 * value to what it is (e.g. the key's kid), so it cannot be swapped for another row's.
 */
function masterKey(): Buffer {
  return Buffer.from(serverEnv().PISEE_MASTER_KEY, "base64url");
}

export function seal(plaintext: Uint8Array, aad: string): Buffer {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", masterKey(), iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ct]);
}

export function unseal(sealed: Uint8Array, aad: string): Buffer {
  const buf = Buffer.from(sealed);
  const decipher = crypto.createDecipheriv("aes-256-gcm", masterKey(), buf.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(buf.subarray(12, 28));
  return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]);
}
