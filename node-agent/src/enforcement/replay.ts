import fs from "node:fs";
import { SKEW_SECONDS } from "./time.ts";

/**
 * Replay protection (PROTOCOL.md §3.3 step 6): (iss, jti) pairs are remembered until exp+30.
 *
 * With a file, every admitted pair is appended to it before the message is processed, and a
 * restarted node reloads the pairs still alive: what this node saw survives a crash of its
 * process. Without a file the cache is in memory only, so after a start it may have forgotten
 * what it saw: a message whose iat is earlier than the process start + 30 s is refused.
 */
export class ReplayCache {
  private readonly seen = new Map<string, number>();
  private readonly guardUntil: number;
  private lastSweep = 0;
  private appended = 0;
  /** The append-only log, open for the node's life (one write per admitted message). */
  private fd: number | null = null;

  constructor(
    nowSeconds: number,
    private readonly file?: string,
  ) {
    this.guardUntil = file ? 0 : nowSeconds + SKEW_SECONDS;
    if (file && fs.existsSync(file)) {
      for (const line of fs.readFileSync(file, "utf8").split("\n")) {
        const [until, key] = [Number(line.slice(0, line.indexOf(" "))), line.slice(line.indexOf(" ") + 1)];
        if (Number.isFinite(until) && until >= nowSeconds && key) this.seen.set(key, until);
      }
    }
    if (file) this.compact();
  }

  /** True (and remembered) when the message is new; false when it is, or may be, a replay. */
  admit(iss: string, jti: string, iat: number, exp: number, nowSeconds: number): boolean {
    if (iat < this.guardUntil) return false;
    this.sweep(nowSeconds);
    const key = `${iss}\u0000${jti}`;
    if (this.seen.has(key)) return false;
    const until = exp + SKEW_SECONDS;
    this.seen.set(key, until);
    if (this.file) {
      fs.writeSync(this.fd!, `${until} ${key}\n`);
      if (++this.appended > Math.max(100_000, 2 * this.seen.size)) this.compact();
    }
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private sweep(nowSeconds: number) {
    if (nowSeconds - this.lastSweep < 5) return;
    this.lastSweep = nowSeconds;
    for (const [key, until] of this.seen) if (until < nowSeconds) this.seen.delete(key);
  }

  /** Closes the log (the node is stopping). */
  close() {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  /** Rewrites the file with the live pairs only, and reopens it for appending. */
  private compact() {
    if (!this.file) return;
    this.close();
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, [...this.seen].map(([k, u]) => `${u} ${k}\n`).join(""), { mode: 0o600 });
    fs.renameSync(tmp, this.file);
    this.fd = fs.openSync(this.file, "a", 0o600);
    this.appended = 0;
  }
}
