import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { createHarness } from "../support/harness.ts";

/**
 * `node-agent check`, the connectivity test an operator runs next to a running node: one real
 * exchange, step by step, with the request id on success and the node's code on a refusal.
 */
const CLI = fileURLToPath(new URL("../../src/cli.ts", import.meta.url));

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

let h: Awaited<ReturnType<typeof createHarness>>;
let config: string;

function check(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", CLI, "check", ...args, "--config", config, "--json"], { env: { ...process.env, NODE_OPTIONS: "" }, timeout: 20_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  h = await createHarness();
  await h.addNodeProcess("SRCEI/nodo-1", "provider");
  const consumer = await h.addNodeProcess("MUN-SANTIAGO/nodo-1", "consumer");
  await consumer.node.refreshNow();
  config = path.join(consumer.dataDir, "node-agent.json");
});
afterAll(async () => h?.close());

it("a service with an agreement: every step passes, with the exchange's request id", async () => {
  const r = await check("SRCEI/certificado-nacimiento/v1", "--path", "/certificados/12345678-5");
  expect(r.code, r.stderr).toBe(0);
  const out = JSON.parse(r.stdout) as { ok: boolean; status: number; code: string | null; requestId: string; steps: { step: string; ok: boolean }[] };
  expect(out).toMatchObject({ ok: true, status: 200, code: null });
  expect(out.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(out.steps.every((s) => s.ok)).toBe(true);
});

it("a service without an agreement: the exchange step fails with the node's code", async () => {
  const r = await check("SRCEI/identidad/v1");
  expect(r.code).toBe(1);
  const out = JSON.parse(r.stdout) as { ok: boolean; code: string; steps: { step: string; ok: boolean; detail?: string }[] };
  expect(out).toMatchObject({ ok: false, code: "consumer.no_agreement" });
  expect(out.steps.at(-1)).toMatchObject({ step: "intercambio", ok: false });
  expect(out.steps.at(-1)!.detail).toMatch(/^consumer\.no_agreement: /);
});
