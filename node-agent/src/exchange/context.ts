import { Agent } from "undici";
import type { RateLimiter } from "../enforcement/rate-limit.ts";
import type { ReplayCache } from "../enforcement/replay.ts";
import type { KeyRing } from "../keyring.ts";
import type { Logger } from "../log.ts";
import type { Metrics } from "../metrics.ts";
import type { ConfigStore } from "../network-config/store.ts";
import type { Settings } from "../settings.ts";

/** What the exchange handlers share: identity, keys, configuration, caches, metrics, HTTP client. */
export type ExchangeContext = {
  nodeId: string;
  institution: string;
  settings: Settings;
  keys: KeyRing;
  store: ConfigStore;
  replay: ReplayCache;
  rate: RateLimiter;
  metrics: Metrics;
  log: Logger;
  http: Agent;
  /** Milliseconds since the epoch; a function so tests can move time. */
  nowMs: () => number;
};

/** Keep-alive connections to peers and backends (one pool per origin). */
export function createHttpAgent(): Agent {
  return new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 120_000, connections: 64, pipelining: 1 });
}

/** Whole seconds since the epoch (JOSE NumericDate). */
export const nowSeconds = (ctx: Pick<ExchangeContext, "nowMs">) => Math.floor(ctx.nowMs() / 1000);
