import "server-only";
import PgBoss from "pg-boss";
import { applyDeadlines } from "@/lib/agreements/deadlines";
import { purgeRevokedSessions } from "@/lib/auth/revocation";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/session";
import { clock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { ensurePortalKeys } from "@/lib/keys/portal-keys";
import { log } from "@/lib/log";
import { getNetworkConfig } from "@/lib/network-config/service";

/**
 * Scheduled work, on a PostgreSQL job queue (pg-boss, schema `pgboss`): every portal instance
 * runs one worker; each cron tick creates one job however many instances there are, and one
 * instance does it; a failed job is retried with backoff; every job is a row of `pgboss.job`
 * (state, attempts, output or error) and the platform console shows the latest of each.
 * Every later service adds its jobs to JOBS.
 */
export type ScheduledJob = {
  name: string;
  /** Cron (UTC), five fields. */
  cron: string;
  description: string;
  /** Its result (counts) is kept as the job's output. */
  run: () => Promise<object | void>;
};

export const JOBS: readonly ScheduledJob[] = [
  { name: "portal-keys", cron: "* * * * *", description: "Claves del portal (configuración y consentimientos) creadas y vigentes", run: ensurePortalKeys },
  {
    name: "agreement-deadlines",
    cron: "* * * * *",
    description: "Plazos legales de los acuerdos: vencimientos, fechas de término y avisos",
    run: () => applyDeadlines(clock.now()),
  },
  {
    name: "network-config",
    cron: "* * * * *",
    description: "Configuración firmada de la red: nueva versión al cambiar, firmada de nuevo antes de vencer",
    run: async () => {
      const versions: Record<string, number> = {};
      for (const env of ["dev", "prod"] as const) versions[env] = (await getNetworkConfig(env)).version;
      return versions;
    },
  },
  {
    name: "revoked-sessions",
    cron: "17 * * * *",
    description: "Sesiones cerradas cuya vigencia ya terminó: se olvidan",
    run: async () => ({ purged: await purgeRevokedSessions() }),
  },
];

/** What each job's queue promises: one queued and one running at most (stately), three retries with backoff. */
const QUEUE: Omit<PgBoss.Queue, "name"> = { policy: "stately", retryLimit: 3, retryDelay: 15, retryBackoff: true, expireInSeconds: 300, retentionDays: 7 };

export type JobRunner = { boss: PgBoss; stop: () => Promise<void> };

/**
 * Starts a worker for `jobs` on the database at `connectionString`: creates the queues, the cron
 * schedules (unless `schedule` is false) and one job of each now, so the first run does not wait
 * for the next tick.
 */
export async function startJobRunner(opts: {
  connectionString: string;
  jobs?: readonly ScheduledJob[];
  schedule?: boolean;
  pollingIntervalSeconds?: number;
  /** Tests shorten the retry delay. */
  queue?: Partial<typeof QUEUE>;
}): Promise<JobRunner> {
  const jobs = opts.jobs ?? JOBS;
  const boss = new PgBoss({ connectionString: opts.connectionString, schema: "pgboss", application_name: "pisee-jobs", max: 3, schedule: opts.schedule ?? true });
  boss.on("error", (err) => log.error({ err: err.message }, "job queue error"));
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name, { name: job.name, ...QUEUE, ...opts.queue });
    if (opts.schedule ?? true) await boss.schedule(job.name, job.cron, {}, { tz: "UTC" });
    await boss.work(job.name, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2, batchSize: 1 }, async ([item]) => {
      const started = Date.now();
      try {
        const output = (await job.run()) ?? {};
        log.debug({ job: job.name, id: item?.id, ms: Date.now() - started, output }, "job done");
        return output;
      } catch (err) {
        log.error({ job: job.name, id: item?.id, err: err instanceof Error ? err.message : String(err) }, "job failed (it will be retried)");
        throw err;
      }
    });
    await boss.send(job.name, {});
  }
  return { boss, stop: () => boss.stop({ graceful: true, timeout: 10_000 }) };
}

let running: Promise<JobRunner | null> | undefined;

/** The portal's own runner, once per process (instrumentation.ts). PISEE_JOBS=0 turns it off. */
export function startBackgroundJobs(): Promise<JobRunner | null> {
  running ??= (async () => {
    if (process.env.PISEE_JOBS === "0") return null;
    const runner = await startJobRunner({ connectionString: serverEnv().DATABASE_URL });
    const stop = () => void runner.stop().catch(() => {});
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
    log.info({ jobs: JOBS.map((j) => j.name) }, "job runner started");
    return runner;
  })().catch((err) => {
    log.error({ err: err instanceof Error ? err.message : String(err) }, "job runner could not start");
    return null;
  });
  return running;
}

export type JobOverview = { name: string; description: string; cron: string; lastCompletedAt: string | null; lastFailedAt: string | null; lastError: string | null; queued: number };

/** The latest of each job, for the platform console (read from pg-boss's own table). */
export async function jobsOverview(actor: Actor): Promise<JobOverview[]> {
  if (!can(actor, "platform.monitor")) throw new AppError("forbidden", "Solo el equipo de la plataforma ve los trabajos programados.");
  const rows = await getDb()
    .$queryRawUnsafe<{ name: string; completed: Date | null; failed: Date | null; error: unknown; queued: bigint }[]>(
      `SELECT name,
              max(completed_on) FILTER (WHERE state = 'completed') AS completed,
              max(completed_on) FILTER (WHERE state = 'failed') AS failed,
              (array_agg(output ORDER BY completed_on DESC) FILTER (WHERE state = 'failed'))[1] AS error,
              count(*) FILTER (WHERE state IN ('created', 'retry', 'active')) AS queued
       FROM pgboss.job WHERE name = ANY($1) GROUP BY name`,
      JOBS.map((j) => j.name),
    )
    .catch(() => []);
  const byName = new Map(rows.map((r) => [r.name, r]));
  return JOBS.map((job) => {
    const r = byName.get(job.name);
    const error = r?.error as { message?: string } | null | undefined;
    return {
      name: job.name,
      description: job.description,
      cron: job.cron,
      lastCompletedAt: r?.completed?.toISOString() ?? null,
      lastFailedAt: r?.failed?.toISOString() ?? null,
      lastError: error?.message ?? null,
      queued: Number(r?.queued ?? 0),
    };
  });
}
