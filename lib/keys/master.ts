import "server-only";
import { serverEnv } from "@/lib/env";
import { masterKeyFrom, sealWith, unsealWith } from "@/lib/keys/seal";

/** Secrets at rest (the portal's private keys), sealed under the master key from the environment (lib/keys/seal.ts). */
const masterKey = () => masterKeyFrom(serverEnv().PISEE_MASTER_KEY);

export function seal(plaintext: Uint8Array, aad: string): Buffer {
  return sealWith(masterKey(), plaintext, aad);
}

export function unseal(sealed: Uint8Array, aad: string): Buffer {
  return unsealWith(masterKey(), sealed, aad);
}
