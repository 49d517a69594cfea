import { execFile } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { createKeys } from "../src/keystore.ts";

/** `node-agent register` as an institution runs it, against a stand-in portal that records the token it gets. */
const CLI = fileURLToPath(new URL("../src/cli.ts", import.meta.url));
vi.setConfig({ testTimeout: 30_000 });

let portal: http.Server;
let portalUrl: string;
const tokens: string[] = [];

beforeAll(async () => {
  portal = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      tokens.push((JSON.parse(body) as { token: string }).token);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ nodeId: "SRCEI/nodo-1", environment: "dev", networkConfigUrl: "", tracesUrl: "", kids: [] }));
    });
  });
  await new Promise<void>((r) => portal.listen(0, "127.0.0.1", r));
  portalUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => portal.close(r)));

function register(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pisee-register-"));
  createKeys(dataDir);
  return new Promise((resolve) => {
    const { PISEE_NODE_TOKEN: _drop, ...base } = process.env;
    execFile(process.execPath, ["--import", "tsx", CLI, "register", "--portal", portalUrl, "--data", dataDir, ...args], { env: { ...base, NODE_OPTIONS: "", ...env }, timeout: 20_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

it("takes the token from PISEE_NODE_TOKEN or --token-file, never needing it on the command line", async () => {
  const viaEnv = await register([], { PISEE_NODE_TOKEN: "token-del-entorno" });
  expect(viaEnv.code, viaEnv.stderr).toBe(0);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pisee-token-")), "token");
  fs.writeFileSync(file, "token-del-archivo\n", { mode: 0o600 });
  const viaFile = await register(["--token-file", file]);
  expect(viaFile.code, viaFile.stderr).toBe(0);
  expect(tokens).toEqual(["token-del-entorno", "token-del-archivo"]);
});

it("refuses two sources at once, and says in its help that --token is visible in ps", async () => {
  const both = await register(["--token", "a"], { PISEE_NODE_TOKEN: "b" });
  expect(both.code).not.toBe(0);
  expect(both.stderr).toMatch(/una sola forma/);
  const help = await register(["--help"]);
  expect(help.stdout).toMatch(/--token-file/);
  expect(help.stdout.replace(/\s+/g, " ")).toMatch(/lista de procesos \(ps\)/);
});
