/**
 * The demo's small network: two node-agent processes (a consumer municipality and SRCEI as
 * provider) and SRCEI's backend, with an agreement in force between them. Nodes go through the
 * real path: a pending node with a one-time token (as the institution admin would create it),
 * `node-agent init` with the portal's anchor, `node-agent register`, `node-agent start`.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { startDemoBackend } from "./demo-backend";
import { buildNodeAgentIfNeeded, nodeAgentRuntimeFlags } from "./node-agent-build";
import { withClient } from "./postgres";

export type DemoNodeSpec = { id: string; role: "consumer" | "provider"; localPort: number; networkPort: number };
export type DemoNetwork = {
  consumerLocalUrl: string;
  providerLocalUrl: string;
  backendUrl: string;
  /** Stops the provider's backend only (the nodes keep running). */
  stopBackend: () => Promise<void>;
  stop: () => Promise<void>;
};

export const DEMO_SERVICE = "SRCEI/certificado-nacimiento/v1";
/** The demo persons who administer each institution (and sign as its head of service). */
const ADMINS: Record<string, string> = { "MUN-SANTIAGO": "15234567-4", SRCEI: "12345678-5", MDSF: "17654321-3" };

/** An agreement in force between `consumer` and SRCEI for `service` (dev), made as if both had signed. */
export async function ensureDemoAgreement(databaseUrl: string, consumer = "MUN-SANTIAGO", service = DEMO_SERVICE): Promise<void> {
  await withClient(databaseUrl, async (c) => {
    const existing = await c.query(
      "SELECT id FROM agreement WHERE consumer_code = $1 AND service_id = $2 AND environment = 'dev' AND status = 'VIGENTE'",
      [consumer, service],
    );
    if (existing.rowCount) return;
    await c.query("BEGIN");
    try {
      const terms = await c.query<{ version: number; sha256: string }>("SELECT version, sha256 FROM standard_terms ORDER BY version DESC LIMIT 1");
      const { version, sha256 } = terms.rows[0]!;
      const seq = await c.query<{ n: string }>("SELECT nextval('agreement_number_seq')::text AS n");
      const number = `ACU-${new Date().getFullYear()}-${seq.rows[0]!.n.padStart(6, "0")}`;
      const { rows } = await c.query<{ id: string }>(
        `INSERT INTO agreement (id, number, consumer_code, service_id, provider_code, environment, type, legal_basis, declared_volume, mode,
           requested_tps, status, granted_tps, granted_availability, standard_terms_version, terms_sha256, submitted_at, in_force_since,
           created_by_run, updated_at)
         VALUES (gen_random_uuid(), $1, $2, $3, 'SRCEI', 'dev', 'SERVICIO', 'Decreto Ley 3.063, de Rentas Municipales (demostración)', 1000, 'EN_LINEA',
           20, 'VIGENTE', 20, 99.5, $4, $5, now(), now(), $6, now()) RETURNING id`,
        [number, consumer, service, version, sha256, ADMINS[consumer]],
      );
      const id = rows[0]!.id;
      await c.query("INSERT INTO agreement_procedure (agreement_id, procedure_code) VALUES ($1, 'CPAT-MDSF-0005')", [id]);
      await c.query(
        "INSERT INTO agreement_signature (id, agreement_id, side, signer_run, terms_sha256) VALUES (gen_random_uuid(), $1, 'CONSUMER', $2, $4), (gen_random_uuid(), $1, 'PROVIDER', $3, $4)",
        [id, ADMINS[consumer], ADMINS.SRCEI, sha256],
      );
      await c.query(
        `INSERT INTO agreement_event (agreement_id, action, from_status, to_status, actor_run, reason)
         VALUES ($1, 'create', NULL, 'BORRADOR', $2, 'Acuerdo de la demostración'), ($1, 'submit', 'BORRADOR', 'ENVIADA', $2, NULL),
                ($1, 'take_up', 'ENVIADA', 'EN_REVISION', $3, NULL), ($1, 'accept', 'EN_REVISION', 'ACEPTADA', $3, NULL),
                ($1, 'await_signatures', 'ACEPTADA', 'PENDIENTE_FIRMA', NULL, NULL), ($1, 'sign', 'PENDIENTE_FIRMA', 'PENDIENTE_FIRMA', $3, NULL),
                ($1, 'sign', 'PENDIENTE_FIRMA', 'PENDIENTE_FIRMA', $2, NULL), ($1, 'in_force', 'PENDIENTE_FIRMA', 'VIGENTE', NULL, 'Firmado por ambas jefaturas de servicio')`,
        [id, ADMINS[consumer], ADMINS.SRCEI],
      );
      await c.query("COMMIT");
    } catch (err) {
      await c.query("ROLLBACK").catch(() => {});
      throw err;
    }
  });
}

/** A pending node with a one-time registration token, as the institution's admin creates it. */
async function createPendingNode(databaseUrl: string, id: string, baseUrl: string): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  const [institution, name] = id.split("/") as [string, string];
  await withClient(databaseUrl, async (c) => {
    await c.query("DELETE FROM node_key WHERE node_id = $1", [id]);
    await c.query(
      `INSERT INTO node (id, institution_code, name, environment, base_url, status, token_hash, token_purpose, token_expires_at, created_by_run)
       VALUES ($1, $2, $3, 'dev', $4, 'PENDING', $5, 'register', now() + interval '1 day', $6)
       ON CONFLICT (id) DO UPDATE SET status = 'PENDING', base_url = EXCLUDED.base_url, token_hash = EXCLUDED.token_hash,
         token_purpose = 'register', token_expires_at = EXCLUDED.token_expires_at, revoked_at = NULL, activated_at = NULL`,
      [id, institution, name, baseUrl, crypto.createHash("sha256").update(token).digest("hex"), ADMINS[institution]],
    );
  });
  return token;
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Un nodo terminó al iniciar (código ${child.exitCode}).`);
    try {
      const r = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`El nodo en ${url} no quedó listo en ${timeoutMs / 1000} s.`);
}

async function isActive(databaseUrl: string, id: string): Promise<boolean> {
  return withClient(databaseUrl, async (c) => (await c.query("SELECT 1 FROM node WHERE id = $1 AND status = 'ACTIVE'", [id])).rowCount === 1);
}

export async function startDemoNetwork(opts: {
  portalUrl: string;
  databaseUrl: string;
  dataRoot: string;
  backendPort: number;
  nodes: DemoNodeSpec[];
  /** The provider's services answered by the demo backend. */
  services?: string[];
  /** How often nodes fetch the network configuration (the demo: 10 s; production default 60 s). */
  refreshSeconds?: number;
  /** Extra Node.js flags for the node processes (the benchmark's profile: `--cpu-prof`). */
  nodeFlags?: string[];
  /** The nodes' timeouts (node-agent settings `timeouts`; defaults 15 s to the provider, 10 s to the backend). */
  timeouts?: { providerMs?: number; backendMs?: number };
  log: (l: string) => void;
}): Promise<DemoNetwork> {
  const cli = buildNodeAgentIfNeeded(opts.log);
  /** Each node's data folder: `INSTITUCION_nombre` under the data root. */
  const dirOf = (n: DemoNodeSpec) => path.join(opts.dataRoot, n.id.replace("/", "_"));
  const backend = await startDemoBackend(opts.backendPort);
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const child of children) {
      if (child.exitCode !== null) continue;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      let timer: NodeJS.Timeout | undefined;
      // 15 s: a node started with --cpu-prof writes its profile as it exits.
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 15_000)))]);
      clearTimeout(timer);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    await backend.close();
  };
  try {
    const urls: Record<string, string> = {};
    for (const n of opts.nodes) {
      const dir = dirOf(n);
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const settings = {
        portalUrl: opts.portalUrl,
        environment: "dev",
        dataDir: ".",
        local: { host: "127.0.0.1", port: n.localPort },
        network: { host: "127.0.0.1", port: n.networkPort, insecureHttp: true },
        backends: n.role === "provider" ? Object.fromEntries((opts.services ?? [DEMO_SERVICE]).map((svc) => [svc, backend.url])) : {},
        refreshSeconds: opts.refreshSeconds ?? 10,
        ...(opts.timeouts ? { timeouts: opts.timeouts } : {}),
      };
      fs.writeFileSync(path.join(dir, "node-agent.json"), JSON.stringify(settings, null, 2) + "\n");
      // Registered before and still active in this database: reuse its keys; otherwise register again.
      if (!fs.existsSync(path.join(dir, "registration.json")) || !(await isActive(opts.databaseUrl, n.id))) {
        const token = await createPendingNode(opts.databaseUrl, n.id, `http://127.0.0.1:${n.networkPort}`);
        execFileSync(process.execPath, [cli, "init", "--data", dir, "--portal", opts.portalUrl, "--force"], { stdio: "ignore" });
        // The token travels in the environment, not on the command line (where `ps` shows it).
        execFileSync(process.execPath, [cli, "register", "--portal", opts.portalUrl, "--data", dir], { stdio: "ignore", env: { ...process.env, PISEE_NODE_TOKEN: token } });
        opts.log(`Nodo ${n.id} registrado.`);
      }
    }
    // Every node is registered before any starts, so each one's first configuration lists its peers.
    for (const n of opts.nodes) {
      const dir = dirOf(n);
      const out = fs.openSync(path.join(dir, "node.log"), "a");
      const child = spawn(process.execPath, [...nodeAgentRuntimeFlags(cli), ...(opts.nodeFlags ?? []), cli, "start", "--config", path.join(dir, "node-agent.json")], { cwd: dir, stdio: ["ignore", out, out] });
      children.push(child);
      urls[n.id] = `http://127.0.0.1:${n.localPort}`;
      await waitReady(urls[n.id]!, child, 30_000);
    }
    const consumer = opts.nodes.find((n) => n.role === "consumer")!;
    const provider = opts.nodes.find((n) => n.role === "provider")!;
    return { consumerLocalUrl: urls[consumer.id]!, providerLocalUrl: urls[provider.id]!, backendUrl: backend.url, stopBackend: backend.close, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
