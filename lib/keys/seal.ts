import crypto from "node:crypto";

/**
 * AES-256-GCM sealing of secrets at rest, with the key given explicitly (the portal passes its
 * master key; `npm run db -- rotate-master-key` passes the old and the new one). Layout: 12-byte
 * IV ‖ 16-byte tag ‖ ciphertext. `aad` binds a sealed value to what it is (e.g. the key's kid),
 * so it cannot be swapped for another row's.
 */
export function sealWith(key: Buffer, plaintext: Uint8Array, aad: string): Buffer {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ct]);
}

export function unsealWith(key: Buffer, sealed: Uint8Array, aad: string): Buffer {
  const buf = Buffer.from(sealed);
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, buf.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(buf.subarray(12, 28));
  return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]);
}

/** A master key as the environment gives it: 32 bytes in base64url. */
export function masterKeyFrom(value: string): Buffer {
  const key = Buffer.from(value, "base64url");
  if (key.length !== 32 || key.toString("base64url") !== value) throw new Error("La clave maestra debe ser de 32 bytes en base64url (43 caracteres).");
  return key;
}
