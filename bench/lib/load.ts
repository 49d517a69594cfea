import http from "node:http";
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

/** A run's result from every response time it kept (sorted here) and its counts. */
function summarize(label: string, times: number[], counts: Pick<LoadResult, "requests" | "rps" | "errors" | "non2xx">): LoadResult {
  times.sort((a, b) => a - b);
  return { label, ...counts, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
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
  return summarize(label, times, {
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  });
}

/**
 * Light load, open loop: `rate` requests per second at evenly spaced instants over `connections`
 * keep-alive connections, whatever the answers take (autocannon's rate limit sends each second's
 * requests in a burst, which is not light load). A response time counts from the moment the
 * request is handed to the agent, so one that waits for a free connection counts that wait.
 */
export async function paced(label: string, baseUrl: string, request: LoadRequest, opts: { connections: number; seconds: number; rate: number }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const url = new URL(request.path, baseUrl);
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  const headers = { ...request.headers, ...(body ? { "content-length": String(body.length) } : {}) };
  const total = Math.round(opts.rate * opts.seconds);
  const times: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const send = () =>
    new Promise<void>((resolve) => {
      const sent = performance.now();
      const req = http.request(url, { method: request.method, headers, agent, timeout: 10_000 }, (res) => {
        res.resume();
        res.on("end", () => {
          times.push(performance.now() - sent);
          if (res.statusCode! < 200 || res.statusCode! > 299) non2xx += 1;
          resolve();
        });
      });
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", () => {
        errors += 1;
        resolve();
      });
      req.end(body);
    });
  const start = performance.now() + 10;
  const dueAt = (i: number) => start + (i * 1000) / opts.rate;
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; ) {
    const now = performance.now();
    for (; i < total && dueAt(i) <= now; i++) pending.push(send());
    if (i < total) await new Promise((r) => setTimeout(r, Math.max(0, dueAt(i) - performance.now())));
  }
  await Promise.all(pending);
  agent.destroy();
  return summarize(label, times, { requests: times.length, rps: Math.round(times.length / opts.seconds), errors, non2xx });
}
