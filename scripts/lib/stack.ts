/**
 * Starts everything the portal needs on loopback: PostgreSQL (embedded unless DATABASE_URL),
 * migrations and seed, the ClaveÚnica emulator, a mail catcher with a web inbox (maildev, unless
 * SMTP_URL names a real server; always in tests), and the portal itself (a production build with
 * `next start`, or `next dev`). Used by `npm start` and by the end-to-end tests.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import pg from "pg";
import { startEmulator } from "@pisee/claveunica-emulator";
import { AFTER_LOGOUT } from "../../lib/auth/claveunica";
import { seedDatabase } from "../../prisma/seed";
import { buildIfNeeded } from "./build";
import { redactSmtpUrl, startMailCatcher } from "./mailcatcher";
import { openDemoDatabase } from "./demo-database";
import { projectRoot } from "./paths";
import { createThrowawayDatabase, freePort } from "./postgres";
import { migrateDeploy } from "./prisma-cli";
import { loadDemoSecrets } from "./secrets";

export type StackOptions = {
  /** demo: the persistent local database and secrets in .data/; test: a throwaway database and fresh secrets. */
  mode: "demo" | "test";
  portalPort: number;
  emulatorPort: number;
  dev?: boolean;
  log: (line: string) => void;
  /** Where the portal's own output goes. */
  portalOutput?: "inherit" | "ignore" | "pipe";
  /** The mail catcher's SMTP and web ports (free ones when absent). */
  mailPorts?: { smtp: number; web: number };
};

export type Stack = {
  portalUrl: string;
  issuer: string;
  databaseUrl: string;
  /** The SMTP server the portal sends through (password hidden). */
  smtpUrl: string;
  /** The mail catcher's web inbox (and REST API); null when SMTP_URL names a real server. */
  mailWebUrl: string | null;
  stop: () => Promise<void>;
};

export const CLIENT_ID = "pisee-portal";

async function isEmpty(databaseUrl: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const r = await c.query<{ n: string }>("SELECT count(*)::text AS n FROM institution");
    return r.rows[0]?.n === "0";
  } finally {
    await c.end();
  }
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`El portal terminó al iniciar (código ${child.exitCode}).`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`El portal no respondió en ${timeoutMs / 1000} s.`);
}

export async function startStack(opts: StackOptions): Promise<Stack> {
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const c of cleanups.reverse()) await c().catch(() => {});
    cleanups.length = 0;
  };
  try {
    // 1. Database, schema and data.
    let databaseUrl: string;
    if (opts.mode === "demo") {
      const db = await openDemoDatabase(opts.log);
      databaseUrl = db.url;
      if (db.cluster) cleanups.push(() => db.cluster!.stop());
    } else {
      const db = await createThrowawayDatabase();
      databaseUrl = db.url;
      cleanups.push(db.drop);
    }
    opts.log("Aplicando migraciones…");
    migrateDeploy(databaseUrl, { quiet: true });
    // The seed is idempotent and keeps what people changed: it runs on every start, so a demo
    // database created by an older version gets what newer versions seed (e.g. standard terms).
    const empty = await isEmpty(databaseUrl);
    const s = await seedDatabase(databaseUrl, { demo: true });
    if (empty) opts.log(`Datos cargados: ${s.institutions} instituciones, ${s.persons} personas de prueba.`);

    // 2. Secrets: per install for the demo, fresh for a test run.
    const secrets =
      opts.mode === "demo"
        ? loadDemoSecrets()
        : {
            nextauthSecret: crypto.randomBytes(48).toString("base64url"),
            claveunicaClientSecret: crypto.randomBytes(32).toString("base64url"),
            masterKey: crypto.randomBytes(32).toString("base64url"),
          };

    // 3. The ClaveÚnica emulator, knowing the portal as its client.
    const portalUrl = `http://localhost:${opts.portalPort}`;
    const emulator = await startEmulator({
      port: opts.emulatorPort,
      clients: [
        {
          client_id: CLIENT_ID,
          client_secret: secrets.claveunicaClientSecret,
          client_name: "Portal de la Red de Interoperabilidad del Estado",
          redirect_uris: [`${portalUrl}/api/auth/callback/claveunica`],
          post_logout_redirect_uris: Object.values(AFTER_LOGOUT).map((back) => `${portalUrl}${back}`),
          // Like a strict IdP, PKCE is required, unless the portal is told not to use it.
          pkce_required: process.env.CLAVEUNICA_PKCE !== "off",
        },
      ],
      log: (l) => opts.log(`[claveunica] ${l}`),
    });
    cleanups.push(() => emulator.close());

    // 4. Mail: the server SMTP_URL names (demo only), else a local catcher with a web inbox.
    let smtpUrl: string;
    let mailWebUrl: string | null = null;
    if (opts.mode === "demo" && process.env.SMTP_URL) {
      smtpUrl = process.env.SMTP_URL;
      opts.log(`Correo: se envía por el servidor SMTP de SMTP_URL (${redactSmtpUrl(smtpUrl)}).`);
    } else {
      const catcher = await startMailCatcher({ smtp: opts.mailPorts?.smtp ?? (await freePort()), web: opts.mailPorts?.web ?? (await freePort()) });
      cleanups.push(catcher.stop);
      smtpUrl = catcher.smtpUrl;
      mailWebUrl = catcher.webUrl;
    }

    // 5. The portal.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: opts.dev ? "development" : "production",
      PISEE_DEMO: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: portalUrl,
      NEXTAUTH_SECRET: secrets.nextauthSecret,
      CLAVEUNICA_ISSUER: emulator.issuer,
      CLAVEUNICA_CLIENT_ID: CLIENT_ID,
      CLAVEUNICA_CLIENT_SECRET: secrets.claveunicaClientSecret,
      CLAVEUNICA_LOGOUT_URL: `${emulator.issuer}/api/v1/accounts/app/logout`,
      PISEE_MASTER_KEY: secrets.masterKey,
      SMTP_URL: smtpUrl,
      LOG_LEVEL: process.env.LOG_LEVEL ?? (opts.mode === "test" ? "warn" : "info"),
    };
    if (!opts.dev) buildIfNeeded(opts.log);
    const next = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");
    const child = spawn(process.execPath, [next, opts.dev ? "dev" : "start", "-p", String(opts.portalPort), "-H", "127.0.0.1"], {
      cwd: projectRoot,
      env,
      stdio: ["ignore", opts.portalOutput ?? "inherit", opts.portalOutput ?? "inherit"],
    });
    cleanups.push(async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    });
    await waitForHealth(portalUrl, child, opts.dev ? 120_000 : 60_000);
    return { portalUrl, issuer: emulator.issuer, databaseUrl, smtpUrl: redactSmtpUrl(smtpUrl), mailWebUrl, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
