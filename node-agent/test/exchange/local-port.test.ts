import { execFile } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { writeJsonFile } from "../../src/files.ts";
import { createHarness } from "../support/harness.ts";

/**
 * The app-facing port (PROTOCOL.md §3.1) of `node-agent start` processes: the Host and Origin rule on
 * every path, per-app bearer credentials made with `node-agent app-token`, and the refusal to start
 * on a non-loopback address without them.
 */
const CLI = fileURLToPath(new URL("../../src/cli.ts", import.meta.url));
const SERVICE = "SRCEI/certificado-nacimiento/v1";
const OTHER = "SRCEI/discapacidad/v1";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

let h: Awaited<ReturnType<typeof createHarness>>;
let open: Awaited<ReturnType<typeof h.addNodeProcess>>;
let guarded: Awaited<ReturnType<typeof h.addNodeProcess>>;
let token: string;
let otherToken: string;

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", CLI, ...args], { env: { ...process.env, NODE_OPTIONS: "" }, timeout: 20_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function appToken(name: string, ...services: string[]) {
  const r = await cli(["app-token", "--name", name, ...services.flatMap((s) => ["--service", s]), "--json"]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { token: string; app: { name: string; tokenSha256: string; services: string[] } };
}

/** A request with exactly the headers given (Host included), as a browser or a rebinding page could send. */
function raw(base: string, path: string, headers: Record<string, string>): Promise<{ status: number; code: string | undefined; text: string }> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path, method: "GET", headers, setHost: false, agent: false }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString("utf8")));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, code: res.headers["pisee-error"] as string | undefined, text }));
    });
    req.on("error", reject);
    req.end();
  });
}
const hostOf = (url: string) => new URL(url).host;

beforeAll(async () => {
  h = await createHarness();
  await h.addNodeProcess("SRCEI/nodo-1", "provider");
  open = await h.addNodeProcess("MUN-SANTIAGO/nodo-1", "consumer");
  const a = await appToken("tramites", SERVICE);
  const b = await appToken("salud", OTHER);
  token = a.token;
  otherToken = b.token;
  guarded = await h.addNodeProcess("MUN-SANTIAGO/nodo-2", "consumer", { apps: [a.app, b.app], logLevel: "info" });
  for (const n of [open, guarded]) await n.node.refreshNow();
});
afterAll(async () => h?.close());

describe("Host and Origin on every path of the local port (§3.1)", () => {
  const paths = [`/r1/${SERVICE}/x`, "/health", "/status", "/metrics"];
  it("its own address and port pass (127.0.0.1 and localhost)", async () => {
    const port = new URL(open.node.localUrl).port;
    for (const host of [hostOf(open.node.localUrl), `localhost:${port}`]) {
      const r = await raw(open.node.localUrl, `/r1/${SERVICE}/x`, { host });
      expect(r.status, host).toBe(200);
      expect((await raw(open.node.localUrl, "/health", { host })).status).toBe(200);
    }
  });
  it.each(paths)("DNS rebinding (a foreign Host) is refused with 403 client.forbidden: %s", async (p) => {
    const port = new URL(open.node.localUrl).port;
    for (const host of [`rebind.attacker.example:${port}`, "127.0.0.1:1", `[::1]:${port}`]) {
      const r = await raw(open.node.localUrl, p, { host });
      expect([r.status, r.code], host).toEqual([403, "client.forbidden"]);
    }
  });
  it.each(paths)("any Origin (a browser) is refused with 403 client.forbidden: %s", async (p) => {
    for (const origin of [open.node.localUrl, "null", "https://portal.example"]) {
      const r = await raw(open.node.localUrl, p, { host: hostOf(open.node.localUrl), origin });
      expect([r.status, r.code], origin).toEqual([403, "client.forbidden"]);
    }
  });
  it("node-agent status still reads the running node", async () => {
    const settings = JSON.parse(fs.readFileSync(path.join(open.dataDir, "node-agent.json"), "utf8")) as { local: { port: number } };
    settings.local.port = Number(new URL(open.node.localUrl).port);
    const file = path.join(open.dataDir, "status.json");
    writeJsonFile(file, settings);
    const r = await cli(["status", "--config", file, "--json"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ node: "MUN-SANTIAGO/nodo-1", config: { state: "valid" } });
  });
});

describe("per-app bearer credentials (apps in node-agent.json)", () => {
  const call = (headers: Record<string, string>, service = SERVICE) => raw(guarded.node.localUrl, `/r1/${service}/x`, { host: hostOf(guarded.node.localUrl), ...headers });

  it("no token, or one of no app: 401 client.unauthenticated", async () => {
    for (const headers of <Record<string, string>[]>[{}, { authorization: "Bearer nada" }, { authorization: `Basic ${token}` }, { authorization: token }]) {
      const r = await call(headers);
      expect([r.status, r.code], JSON.stringify(headers)).toEqual([401, "client.unauthenticated"]);
    }
  });
  it("an app's token for a service not listed for it: 403 client.forbidden", async () => {
    const r = await call({ authorization: `Bearer ${otherToken}` });
    expect([r.status, r.code]).toEqual([403, "client.forbidden"]);
    expect(JSON.parse(r.text).error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
  it("the app's token for its service: the exchange goes through; the token is neither forwarded nor logged", async () => {
    const r = await call({ authorization: `Bearer ${token}` });
    expect(r.status, r.text).toBe(200);
    expect(h.received.at(-1)!.headers.authorization).toBeUndefined();
    await new Promise((res) => setTimeout(res, 1500)); // log lines are written within a second
    expect(guarded.node.output()).toContain('"app":"tramites"');
    expect(guarded.node.output()).not.toContain(token);
  });
  it("the read-only endpoints need no token (Host and Origin still apply)", async () => {
    expect((await raw(guarded.node.localUrl, "/health", { host: hostOf(guarded.node.localUrl) })).status).toBe(200);
  });
});

describe("a local port off loopback", () => {
  it("node-agent start refuses it without apps, before listening", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pisee-local-"));
    try {
      const file = path.join(dir, "node-agent.json");
      writeJsonFile(file, { portalUrl: h.portalUrl, environment: "dev", dataDir: dir, local: { host: "0.0.0.0", port: 0 }, network: { host: "127.0.0.1", port: 0, insecureHttp: true } });
      const r = await cli(["start", "--config", file]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/local\.host: .*no es de loopback/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
