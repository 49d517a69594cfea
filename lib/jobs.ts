import "server-only";
import { runDeadlineJob } from "@/lib/agreements/service";
import { log } from "@/lib/log";

let started = false;

/**
 * Scheduled work of the portal process. Every instance runs the timer; a PostgreSQL advisory
 * lock lets only one of them do the work at a time. PISEE_JOB_INTERVAL_MS (default 60 s; 0 = off).
 */
export function startBackgroundJobs(): void {
  if (started) return;
  started = true;
  const interval = Number(process.env.PISEE_JOB_INTERVAL_MS ?? 60_000);
  if (!interval) return;
  const tick = async () => {
    try {
      const r = await runDeadlineJob();
      if (r.expired || r.ended || r.warned) log.info(r, "agreement deadlines applied");
    } catch (err) {
      log.error({ err: err instanceof Error ? err.message : String(err) }, "deadline job failed");
    }
  };
  setInterval(tick, interval).unref();
  setTimeout(tick, 5_000).unref();
}
