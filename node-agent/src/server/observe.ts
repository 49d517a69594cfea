import type { ServerResponse } from "node:http";
import type { ErrorCode, ProtocolError } from "../errors.ts";
import type { ExchangeContext } from "../exchange/context.ts";
import { sendError } from "./http.ts";

/** The side of an exchange a port serves: the local port the consumer's, the network port the provider's. */
export type ExchangeRole = "consumer" | "provider";

/** The log line of an answered exchange, by role. */
const ANSWERED = { consumer: "exchange", provider: "exchange served" } as const;

/** Counts one exchange in `pisee_exchanges_total`: outcome `ok`, or `error` with its protocol code. */
export function countExchange(ctx: Pick<ExchangeContext, "metrics">, role: ExchangeRole, code: ErrorCode | null): void {
  ctx.metrics.exchanges.inc({ role, outcome: code ? "error" : "ok", code: code ?? "" });
}

type LogFields = { [field: string]: unknown };

/**
 * What both ports record of one exchange, written once: its time in
 * `pisee_exchange_duration_seconds` (from here to `end`), its count in `pisee_exchanges_total`,
 * and one log line with the request id and the milliseconds it took. Call `end` in a `finally`.
 */
export function observeExchange(ctx: Pick<ExchangeContext, "metrics" | "log" | "nodeId">, role: ExchangeRole) {
  const started = performance.now();
  const stopTimer = ctx.metrics.duration.startTimer({ role });
  const ms = () => Math.round(performance.now() - started);
  return {
    /** Answered with the backend's answer, or with the provider's error inside its signed answer (`code`). */
    answered(line: LogFields & { rid: string; code: ErrorCode | null }): void {
      countExchange(ctx, role, line.code);
      ctx.log.info({ ...line, ms: ms() }, ANSWERED[role]);
    },
    /** Refused by this node: its error (§3.5) is sent in clear, counted and logged. */
    refused(res: ServerResponse, error: ProtocolError, line: LogFields & { rid: string | null }): void {
      sendError(res, error, line.rid, ctx.nodeId);
      countExchange(ctx, role, error.code);
      ctx.log.info({ ...line, code: error.code, ms: ms() }, "exchange refused");
    },
    end(): void {
      stopTimer();
    },
  };
}
