import { request, type Agent } from "undici";
import type { Logger } from "../log.ts";
import type { Metrics } from "../metrics.ts";
import { ConfigRefused, type ConfigStore } from "./store.ts";

/** Fetches the signed configuration from the portal once and offers it to the store. */
export async function fetchConfig(portalUrl: string, environment: string, http: Agent): Promise<string> {
  const r = await request(`${portalUrl}/api/v1/network-config?env=${environment}`, { dispatcher: http, headersTimeout: 10_000, bodyTimeout: 10_000 });
  const text = await r.body.text();
  if (r.statusCode !== 200) throw new Error(`El portal respondió ${r.statusCode}`);
  return text.trim();
}

/**
 * Refreshes the configuration every `seconds` (PROTOCOL.md §2: 60 s). A refused document is
 * logged and counted; the node keeps the last good one (and its grace rules).
 */
export function startRefresher(opts: { portalUrl: string; environment: string; seconds: number; store: ConfigStore; http: Agent; log: Logger; metrics: Metrics; onTick?: () => void }) {
  let stopped = false;
  const update = () => {
    const c = opts.store.current;
    if (c) {
      opts.metrics.configVersion.set(c.version);
      opts.metrics.configAge.set(Math.max(0, (Date.now() - c.issuedAtMs) / 1000));
    }
  };
  const tick = async () => {
    try {
      const jws = await fetchConfig(opts.portalUrl, opts.environment, opts.http);
      const r = opts.store.accept(jws);
      if (r.changed) opts.log.info({ version: r.version }, "network configuration updated");
    } catch (err) {
      if (err instanceof ConfigRefused) {
        opts.metrics.configRefusals.inc({ reason: err.reason });
        opts.log[err.reason === "fork" ? "error" : "warn"]({ reason: err.reason }, err.message);
      } else {
        opts.log.warn({ err: err instanceof Error ? err.message : String(err) }, "could not refresh the network configuration");
      }
    } finally {
      update();
      opts.onTick?.();
    }
  };
  const first = tick();
  const timer = setInterval(() => void tick(), opts.seconds * 1000);
  const ageTimer = setInterval(update, 5_000);
  timer.unref();
  ageTimer.unref();
  return {
    first,
    refreshNow: tick,
    stop: () => {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      clearInterval(ageTimer);
    },
  };
}
