import "server-only";
import PgBoss from "pg-boss";
import pg from "pg";
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
import { dispatchOutbox } from "@/lib/mail/dispatch";
import { sendDigests } from "@/lib/mail/digest";
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
  /** Cron, five fields, in `tz` (UTC unless given). */
  cron: string;
  /** The IANA time zone of `cron`, when it is a local time (the daily digest: 08:00 in Santiago). */
  tz?: string;
  /** Whether each runner also queues one at start, so the first run does not wait for the cron (default true). */
  runAtStart?: boolean;
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
    name: "mail-outbox",
    cron: "* * * * *",
    description: "Correo: envía lo pendiente del buzón de salida y reintenta lo que falló (también apenas se escribe un correo)",
    run: sendPendingMail,
  },
  {
    name: "mail-digest",
    cron: "0 8 * * *",
    tz: "America/Santiago",
    runAtStart: false,
    description: "Correo: el resumen diario de avisos de quienes lo eligieron",
    run: () => sendDigests(clock.now()),
  },
  {
    name: "revoked-sessions",
    cron: "17 * * * *",
    description: "Sesiones cerradas cuya vigencia ya terminó: se olvidan",
    run: async () => ({ purged: await purgeRevokedSessions() }),
  },
];

/** Batches of the outbox until it is empty, the SMTP server fails, or 45 s have passed (the next run goes on). */
async function sendPendingMail(): Promise<object> {
  const started = Date.now();
  const total = { sent: 0, failed: 0, stopped: false };
  for (;;) {
    const r = await dispatchOutbox();
    total.sent += r.sent;
    total.failed += r.failed;
    total.stopped = r.stopped;
    if (!r.more || Date.now() - started > 45_000) return total;
  }
}

/** What each job's queue promises: one queued and one running at most (stately), three retries with backoff. */
const QUEUE: Omit<PgBoss.Queue, "name"> = { policy: "stately", retryLimit: 3, retryDelay: 15, retryBackoff: true, expireInSeconds: 300, retentionDays: 7 };

export type JobRunner = { boss: PgBoss; stop: () => Promise<void> };

/** The job the outbox's wake-up queues, and the channel of the trigger that sends it (migration 20261130090000). */
export const MAIL_JOB = "mail-outbox";
const MAIL_CHANNEL = "mail_outbox";

/**
 * A LISTEN connection that queues `MAIL_JOB` when a mail is committed to the outbox (at most once
 * every 250 ms: a burst of mails is one job), so mail goes out within seconds instead of at the
 * next minute. Reconnects every 5 s while the database is away; the cron covers the gap.
 */
function listenForMail(connectionString: string, wake: () => Promise<unknown>): { stop: () => Promise<void> } {
  let client: pg.Client | null = null;
  let stopped = false;
  let pending: NodeJS.Timeout | null = null;
  let reconnect: NodeJS.Timeout | null = null;
  const fire = () => {
    if (pending || stopped) return;
    pending = setTimeout(() => {
      pending = null;
      void wake().catch((err) => log.warn({ err: err instanceof Error ? err.message : String(err) }, "mail wake-up could not queue the job"));
    }, 250);
  };
  const retry = () => {
    client = null;
    if (!stopped && !reconnect) reconnect = setTimeout(() => ((reconnect = null), void connect()), 5_000);
  };
  const connect = async () => {
    const c = new pg.Client({ connectionString, application_name: "pisee-mail-wakeup" });
    c.on("notification", (n) => n.channel === MAIL_CHANNEL && fire());
    c.on("error", (err) => log.warn({ err: err.message }, "mail wake-up connection lost"));
    c.on("end", retry);
    try {
      await c.connect();
      await c.query(`LISTEN ${MAIL_CHANNEL}`);
      if (stopped) return void (await c.end().catch(() => {}));
      client = c;
      fire(); // what was written while it was not listening
    } catch (err) {
      log.warn({ err: err instanceof Error ? err.message : String(err) }, "mail wake-up could not listen (retrying)");
      await c.end().catch(() => {});
      retry();
    }
  };
  void connect();
  return {
    stop: async () => {
      stopped = true;
      for (const t of [pending, reconnect]) if (t) clearTimeout(t);
      await client?.end().catch(() => {});
    },
  };
}

/**
 * Starts a worker for `jobs` on the database at `connectionString`: creates the queues, the cron
 * schedules (unless `schedule` is false) and one job of each now (unless the job says
 * `runAtStart: false`), so the first run does not wait for the next tick; with the mail job, the
 * outbox's wake-up listener too.
 */
export async function startJobRunner(opts: {
  connectionString: string;
  jobs?: readonly ScheduledJob[];
  schedule?: boolean;
  pollingIntervalSeconds?: number;
  /** Tests shorten the retry delay. */
  queue?: Partial<typeof QUEUE>;
  /** Wake the mail job on new outbox rows (default: when the runner has it). */
  listen?: boolean;
}): Promise<JobRunner> {
  const jobs = opts.jobs ?? JOBS;
  const boss = new PgBoss({ connectionString: opts.connectionString, schema: "pgboss", application_name: "pisee-jobs", max: 3, schedule: opts.schedule ?? true });
  boss.on("error", (err) => log.error({ err: err.message }, "job queue error"));
  await boss.start();
  for (const job of jobs) {
    await retryOnDeadlock(() => boss.createQueue(job.name, { name: job.name, ...QUEUE, ...opts.queue }));
    if (opts.schedule ?? true) await retryOnDeadlock(() => boss.schedule(job.name, job.cron, {}, { tz: job.tz ?? "UTC" }));
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
    // One start-time run however many instances start in the same minute: the second send finds
    // the first in its time slot (pg-boss singleton) and adds nothing, even after the first
    // instance's worker already picked its job up (then the queue has no queued job to dedupe on).
    if (job.runAtStart ?? true) await boss.send(job.name, {}, { singletonKey: "al-iniciar", singletonSeconds: 60 });
  }
  const listener = (opts.listen ?? jobs.some((j) => j.name === MAIL_JOB)) ? listenForMail(opts.connectionString, () => boss.send(MAIL_JOB, {})) : null;
  return {
    boss,
    stop: async () => {
      await listener?.stop();
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}

/**
 * Two instances starting together create the same queues and schedules at once, and PostgreSQL may
 * pick one of them as a deadlock victim (40P01): that one tries again, a few times, after a short
 * random pause (everything it creates is idempotent).
 */
async function retryOnDeadlock<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if ((err as { code?: string }).code !== "40P01" || attempt >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 200 * attempt));
    }
  }
}

let running: Promise<JobRunner | null> | undefined;

/**
 * The process's runner, where route handlers can find it: Next.js may load this module once for
 * instrumentation.ts and once more for the routes, but both share globalThis.
 */
const shared = globalThis as typeof globalThis & { __piseeJobRunner?: JobRunner };

/** The portal's own runner, once per process (instrumentation.ts). PISEE_JOBS=0 turns it off. */
export function startBackgroundJobs(): Promise<JobRunner | null> {
  running ??= (async () => {
    if (process.env.PISEE_JOBS === "0") return null;
    const runner = await startJobRunner({ connectionString: serverEnv().DATABASE_URL });
    shared.__piseeJobRunner = runner;
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

/**
 * "Ejecutar ahora": queues one run of a job, done within seconds by whichever instance takes it
 * (one at a time, as always: if one is already queued, that one is the run). Platform admins only.
 */
export async function runJobNow(actor: Actor, name: string): Promise<{ name: string; queued: boolean }> {
  if (!can(actor, "platform.run_jobs")) throw new AppError("forbidden", "Solo el equipo de la plataforma ejecuta los trabajos programados.");
  const job = JOBS.find((j) => j.name === name);
  if (!job) throw new AppError("not_found", `No existe el trabajo ${name}.`);
  let id: string | null;
  const runner = shared.__piseeJobRunner;
  if (runner) {
    id = await runner.boss.send(job.name, {});
  } else {
    // This process runs no worker (PISEE_JOBS=0): queue it for the instances that do.
    const boss = new PgBoss({ connectionString: serverEnv().DATABASE_URL, schema: "pgboss", application_name: "pisee-jobs", max: 1, supervise: false, schedule: false });
    boss.on("error", (err) => log.error({ err: err.message }, "job queue error"));
    await boss.start();
    try {
      await boss.createQueue(job.name, { name: job.name, ...QUEUE });
      id = await boss.send(job.name, {});
    } finally {
      await boss.stop({ graceful: false, wait: true }).catch(() => {});
    }
  }
  log.info({ job: job.name, by: actor.run, queued: id !== null }, "job run requested");
  return { name: job.name, queued: id !== null };
}

export type JobOverview = { name: string; description: string; cron: string; tz: string; lastCompletedAt: string | null; lastFailedAt: string | null; lastError: string | null; queued: number };

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
      tz: job.tz ?? "UTC",
      lastCompletedAt: r?.completed?.toISOString() ?? null,
      lastFailedAt: r?.failed?.toISOString() ?? null,
      lastError: error?.message ?? null,
      queued: Number(r?.queued ?? 0),
    };
  });
}
