import { SKEW_SECONDS } from "./time.ts";

/**
 * Replay protection (PROTOCOL.md §3.3 step 6): (iss, jti) pairs are remembered until exp+30. This
 * cache lives in the node's memory, so after a restart it has forgotten what it saw: a message
 * whose iat is earlier than the process start + 30 s is refused as a possible replay.
 */
export class ReplayCache {
  private readonly seen = new Map<string, number>();
  private readonly startedAt: number;
  private lastSweep = 0;

  constructor(nowSeconds: number) {
    this.startedAt = nowSeconds;
  }

  /** True (and remembered) when the message is new; false when it is, or may be, a replay. */
  admit(iss: string, jti: string, iat: number, exp: number, nowSeconds: number): boolean {
    if (iat < this.startedAt + SKEW_SECONDS) return false;
    this.sweep(nowSeconds);
    const key = `${iss}\u0000${jti}`;
    if (this.seen.has(key)) return false;
    this.seen.set(key, exp + SKEW_SECONDS);
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
}
