import { afterEach, describe, expect, it } from "vitest";
import * as collection from "@/app/api/v1/agreements/route";
import * as one from "@/app/api/v1/agreements/[id]/route";
import { clock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { JOBS, jobsOverview, startJobRunner, type JobRunner, type ScheduledJob } from "@/lib/jobs";
import { call } from "../support/api";

// Scheduled work on pg-boss: two portal instances share the database; each job is done once,
// failures are retried, and every job is visible.

const MUN_ADMIN = "15234567-4";
const runners: JobRunner[] = [];

afterEach(async () => {
  clock.set(null);
  await Promise.all(runners.splice(0).map((r) => r.stop()));
});

async function runner(jobs: ScheduledJob[]) {
  const r = await startJobRunner({ connectionString: process.env.DATABASE_URL!, jobs, schedule: false, pollingIntervalSeconds: 0.5, queue: { retryDelay: 1, retryBackoff: false } });
  runners.push(r);
  return r;
}

async function until(check: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function states(name: string): Promise<{ state: string; retry_count: number }[]> {
  return getDb().$queryRawUnsafe(`SELECT state, retry_count FROM pgboss.job WHERE name = $1 ORDER BY created_on`, name);
}

describe("scheduled jobs (pg-boss)", () => {
  it("two instances: the deadline job is done once, and the overdue request expires", async () => {
    clock.set(new Date("2026-11-26T15:00:00Z"));
    const sent = await call(collection.POST, "/api/v1/agreements", {
      method: "POST",
      as: MUN_ADMIN,
      body: { consumer: "MUN-SANTIAGO", service: "IPS/pgu/v2", environment: "dev", type: "SERVICIO", procedures: ["CPAT-IPS-0020"], legalBasis: "Ley 21.419, pensión garantizada universal", declaredVolume: 10, mode: "EN_LINEA", requestedTps: 1, submit: true },
    });
    expect(sent.json.status).toBe("ENVIADA");
    clock.set(new Date("2027-02-01T12:00:00Z"));
    const deadlines = JOBS.find((j) => j.name === "agreement-deadlines")!;
    let runs = 0;
    const counted: ScheduledJob = { ...deadlines, run: async () => (runs++, deadlines.run()) };
    // Each instance sends one job at start: the queue keeps one queued at most.
    await Promise.all([runner([counted]), runner([counted])]);
    await until(async () => (await states("agreement-deadlines")).some((j) => j.state === "completed"), "the deadline job");
    expect(runs).toBe(1);
    const row = await getDb().agreement.findUniqueOrThrow({ where: { id: sent.json.id }, select: { status: true } });
    expect(row.status).toBe("VENCIDA");
    expect((await call(one.GET, "/x", { params: { id: sent.json.id }, as: MUN_ADMIN })).json.events.at(-1)).toMatchObject({ action: "expire", actor: null });
  });

  it("a failed job is retried, and the console shows its last success", async () => {
    let attempts = 0;
    const flaky: ScheduledJob = {
      name: "network-config",
      cron: "* * * * *",
      description: "prueba",
      run: async () => {
        attempts++;
        if (attempts === 1) throw new Error("la base de datos no respondió");
        return { ok: true };
      },
    };
    await runner([flaky]);
    await until(async () => (await states("network-config")).some((j) => j.state === "completed"), "the retried job");
    expect(attempts).toBe(2);
    const done = (await states("network-config")).find((j) => j.state === "completed")!;
    expect(done.retry_count).toBe(1);
    const overview = await jobsOverview({ run: "10987654-2", isPlatformAdmin: true, givenNames: "", familyNames: "", memberships: [] });
    expect(overview.map((j) => j.name)).toEqual(JOBS.map((j) => j.name));
    expect(overview.find((j) => j.name === "network-config")!.lastCompletedAt).not.toBeNull();
  });
});
