import fs from "node:fs";
import type { KeyObject } from "node:crypto";
import type { KeyPair } from "./crypto/suite.ts";
import { keysPath, loadKeys, type NodeKeys } from "./keystore.ts";

/**
 * The running node's view of its keys. It follows `keys.json`: after `node-agent register
 * --rotate` (run while the node serves), the first message for an unknown `kid` — or the next
 * configuration refresh — reloads the file, so no restart is needed.
 *
 * Signing keeps using the previous `sig` key for `propagationMs` after a rotation: peers learn
 * the new key at their next configuration refresh (every 60 s), and until then they would refuse
 * a signature by it. Decryption accepts the current and, until its overlap ends, the previous
 * `enc` key (PROTOCOL.md §3.3 step 1).
 */
export class KeyRing {
  private keys: NodeKeys;
  /** inode, mtime and size of the file last loaded (a rotation renames a new file into place). */
  private stamp: string;

  constructor(
    private readonly dataDir: string,
    private readonly nowMs: () => number = Date.now,
    private readonly propagationMs = 150_000,
  ) {
    this.keys = loadKeys(dataDir);
    this.stamp = this.fileStamp();
  }

  private fileStamp(): string {
    try {
      const s = fs.statSync(keysPath(this.dataDir));
      return `${s.ino}:${s.mtimeMs}:${s.size}`;
    } catch {
      return this.stamp;
    }
  }

  /** Reloads `keys.json` when it changed on disk; a file that cannot be read keeps the keys in use. */
  reloadIfChanged(): boolean {
    const stamp = this.fileStamp();
    if (stamp === this.stamp) return false;
    try {
      this.keys = loadKeys(this.dataDir);
      this.stamp = stamp;
      return true;
    } catch {
      return false;
    }
  }

  private previousValid(): NodeKeys["previous"] {
    const p = this.keys.previous;
    return p && this.nowMs() < p.until ? p : undefined;
  }

  /** The key to sign with now. */
  signing(): KeyPair {
    const previous = this.previousValid();
    if (previous && this.keys.rotatedAt !== undefined && this.nowMs() < this.keys.rotatedAt + this.propagationMs) return previous.sig;
    return this.keys.sig;
  }

  /** The private `enc` key for `kid`: current, or previous within its overlap. */
  decryption(kid: string | undefined): KeyObject | undefined {
    const find = () => {
      if (kid === this.keys.enc.publicJwk.kid) return this.keys.enc.privateKey;
      const previous = this.previousValid();
      return previous && kid === previous.enc.publicJwk.kid ? previous.enc.privateKey : undefined;
    };
    return find() ?? (this.reloadIfChanged() ? find() : undefined);
  }

  /** The current pair (what the portal lists first for this node). */
  get current(): { sig: KeyPair; enc: KeyPair } {
    return { sig: this.keys.sig, enc: this.keys.enc };
  }
}
