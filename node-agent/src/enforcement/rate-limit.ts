/**
 * Per-agreement rate limit (PROTOCOL.md §3.3 step 7): a token bucket per (agreement, provider
 * node) whose rate and burst are the agreement's TPS.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updated: number; rate: number }>();

  /** Takes one token for `key` at `rate` per second; false when the bucket is empty. */
  take(key: string, rate: number, nowMs: number): boolean {
    let b = this.buckets.get(key);
    if (!b || b.rate !== rate) {
      b = { tokens: rate, updated: nowMs, rate };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(rate, b.tokens + ((nowMs - b.updated) / 1000) * rate);
    b.updated = nowMs;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}
