import crypto from "node:crypto";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { request } from "undici";
import { createHarness } from "../support/harness.ts";

/**
 * The node's structured log, as an operations team reads it from the process's stdout: one JSON
 * line per exchange with the request id, written within a second (lines are gathered up to 4 KB),
 * everything written when the node stops, and never a private key.
 */
let h: Awaited<ReturnType<typeof createHarness>>;
let consumer: Awaited<ReturnType<typeof h.addNodeProcess>>;
let provider: Awaited<ReturnType<typeof h.addNodeProcess>>;
const SERVICE = "SRCEI/certificado-nacimiento/v1";

// Node processes start and refresh on their own clock: room for a busy two-core machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

beforeAll(async () => {
  h = await createHarness();
  provider = await h.addNodeProcess("SRCEI/nodo-1", "provider", { logLevel: "info" });
  consumer = await h.addNodeProcess("MUN-SANTIAGO/nodo-1", "consumer", { logLevel: "info" });
  await provider.node.refreshNow();
  await consumer.node.refreshNow();
});
afterAll(async () => h?.close());

type Line = { level: number; node: string; msg: string; rid?: string; status?: number; code?: string | null };
/** The JSON lines (the CLI also prints one line of its own when the node is up). */
const lines = (text: string) => text.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Line);

async function exchange(rid: string) {
  const r = await request(`${consumer.node.localUrl}/r1/${SERVICE}/certificados/12345678-5`, { headers: { "pisee-request-id": rid } });
  await r.body.text();
  return r.statusCode;
}

it("one JSON line per exchange on each node, with the request id, within a second or two", async () => {
  const rid = crypto.randomUUID();
  expect(await exchange(rid)).toBe(200);
  const find = (node: typeof consumer) => lines(node.node.output()).find((l) => l.rid === rid);
  for (let i = 0; i < 50 && !(find(consumer) && find(provider)); i++) await new Promise((r) => setTimeout(r, 100));
  expect(find(consumer)).toMatchObject({ node: "MUN-SANTIAGO/nodo-1", msg: "exchange", status: 200, code: null });
  expect(find(provider)).toMatchObject({ node: "SRCEI/nodo-1", msg: "exchange served", code: null });
  expect(lines(consumer.node.output()).some((l) => l.msg === "node started")).toBe(true);
});

it("what is still gathered is written when the node stops; no private key in any line", async () => {
  const rid = crypto.randomUUID();
  expect(await exchange(rid)).toBe(200);
  await consumer.node.close(); // SIGTERM right away, before the periodic write
  expect(lines(consumer.node.output()).some((l) => l.rid === rid)).toBe(true);
  for (const node of [consumer, provider]) {
    const text = node.node.output();
    for (const k of [node.keys.sig, node.keys.enc]) {
      const d = k.privateKey.export({ format: "jwk" }).d!;
      expect(text).not.toContain(d);
    }
  }
});
