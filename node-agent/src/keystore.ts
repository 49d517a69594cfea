import fs from "node:fs";
import path from "node:path";
import { exportPrivateJwk, generateKeyPairs, importPrivateJwk, type KeyPair, type PublicJwk } from "./crypto/suite.ts";
import { KEY_OVERLAP_MS } from "./protocol/config.ts";
import { readJsonFile, writeJsonFile } from "./files.ts";

/**
 * The node's key pairs (one `sig` ES256, one `enc` ECDH-ES) in `dataDir/keys.json`, readable by
 * the node's user only (0600, folder 0700). Private keys never leave this file: not in logs, not
 * in errors, not to the portal.
 *
 * A rotation keeps the previous pair until `previous.until` (the portal's overlap window), so
 * messages encrypted to the old `enc` key and signatures by the old `sig` key made before peers
 * refreshed their configuration still work (PROTOCOL.md §3.3 step 1: "current or overlapping").
 */
export type NodeKeys = {
  sig: KeyPair;
  enc: KeyPair;
  /** The pair replaced by the last rotation, valid until `until` (ms since the epoch). */
  previous?: { sig: KeyPair; enc: KeyPair; until: number };
  /** When the current pair replaced the previous one (ms since the epoch). */
  rotatedAt?: number;
};


const FILE = "keys.json";
const NEXT = "keys.next.json";

type PairDoc = { sig: unknown; enc: unknown };
type KeysDoc = PairDoc & { previous?: PairDoc & { until: string }; rotatedAt?: string };

export function keysPath(dataDir: string): string {
  return path.join(dataDir, FILE);
}

function readPrivate(file: string): KeysDoc {
  const mode = fs.statSync(file).mode & 0o777;
  if (mode & 0o077) throw new Error(`${file} es legible por otros usuarios (permisos ${mode.toString(8)}): use chmod 600.`);
  return readJsonFile<KeysDoc>(file);
}

const pairDoc = (k: { sig: KeyPair; enc: KeyPair }): PairDoc => ({ sig: exportPrivateJwk(k.sig.privateKey, "sig"), enc: exportPrivateJwk(k.enc.privateKey, "enc") });
const pairOf = (d: PairDoc) => ({ sig: importPrivateJwk(d.sig, "sig"), enc: importPrivateJwk(d.enc, "enc") });

/** Generates new keys unless some exist (then `force` is needed: a new install). */
export function createKeys(dataDir: string, opts: { force?: boolean } = {}): NodeKeys {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = keysPath(dataDir);
  if (fs.existsSync(file) && !opts.force) throw new Error(`Ya existen claves en ${file}.`);
  const keys = generateKeyPairs();
  writeJsonFile(file, pairDoc(keys));
  return keys;
}

/**
 * First half of a rotation: new keys in `keys.next.json`, the current ones untouched, so a
 * rotation the portal refuses leaves the node exactly as it was.
 */
export function prepareRotation(dataDir: string): NodeKeys {
  if (!fs.existsSync(keysPath(dataDir))) throw new Error(`No hay claves en ${dataDir}: ejecute "node-agent init".`);
  const keys = generateKeyPairs();
  writeJsonFile(path.join(dataDir, NEXT), pairDoc(keys));
  return keys;
}

/** Second half, once the portal accepted the new keys: they become current; the old ones overlap. */
export function commitRotation(dataDir: string, nowMs = Date.now(), overlapMs = KEY_OVERLAP_MS): NodeKeys {
  const next = path.join(dataDir, NEXT);
  const current = readPrivate(keysPath(dataDir));
  const fresh = readPrivate(next);
  writeJsonFile(keysPath(dataDir), {
    sig: fresh.sig,
    enc: fresh.enc,
    previous: { sig: current.sig, enc: current.enc, until: new Date(nowMs + overlapMs).toISOString() },
    rotatedAt: new Date(nowMs).toISOString(),
  } satisfies KeysDoc);
  fs.rmSync(next);
  return loadKeys(dataDir);
}

export function loadKeys(dataDir: string): NodeKeys {
  const file = keysPath(dataDir);
  if (!fs.existsSync(file)) throw new Error(`No hay claves en ${dataDir}: ejecute "node-agent init".`);
  const doc = readPrivate(file);
  const keys: NodeKeys = pairOf(doc);
  if (doc.previous) keys.previous = { ...pairOf(doc.previous), until: Date.parse(doc.previous.until) };
  if (doc.rotatedAt) keys.rotatedAt = Date.parse(doc.rotatedAt);
  return keys;
}

/** The public keys the portal gets: the current pair only. */
export function publicJwks(keys: { sig: KeyPair; enc: KeyPair }): { keys: PublicJwk[] } {
  return { keys: [keys.sig.publicJwk, keys.enc.publicJwk] };
}
