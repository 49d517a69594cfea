import "server-only";
import { runDeadlineJob } from "@/lib/agreements/service";
import { purgeRevokedSessions } from "@/lib/auth/revocation";
import { ensurePortalKeys } from "@/lib/keys/portal-keys";
import { log } from "@/lib/log";
import { getNetworkConfig } from "@/lib/network-config/service";

let started = false;

/**
 * Scheduled work of the portal process: portal keys, agreement deadlines, re-signing the network
 * configuration, forgetting revoked sessions that have expired. Every instance runs the timer;
 * PostgreSQL advisory locks let one do each piece of work at a time. PISEE_JOB_INTERVAL_MS
 * (default 60 s; 0 = off).
 */
export function startBackgroundJobs(): void {
  if (started) return;
  started = true;
  const interval = Number(process.env.PISEE_JOB_INTERVAL_MS ?? 60_000);
  if (!interval) return;
  const tick = async () => {
    try {
      await ensurePortalKeys();
      const r = await runDeadlineJob();
      if (r.expired || r.ended || r.warned) log.info(r, "agreement deadlines applied");
      // Keep a fresh signed configuration ready (re-signed before it expires, new version on change).
      for (const env of ["dev", "prod"] as const) await getNetworkConfig(env);
      // Idempotent: instances may run it at the same time.
      const purged = await purgeRevokedSessions();
      if (purged) log.info({ purged }, "expired revoked sessions purged");
    } catch (err) {
      log.error({ err: err instanceof Error ? err.message : String(err) }, "scheduled job failed");
    }
  };
  setInterval(tick, interval).unref();
  setTimeout(tick, 5_000).unref();
}
