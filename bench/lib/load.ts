import autocannon from "autocannon";

export type LoadResult = {
  label: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

/** One request of a load mix. */
export type LoadRequest = { method: "GET" | "POST"; path: string; headers?: Record<string, string>; body?: string };

/**
 * Drives `paths` (cycled; a string is a GET) on `baseUrl` with autocannon for `seconds`, keeping every response
 * time to report exact p50/p95/p99 (autocannon's own summary has no p95).
 */
export async function load(
  label: string,
  baseUrl: string,
  paths: (string | LoadRequest)[],
  opts: { connections: number; seconds: number; warmupSeconds?: number },
): Promise<LoadResult> {
  const requests = paths.map((p): LoadRequest => (typeof p === "string" ? { method: "GET", path: p } : p));
  if (opts.warmupSeconds) {
    await autocannon({ url: baseUrl, connections: opts.connections, duration: opts.warmupSeconds, requests });
  }
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: baseUrl, connections: opts.connections, duration: opts.seconds, requests }, (err, r) => (err ? reject(err) : resolve(r)));
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  return {
    label,
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
