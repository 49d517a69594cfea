import fs from "node:fs";
import { writeFileWhole } from "../files.ts";
import { MAX_LIFETIME_SECONDS, SKEW_SECONDS } from "./time.ts";

/**
 * How long one generation of the log is appended to. A pair is written with until = exp + 30,
 * and the time check (§3.3 step 3) allows exp ≤ iat + 60 ≤ now + 90: every pair in a generation
 * has expired by the time the next one is retired.
 */
export const ROTATE_SECONDS = 2 * SKEW_SECONDS + MAX_LIFETIME_SECONDS + 5;

/**
 * Replay protection (PROTOCOL.md §3.3 step 6): (iss, jti) pairs are remembered until exp+30.
 *
 * With a file, every admitted pair is appended to it before the message is processed, and a
 * restarted node reloads the pairs still alive: what this node saw survives a crash of its
 * process. Without a file the cache is in memory only, so after a start it may have forgotten
 * what it saw: a message whose iat is earlier than the process start + 30 s is refused.
 *
 * Nothing here stops the node for long at any load: expired pairs leave the cache from the oldest
 * on (pairs arrive in about the order they expire), and the log is two generations, `replay.log`
 * and `replay.log.1`: every ROTATE_SECONDS the current one becomes the previous one (a rename)
 * instead of the whole log being rewritten.
 */
export class ReplayCache {
  private readonly seen = new Map<string, number>();
  private readonly guardUntil: number;
  private lastSweep = -1;
  private rotateAt = 0;
  /** The current generation, open for the node's life (one write per admitted message). */
  private fd: number | null = null;

  constructor(
    nowSeconds: number,
    private readonly file?: string,
  ) {
    this.guardUntil = file ? 0 : nowSeconds + SKEW_SECONDS;
    if (!file) return;
    for (const f of [previousGeneration(file), file]) {
      if (!fs.existsSync(f)) continue;
      for (const line of fs.readFileSync(f, "utf8").split("\n")) {
        const space = line.indexOf(" ");
        const [until, key] = [Number(line.slice(0, space)), line.slice(space + 1)];
        if (space > 0 && Number.isFinite(until) && until >= nowSeconds && key) this.seen.set(key, until);
      }
    }
    // Start from one file holding only the live pairs.
    writeFileWhole(file, [...this.seen].map(([k, u]) => `${u} ${k}\n`).join(""));
    fs.rmSync(previousGeneration(file), { force: true });
    this.fd = fs.openSync(file, "a", 0o600);
    this.rotateAt = nowSeconds + ROTATE_SECONDS;
  }

  /** True (and remembered) when the message is new; false when it is, or may be, a replay. */
  admit(iss: string, jti: string, iat: number, exp: number, nowSeconds: number): boolean {
    if (iat < this.guardUntil) return false;
    this.sweep(nowSeconds);
    const key = `${iss}\u0000${jti}`;
    if (this.seen.has(key)) return false;
    const until = exp + SKEW_SECONDS;
    this.seen.set(key, until);
    if (this.fd !== null) {
      if (nowSeconds >= this.rotateAt) this.rotate(nowSeconds);
      fs.writeSync(this.fd, `${until} ${key}\n`);
    }
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  /**
   * Once a second, drops expired pairs from the oldest on and stops at the first live one. A pair
   * that arrived behind a longer-lived one waits for it (at most the 120 s a pair can live):
   * remembering longer is safe, and the work is only what expired.
   */
  private sweep(nowSeconds: number) {
    if (nowSeconds === this.lastSweep) return;
    this.lastSweep = nowSeconds;
    for (const [key, until] of this.seen) {
      if (until >= nowSeconds) break;
      this.seen.delete(key);
    }
  }

  /** Closes the log (the node is stopping). */
  close() {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  /** The current generation becomes the previous one; the one before, all expired, is gone. */
  private rotate(nowSeconds: number) {
    const file = this.file!;
    this.close();
    fs.renameSync(file, previousGeneration(file));
    this.fd = fs.openSync(file, "a", 0o600);
    this.rotateAt = nowSeconds + ROTATE_SECONDS;
  }
}

function previousGeneration(file: string): string {
  return `${file}.1`;
}
