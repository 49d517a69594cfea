import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { generateKeyPairs, signJws, type KeyPair, type PublicJwk } from "../../src/crypto/suite.ts";
import { writeJsonFile } from "../../src/files.ts";
import { createKeys, type NodeKeys } from "../../src/keystore.ts";
import { startNode, type RunningNode } from "../../src/node.ts";
import type { NetworkConfigPayload } from "../../src/protocol/config.ts";
import { parseSettings } from "../../src/settings.ts";

const CLI = fileURLToPath(new URL("../../src/cli.ts", import.meta.url));

/** A node-agent running as a child process, seen only through its ports. */
export type ProcessNode = {
  nodeId: string;
  localUrl: string;
  networkUrl: string;
  /** Waits (bounded) until the node runs the stand-in portal's latest configuration version. */
  refreshNow: () => Promise<void>;
  /** What the process wrote on stdout (its log lines) so far. */
  output: () => string;
  close: () => Promise<void>;
};

/**
 * Starts `node-agent start` from its sources (tsx) and waits for its "✓ Nodo …" line; a node that
 * exits first fails with what it wrote on stderr.
 */
async function spawnNode(nodeId: string, configFile: string, latestVersion: () => number): Promise<ProcessNode> {
  const child = spawn(process.execPath, ["--import", "tsx", CLI, "start", "--config", configFile], {
    cwd: path.dirname(CLI),
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const urls = await new Promise<{ local: string; network: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${nodeId} no quedó listo en 20 s: ${stderr}`)), 20_000);
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString("utf8");
      const m = /local (\S+), red (\S+)/.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve({ local: m[1]!, network: m[2]! });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${nodeId} terminó (código ${code}) antes de estar listo: ${stderr}`));
    });
  });
  return {
    nodeId,
    localUrl: urls.local,
    networkUrl: urls.network,
    output: () => stdout,
    refreshNow: async () => {
      const want = latestVersion();
      for (let i = 0; i < 100; i++) {
        const status = (await (await fetch(`${urls.local}/status`)).json()) as { config: { version?: number } };
        if ((status.config.version ?? 0) >= want) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`${nodeId} no llegó a la versión ${want} de la configuración en 10 s`);
    },
    close: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * A small network for tests: a stand-in portal that serves a configuration signed with its own
 * configuration key, a backend that echoes what it receives, and nodes started from data folders
 * prepared as `init` + `register` would.
 */
export type Harness = {
  portalUrl: string;
  configKey: KeyPair;
  consentKey: KeyPair;
  backendUrl: string;
  received: { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }[];
  setBackend: (fn: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void) => void;
  config: () => NetworkConfigPayload;
  /** Changes the configuration (a new version) — nodes see it at their next refresh. */
  update: (fn: (c: NetworkConfigPayload) => void) => void;
  addNode: (id: string, role: "consumer" | "provider", extra?: Record<string, unknown>) => Promise<{ node: RunningNode; keys: NodeKeys; dataDir: string }>;
  /** The same node as its own process: `node-agent start --config …`, the command an institution runs. */
  addNodeProcess: (id: string, role: "consumer" | "provider", extra?: Record<string, unknown>) => Promise<{ node: ProcessNode; keys: NodeKeys; dataDir: string }>;
  signConfig: (payload: object, key?: KeyPair) => string;
  close: () => Promise<void>;
};

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function createHarness(opts: { nowMs?: () => number } = {}): Promise<Harness & { advance: (ms: number) => void; now: () => number }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "pisee-harness-"));
  const configKey = generateKeyPairs().sig;
  const consentKey = generateKeyPairs().sig;
  // The nodes' clock: real time plus an offset tests can move (e.g. past a fresh node's replay
  // guard, which refuses messages issued in its first 30 s).
  let offset = 0;
  const nowMs = opts.nowMs ?? (() => Date.now() + offset);
  const portalKeys: PublicJwk[] = [
    { ...configKey.publicJwk, purpose: "config" } as PublicJwk,
    { ...consentKey.publicJwk, purpose: "consent" } as PublicJwk,
  ];
  let version = 1;
  let content: Omit<NetworkConfigPayload, "version" | "issuedAt" | "expiresAt"> = {
    env: "dev",
    portal: { tracesUrl: "http://127.0.0.1:1/api/v1/traces", jwks: { keys: portalKeys } },
    institutions: [
      { code: "MUN-SANTIAGO", name: "Municipalidad de Santiago" },
      { code: "SRCEI", name: "Servicio de Registro Civil e Identificación" },
    ],
    nodes: [],
    services: [
      { id: "SRCEI/certificado-nacimiento/v1", provider: "SRCEI", nodes: [], sensitive: false, requestSchema: null, responseSchema: null },
      { id: "SRCEI/discapacidad/v1", provider: "SRCEI", nodes: [], sensitive: true, requestSchema: null, responseSchema: null },
      { id: "SRCEI/identidad/v1", provider: "SRCEI", nodes: [], sensitive: false, requestSchema: null, responseSchema: null },
    ],
    agreements: [
      { id: "11111111-1111-4111-8111-111111111111", consumer: "MUN-SANTIAGO", service: "SRCEI/certificado-nacimiento/v1", tps: 1000, validUntil: null },
      { id: "22222222-2222-4222-8222-222222222222", consumer: "MUN-SANTIAGO", service: "SRCEI/discapacidad/v1", tps: 1000, validUntil: null },
    ],
    revokedConsents: [],
  };
  const signConfig = (payload: object, key = configKey) => signJws(payload, { privateKey: key.privateKey, kid: key.publicJwk.kid, typ: "pisee-config+jwt" });
  const config = (): NetworkConfigPayload => {
    const issuedAt = new Date(nowMs());
    return { ...structuredClone(content), version, issuedAt: issuedAt.toISOString(), expiresAt: new Date(issuedAt.getTime() + 15 * 60 * 1000).toISOString() } as NetworkConfigPayload;
  };
  const portal = http.createServer((req, res) => {
    if (req.url?.startsWith("/api/v1/network-config")) {
      const jws = signConfig(config());
      res.writeHead(200, { "content-type": "application/jose" });
      res.end(jws);
      return;
    }
    res.writeHead(404).end();
  });
  const portalUrl = await listen(portal);

  const received: Harness["received"] = [];
  let backendFn: Parameters<Harness["setBackend"]>[0] = (req, res, body) => {
    res.writeHead(200, { "content-type": "application/json", "set-cookie": "x=1", etag: '"v1"', "x-internal": "secret" });
    res.end(JSON.stringify({ ok: true, method: req.method, url: req.url, subject: req.headers["pisee-subject"] ?? null, body }));
  };
  const backend = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      backendFn(req, res, body);
    });
  });
  const backendUrl = await listen(backend);
  const nodes: { close: () => Promise<void> }[] = [];

  /** A data folder as `init` + `register` leave it, the node announced in the configuration, its settings. */
  const prepare = (id: string, role: "consumer" | "provider", extra: Record<string, unknown>) => {
    const dataDir = path.join(root, id.replace("/", "_"));
    const keys = createKeys(dataDir);
    writeJsonFile(path.join(dataDir, "anchor.json"), { keys: [configKey.publicJwk] });
    writeJsonFile(path.join(dataDir, "registration.json"), { nodeId: id, environment: "dev", networkConfigUrl: "", tracesUrl: "", kids: [] });
    // Announce the node before it starts, with a placeholder URL fixed once it listens.
    const institution = id.split("/")[0]!;
    const entry = { id, institution, url: "http://127.0.0.1:1", jwks: { keys: [keys.sig.publicJwk, keys.enc.publicJwk] } };
    content.nodes.push(entry);
    if (role === "provider") for (const s of content.services) if (s.provider === institution) s.nodes.push(id);
    const settings = {
      portalUrl,
      environment: "dev",
      dataDir,
      local: { host: "127.0.0.1", port: 0 },
      network: { host: "127.0.0.1", port: 0, insecureHttp: true },
      backends: role === "provider" ? Object.fromEntries(content.services.filter((s) => s.provider === institution).map((s) => [s.id, backendUrl])) : {},
      refreshSeconds: 3600,
      logLevel: "silent",
      ...extra,
    };
    return { settings, entry, keys, dataDir };
  };

  return {
    now: nowMs,
    advance: (ms: number) => {
      offset += ms;
    },
    portalUrl,
    configKey,
    consentKey,
    backendUrl,
    received,
    setBackend: (fn) => (backendFn = fn),
    config,
    signConfig,
    update: (fn) => {
      const c = config();
      fn(c);
      const { version: _v, issuedAt: _i, expiresAt: _e, ...rest } = c;
      content = rest;
      version += 1;
    },
    addNode: async (id, role, extra = {}) => {
      const { settings, entry, keys, dataDir } = prepare(id, role, extra);
      const node = await startNode(parseSettings(settings), { nowMs });
      entry.url = node.networkUrl;
      version += 1;
      nodes.push(node);
      return { node, keys, dataDir };
    },
    addNodeProcess: async (id, role, extra = {}) => {
      // Polled every second: `refreshNow` waits for the node to show the latest version.
      const { settings, entry, keys, dataDir } = prepare(id, role, { refreshSeconds: 1, ...extra });
      const file = path.join(dataDir, "node-agent.json");
      writeJsonFile(file, settings);
      const node = await spawnNode(id, file, () => version);
      entry.url = node.networkUrl;
      version += 1;
      nodes.push(node);
      return { node, keys, dataDir };
    },
    close: async () => {
      for (const n of nodes) await n.close();
      await new Promise((r) => portal.close(r));
      await new Promise((r) => backend.close(r));
      portal.closeAllConnections();
      backend.closeAllConnections();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
