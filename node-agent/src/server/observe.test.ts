import type { ServerResponse } from "node:http";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { ProtocolError } from "../errors.ts";
import { createMetrics } from "../metrics.ts";
import { countExchange, observeExchange } from "./observe.ts";

/** A node's metrics and a logger whose JSON lines are kept. */
function node() {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ base: { node: "A/nodo-1" } }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { ctx: { nodeId: "A/nodo-1", metrics: createMetrics(), log }, lines };
}

/** What sendError writes, without a socket. */
function response() {
  const sent: { status?: number; headers?: Record<string, unknown>; body?: string } = {};
  const res = {
    writeHead: (status: number, headers: Record<string, unknown>) => Object.assign(sent, { status, headers }),
    end: (body: string) => Object.assign(sent, { body }),
  };
  return { res: res as unknown as ServerResponse, sent };
}

async function counted(ctx: ReturnType<typeof node>["ctx"]) {
  return (await ctx.metrics.exchanges.get()).values.map(({ labels, value }) => ({ ...labels, value }));
}
async function timed(ctx: ReturnType<typeof node>["ctx"], role: string) {
  return (await ctx.metrics.duration.get()).values.find((v) => v.metricName === "pisee_exchange_duration_seconds_count" && v.labels.role === role)?.value ?? 0;
}

describe("what both ports record of an exchange", () => {
  it("an answered exchange: counted by outcome and code, timed until end, one log line with its request id", async () => {
    const { ctx, lines } = node();
    const consumer = observeExchange(ctx, "consumer");
    consumer.answered({ rid: "r-1", app: "tramites", status: 200, code: null });
    consumer.end();
    const provider = observeExchange(ctx, "provider");
    provider.answered({ rid: "r-2", code: "provider.rate_limited", backendStatus: 429 });
    expect(await timed(ctx, "provider")).toBe(0);
    provider.end();

    expect(await counted(ctx)).toEqual([
      { role: "consumer", outcome: "ok", code: "", value: 1 },
      { role: "provider", outcome: "error", code: "provider.rate_limited", value: 1 },
    ]);
    expect([await timed(ctx, "consumer"), await timed(ctx, "provider")]).toEqual([1, 1]);
    expect(lines).toMatchObject([
      { node: "A/nodo-1", msg: "exchange", rid: "r-1", app: "tramites", status: 200, code: null, ms: expect.any(Number) },
      { node: "A/nodo-1", msg: "exchange served", rid: "r-2", code: "provider.rate_limited", backendStatus: 429, ms: expect.any(Number) },
    ]);
  });

  it("a refused exchange: the node's error sent in clear (§3.5), counted and logged", async () => {
    const { ctx, lines } = node();
    const { res, sent } = response();
    const exchange = observeExchange(ctx, "consumer");
    exchange.refused(res, new ProtocolError("consumer.no_agreement"), { rid: "r-3", app: undefined });
    exchange.end();

    expect(sent.status).toBe(403);
    expect(sent.headers).toMatchObject({ "pisee-error": "consumer.no_agreement", "pisee-request-id": "r-3" });
    expect(JSON.parse(sent.body!)).toEqual({ error: { code: "consumer.no_agreement", message: expect.any(String), requestId: "r-3", node: "A/nodo-1" } });
    expect(await counted(ctx)).toEqual([{ role: "consumer", outcome: "error", code: "consumer.no_agreement", value: 1 }]);
    expect(lines).toMatchObject([{ msg: "exchange refused", rid: "r-3", code: "consumer.no_agreement", ms: expect.any(Number) }]);
  });

  it("a refusal before the exchange starts is only counted", async () => {
    const { ctx, lines } = node();
    countExchange(ctx, "consumer", "client.forbidden");
    countExchange(ctx, "consumer", "client.forbidden");
    expect(await counted(ctx)).toEqual([{ role: "consumer", outcome: "error", code: "client.forbidden", value: 2 }]);
    expect(await timed(ctx, "consumer")).toBe(0);
    expect(lines).toEqual([]);
  });
});
