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
  private readonly guardUntil: number = 0;
  private lastSweep = -1;
  private rotateAt = 0;
  /** The current generation, open for the node's life (one write per admitted message). */
  private fd: number | null = null;

  constructor(
    nowSeconds: number,
    private readonly file?: string,
  ) {
    if (!file) {
      this.guardUntil = nowSeconds + SKEW_SECONDS;
      return;
    }
    // No pair can live longer than this from now (exp ≤ now + 30 + 60, kept until exp + 30): an
    // entry claiming more is capped, so nothing written in the file can pin memory.
    const latest = nowSeconds + MAX_UNTIL_AHEAD;
    let unreadable = false;
    const loaded: [string, number][] = [];
    for (const f of [previousGeneration(file), file]) {
      if (!fs.existsSync(f)) continue;
      for (const line of fs.readFileSync(f, "utf8").split("\n")) {
        if (line === "") continue;
        const entry = parseEntry(line);
        if (!entry) {
          unreadable = true;
          continue;
        }
        const until = Math.min(entry.u, latest);
        if (until >= nowSeconds) loaded.push([pairKey(entry.i, entry.j), until]);
      }
    }
    // Oldest first, as admit() keeps them (the sweep stops at the first live pair).
    for (const [key, until] of loaded.sort((a, b) => a[1] - b[1])) this.seen.set(key, until);
    // A line this version cannot read (an older format, a torn write) may have been a pair it should
    // remember: refuse, as a node without a log would, messages issued before start + 30 s.
    this.guardUntil = unreadable ? nowSeconds + SKEW_SECONDS : 0;
    // Start from one file holding only the live pairs.
    writeFileWhole(file, [...this.seen].map(([k, u]) => entryLine(k, u)).join(""));
    fs.rmSync(previousGeneration(file), { force: true });
    this.fd = fs.openSync(file, "a", 0o600);
    this.rotateAt = nowSeconds + ROTATE_SECONDS;
  }

  /** True (and remembered) when the message is new; false when it is, or may be, a replay. */
  admit(iss: string, jti: string, iat: number, exp: number, nowSeconds: number): boolean {
    if (iat < this.guardUntil) return false;
    this.sweep(nowSeconds);
    const key = pairKey(iss, jti);
    if (this.seen.has(key)) return false;
    const until = exp + SKEW_SECONDS;
    this.seen.set(key, until);
    if (this.fd !== null) {
      if (nowSeconds >= this.rotateAt) this.rotate(nowSeconds);
      fs.writeSync(this.fd, entryLine(key, until));
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

/** The longest a pair can be remembered from now: exp ≤ now + 30 + 60, kept until exp + 30. */
export const MAX_UNTIL_AHEAD = 2 * SKEW_SECONDS + MAX_LIFETIME_SECONDS;
/** A line longer than this is not one this node wrote (node id, UUID, a time). */
const MAX_LINE = 512;

function pairKey(iss: string, jti: string): string {
  return `${iss}\u0000${jti}`;
}

/**
 * One JSON line per pair, `{"u":until,"i":iss,"j":jti}`: JSON escapes every line break, so no claim
 * value can write a line of its own.
 */
function entryLine(key: string, until: number): string {
  const nul = key.indexOf("\u0000");
  return `${JSON.stringify({ u: until, i: key.slice(0, nul), j: key.slice(nul + 1) })}\n`;
}

function parseEntry(line: string): { u: number; i: string; j: string } | null {
  if (line.length > MAX_LINE) return null;
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return null;
  }
  if (!v || typeof v !== "object" || Array.isArray(v)) return null;
  const { u, i, j } = v as Record<string, unknown>;
  if (!Number.isSafeInteger(u) || (u as number) < 0 || typeof i !== "string" || typeof j !== "string" || i === "" || j === "" || i.includes("\u0000")) return null;
  return { u: u as number, i, j };
}
