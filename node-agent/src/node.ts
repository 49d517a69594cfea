import path from "node:path";
import { RateLimiter } from "./enforcement/rate-limit.ts";
import { ReplayCache } from "./enforcement/replay.ts";
import { createHttpAgent, type ExchangeContext } from "./exchange/context.ts";
import { KeyRing } from "./keyring.ts";
import { createLogger } from "./log.ts";
import { createMetrics } from "./metrics.ts";
import { startRefresher } from "./network-config/refresher.ts";
import { ConfigStore } from "./network-config/store.ts";
import { loadAnchor, loadRegistration } from "./registration.ts";
import { startLocalServer } from "./server/local.ts";
import { startNetworkServer } from "./server/network.ts";
import type { Settings } from "./settings.ts";

export type RunningNode = { nodeId: string; localUrl: string; networkUrl: string; ctx: ExchangeContext; refreshNow: () => Promise<void>; close: () => Promise<void> };

/** Starts a node: keys, anchor and registration from `dataDir`, the configuration refresher and both ports. */
export async function startNode(settings: Settings, opts: { nowMs?: () => number } = {}): Promise<RunningNode> {
  const registration = loadRegistration(settings.dataDir);
  if (registration.environment !== settings.environment) {
    throw new Error(`El nodo se registró en ${registration.environment} pero la configuración dice ${settings.environment}.`);
  }
  const nowMs = opts.nowMs ?? Date.now;
  const log = createLogger(settings.logLevel, registration.nodeId);
  const metrics = createMetrics();
  const http = createHttpAgent();
  const store = new ConfigStore({ dataDir: settings.dataDir, environment: settings.environment, anchor: loadAnchor(settings.dataDir), graceSeconds: settings.graceSeconds, allowPrivatePeers: settings.allowPrivatePeers });
  try {
    store.restore();
  } catch (err) {
    log.warn({ err: err instanceof Error ? err.message : String(err) }, "stored configuration discarded");
  }
  const ctx: ExchangeContext = {
    nodeId: registration.nodeId,
    institution: registration.nodeId.split("/")[0]!,
    settings,
    keys: new KeyRing(settings.dataDir, nowMs),
    store,
    replay: new ReplayCache(Math.floor(nowMs() / 1000), path.join(settings.dataDir, "replay.log")),
    rate: new RateLimiter(),
    metrics,
    log,
    http,
    nowMs,
  };
  // Each refresh also picks up keys rotated on disk by `node-agent register --rotate`.
  const onTick = () => {
    if (ctx.keys.reloadIfChanged()) log.info({ sig: ctx.keys.current.sig.publicJwk.kid, enc: ctx.keys.current.enc.publicJwk.kid }, "node keys reloaded");
  };
  const refresher = startRefresher({ portalUrl: settings.portalUrl, environment: settings.environment, seconds: settings.refreshSeconds, store, http, log, metrics, onTick });
  await refresher.first;
  const local = await startLocalServer(ctx);
  const network = await startNetworkServer(ctx);
  log.info({ local: local.url, network: network.url, config: store.current?.version ?? null }, "node started");
  return {
    nodeId: registration.nodeId,
    localUrl: local.url,
    networkUrl: network.url,
    ctx,
    refreshNow: refresher.refreshNow,
    close: async () => {
      refresher.stop();
      // Stop accepting, let requests in flight finish (up to 5 s), then drop what is left.
      const closed = Promise.all([new Promise((r) => local.server.close(r)), new Promise((r) => network.server.close(r))]);
      local.server.closeIdleConnections();
      network.server.closeIdleConnections();
      const force = setTimeout(() => {
        local.server.closeAllConnections();
        network.server.closeAllConnections();
      }, 5000);
      await closed;
      clearTimeout(force);
      await http.close();
      ctx.replay.close();
      log.flush();
    },
  };
}
