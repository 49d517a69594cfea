import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { request } from "undici";
import { createHarness, type Harness } from "../support/harness.ts";

/**
 * Size bounds (PROTOCOL.md §3.2, §3.3 step 10, §3.4) and peer URLs (§2), through two nodes in this
 * process, a backend and stand-ins for a provider node: every read stops at its limit.
 */
let h: Awaited<ReturnType<typeof createHarness>>;
let consumer: Awaited<ReturnType<Harness["addNode"]>>;
let provider: Awaited<ReturnType<Harness["addNode"]>>;
const SERVICE = "SRCEI/certificado-nacimiento/v1";
const PROVIDER = "SRCEI/nodo-1";
const MiB = 1024 * 1024;

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

beforeAll(async () => {
  h = await createHarness();
  provider = await h.addNode(PROVIDER, "provider");
  consumer = await h.addNode("MUN-SANTIAGO/nodo-1", "consumer");
  await provider.node.refreshNow();
  await consumer.node.refreshNow();
});
afterAll(async () => h?.close());

async function call(path: string, init: { method?: string; body?: Buffer } = {}) {
  const r = await request(`${consumer.node.localUrl}${path}`, { method: (init.method ?? "GET") as "GET", body: init.body });
  return { status: r.statusCode, code: r.headers["pisee-error"], text: await r.body.text() };
}

/** Writes `total` bytes in 64 KiB chunks as fast as the reader takes them; `written` stops where the reader hung up. */
function stream(res: http.ServerResponse, total: number, contentType: string) {
  const state = { written: 0, closedEarly: false };
  const chunk = Buffer.alloc(64 * 1024, 0x41);
  res.writeHead(200, { "content-type": contentType });
  res.on("close", () => (state.closedEarly = state.written < total));
  const pump = () => {
    while (state.written < total && !res.destroyed) {
      state.written += chunk.length;
      if (!res.write(chunk)) return void res.once("drain", pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
  return state;
}

/** A stand-in for the provider node, at the URL the configuration gives it, answering with `answer`. */
async function standInProvider(answer: (res: http.ServerResponse) => void) {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? "");
    req.resume();
    req.on("end", () => answer(res));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    hits,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

/** Points the configuration's provider node at `url` (the consumer learns it at its next refresh). */
async function providerUrl(url: string) {
  h.update((c) => (c.nodes.find((n) => n.id === PROVIDER)!.url = url));
  await consumer.node.refreshNow();
}

describe("peer URLs (§2): a URL that is not an origin is never sent to", () => {
  it("a path in the provider's URL: consumer.provider_unreachable, nothing posted", async () => {
    const stand = await standInProvider((res) => res.writeHead(500).end());
    try {
      await providerUrl(`${stand.url}/pisee`);
      const r = await call(`/r1/${SERVICE}/x`);
      expect([r.status, r.code]).toEqual([502, "consumer.provider_unreachable"]);
      expect(stand.hits).toEqual([]);
      // As an origin it is reached, at {origin}/v1/exchange.
      await providerUrl(`${stand.url}/`);
      await call(`/r1/${SERVICE}/x`);
      expect(stand.hits).toEqual(["/v1/exchange"]);
    } finally {
      await stand.close();
      await providerUrl(provider.node.networkUrl);
    }
  });
});

describe("the consumer reads at most 20 MiB of the provider's answer (§3.4)", () => {
  it("21 MiB: consumer.response_invalid", async () => {
    const stand = await standInProvider((res) => stream(res, 21 * MiB, "application/jose"));
    try {
      await providerUrl(stand.url);
      const r = await call(`/r1/${SERVICE}/x`);
      expect([r.status, r.code]).toEqual([502, "consumer.response_invalid"]);
    } finally {
      await stand.close();
      await providerUrl(provider.node.networkUrl);
    }
  });
  it("an answer without end: the read stops past 20 MiB, nothing more is taken", async () => {
    let state = { written: 0, closedEarly: false };
    const stand = await standInProvider((res) => (state = stream(res, 400 * MiB, "application/jose")));
    try {
      await providerUrl(stand.url);
      const r = await call(`/r1/${SERVICE}/x`);
      expect([r.status, r.code]).toEqual([502, "consumer.response_invalid"]);
      await vi.waitFor(() => expect(state.closedEarly).toBe(true));
      expect(state.written).toBeLessThan(100 * MiB);
    } finally {
      await stand.close();
      await providerUrl(provider.node.networkUrl);
    }
  });
  it("a clear error's body is read only a little (it carries just a code)", async () => {
    const stand = await standInProvider((res) => {
      res.writeHead(401, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "provider.unauthenticated" }, pad: "x".repeat(MiB) }));
    });
    try {
      await providerUrl(stand.url);
      const r = await call(`/r1/${SERVICE}/x`);
      expect([r.status, r.code]).toEqual([502, "consumer.provider_refused"]);
    } finally {
      await stand.close();
      await providerUrl(provider.node.networkUrl);
    }
  });
});

describe("the provider reads at most 8 MiB of its backend's answer (§3.3 step 10)", () => {
  afterAll(() => h.setBackend((req, res) => res.writeHead(200, { "content-type": "text/plain" }).end(`ok ${req.url}`)));
  it("a backend that streams 9 MiB: 502 provider.backend_too_large", async () => {
    h.setBackend((_req, res) => void stream(res, 9 * MiB, "application/octet-stream"));
    const r = await call(`/r1/${SERVICE}/x`);
    expect([r.status, r.code]).toEqual([502, "provider.backend_too_large"]);
  });
  it("a backend that does not stop: the read stops past 8 MiB", async () => {
    let state = { written: 0, closedEarly: false };
    h.setBackend((_req, res) => void (state = stream(res, 400 * MiB, "application/octet-stream")));
    const r = await call(`/r1/${SERVICE}/x`);
    expect([r.status, r.code]).toEqual([502, "provider.backend_too_large"]);
    await vi.waitFor(() => expect(state.closedEarly).toBe(true));
    expect(state.written).toBeLessThan(100 * MiB);
  });
  it("8 MiB exactly passes", async () => {
    h.setBackend((_req, res) => void stream(res, 8 * MiB, "application/octet-stream"));
    const r = await call(`/r1/${SERVICE}/x`);
    expect(r.status).toBe(200);
    expect(r.text.length).toBe(8 * MiB);
  });
});

describe("request sizes", () => {
  it("the network port refuses a JWE over 20 MiB with 413 provider.too_large, in clear, before any cryptography", async () => {
    const r = await request(`${provider.node.networkUrl}/v1/exchange`, { method: "POST", headers: { "content-type": "application/jose" }, body: Buffer.alloc(20 * MiB + 1, 0x41) });
    const text = await r.body.text();
    expect([r.statusCode, r.headers["pisee-error"]]).toEqual([413, "provider.too_large"]);
    expect(JSON.parse(text).error.code).toBe("provider.too_large");
  });
  it("an app's body: 8 MiB by default (§3.2), more is 413 client.too_large", async () => {
    h.setBackend((req, res, body) => res.writeHead(200, { "content-type": "text/plain" }).end(String(Buffer.byteLength(body))));
    expect(consumer.node.ctx.settings.bodyLimitBytes).toBe(8 * MiB);
    const big = await call(`/r1/${SERVICE}/x`, { method: "POST", body: Buffer.alloc(8 * MiB + 1, 0x42) });
    expect([big.status, big.code]).toEqual([413, "client.too_large"]);
    const max = await call(`/r1/${SERVICE}/x`, { method: "POST", body: Buffer.alloc(8 * MiB, 0x42) });
    expect([max.status, max.text]).toEqual([200, String(8 * MiB)]);
  });
});
