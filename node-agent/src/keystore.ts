import fs from "node:fs";
import path from "node:path";
import { exportPrivateJwk, generateKeyPairs, importPrivateJwk, type KeyPair, type PublicJwk } from "./crypto/suite.ts";

/**
 * The node's two key pairs (one `sig` ES256, one `enc` ECDH-ES) in `dataDir/keys.json`, readable
 * by the node's user only (0600, folder 0700). Private keys never leave this file: not in logs,
 * not in errors, not to the portal.
 */
export type NodeKeys = { sig: KeyPair; enc: KeyPair };

const FILE = "keys.json";

export function keysPath(dataDir: string): string {
  return path.join(dataDir, FILE);
}

/** Generates new keys unless some exist (then `force` is needed, e.g. for a rotation). */
export function createKeys(dataDir: string, opts: { force?: boolean } = {}): NodeKeys {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = keysPath(dataDir);
  if (fs.existsSync(file) && !opts.force) throw new Error(`Ya existen claves en ${file}.`);
  const keys = generateKeyPairs();
  const doc = { sig: exportPrivateJwk(keys.sig.privateKey, "sig"), enc: exportPrivateJwk(keys.enc.privateKey, "enc") };
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(doc, null, 2) + "\n", { mode: 0o600 });
  fs.renameSync(tmp, file);
  return keys;
}

export function loadKeys(dataDir: string): NodeKeys {
  const file = keysPath(dataDir);
  if (!fs.existsSync(file)) throw new Error(`No hay claves en ${dataDir}: ejecute "node-agent init".`);
  const mode = fs.statSync(file).mode & 0o777;
  if (mode & 0o077) throw new Error(`${file} es legible por otros usuarios (permisos ${mode.toString(8)}): use chmod 600.`);
  const doc = JSON.parse(fs.readFileSync(file, "utf8")) as { sig: unknown; enc: unknown };
  return { sig: importPrivateJwk(doc.sig, "sig"), enc: importPrivateJwk(doc.enc, "enc") };
}

export function publicJwks(keys: NodeKeys): { keys: PublicJwk[] } {
  return { keys: [keys.sig.publicJwk, keys.enc.publicJwk] };
}
