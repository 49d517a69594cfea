import http from "node:http";
import type { AddressInfo } from "node:net";
import { ProtocolError } from "../errors.ts";
import type { ExchangeContext } from "../exchange/context.ts";
import { handleAppRequest } from "../exchange/consumer.ts";
import { readBody, sendError, sendJson } from "./http.ts";
import { allowedHostHeaders, appAuthenticator, hostOriginProblem, localCallHost } from "./local-guard.ts";
import { countExchange, observeExchange } from "./observe.ts";

/** The node's state for /health and /status. */
export function nodeStatus(ctx: ExchangeContext) {
  const c = ctx.store.current;
  const now = ctx.nowMs();
  return {
    node: ctx.nodeId,
    environment: ctx.settings.environment,
    config: c
      ? { state: ctx.store.state(now), version: c.version, ageSeconds: Math.round((now - c.issuedAtMs) / 1000), expiresAt: new Date(c.expiresAtMs).toISOString() }
      : { state: "none" as const },
    peers: c ? c.nodes.size - (c.nodes.has(ctx.nodeId) ? 1 : 0) : 0,
    queues: { replayCache: ctx.replay.size },
  };
}

/**
 * The app-facing port (PROTOCOL.md §3.1), loopback only unless per-app credentials are configured:
 * /r1/… exchanges, /health (ready only with a valid configuration), /status and /metrics
 * (Prometheus text). Every request on it must name the port itself in `Host` (DNS rebinding) and
 * carry no `Origin` (browsers), else 403 `client.forbidden`; with `apps` configured, a /r1/ request
 * needs one app's bearer token (401 `client.unauthenticated`) and a service listed for that app
 * (403 `client.forbidden`). The token is neither logged nor forwarded (§3.6).
 */
export function startLocalServer(ctx: ExchangeContext): Promise<{ server: http.Server; url: string }> {
  let allowedHosts = new Set<string>(); // known once the port listens
  const authenticate = ctx.settings.apps?.length ? appAuthenticator(ctx.settings.apps) : null;
  const server = http.createServer(async (req, res) => {
    const url = req.url ?? "/";
    const refused = hostOriginProblem(req.headers, allowedHosts);
    if (refused) {
      ctx.log.warn({ host: req.headers.host?.slice(0, 200) ?? null, origin: req.headers.origin !== undefined }, "local request refused");
      if (url.startsWith("/r1/")) countExchange(ctx, "consumer", "client.forbidden");
      return sendError(res, new ProtocolError("client.forbidden", refused), null, ctx.nodeId);
    }
    if (req.method === "GET" && url === "/health") {
      const s = nodeStatus(ctx);
      sendJson(res, s.config.state === "valid" ? 200 : 503, { status: s.config.state === "valid" ? "ready" : "not_ready", ...s });
      return;
    }
    if (req.method === "GET" && url === "/status") return sendJson(res, 200, nodeStatus(ctx));
    if (req.method === "GET" && url === "/metrics") {
      const text = await ctx.metrics.registry.metrics();
      res.writeHead(200, { "content-type": ctx.metrics.registry.contentType });
      res.end(text);
      return;
    }
    if (!url.startsWith("/r1/")) return sendError(res, new ProtocolError("client.bad_request", "ruta desconocida"), null, ctx.nodeId);
    let app: { name: string; services: Set<string> } | null = null;
    if (authenticate) {
      const authorization = req.headers.authorization;
      app = authenticate(authorization);
      if (!app) {
        countExchange(ctx, "consumer", "client.unauthenticated");
        ctx.log.info({ authorization: authorization === undefined ? "ausente" : "no válida" }, "local request unauthenticated");
        return sendError(res, new ProtocolError("client.unauthenticated"), null, ctx.nodeId, { "www-authenticate": 'Bearer realm="pisee-node"' });
      }
    }
    const exchange = observeExchange(ctx, "consumer");
    try {
      const body = await readBody(req, ctx.settings.bodyLimitBytes);
      const services = app?.services;
      const result = await handleAppRequest(ctx, { method: req.method ?? "GET", url, headers: req.headers, body, mayCall: services ? (serviceId) => services.has(serviceId) : undefined });
      if (!result.ok) return exchange.refused(res, result.error, { rid: result.rid, app: app?.name });
      res.writeHead(result.status, { ...result.headers, "content-length": result.body.length, "pisee-request-id": result.rid, ...(result.code ? { "pisee-error": result.code } : {}) });
      res.end(result.body);
      exchange.answered({ rid: result.rid, app: app?.name, status: result.status, code: result.code });
    } catch (err) {
      // A body over the limit (before the request has an id), or a bug.
      if (!(err instanceof ProtocolError)) ctx.log.error({ rid: null, err: err instanceof Error ? err.message : String(err) }, "unexpected error");
      exchange.refused(res, err instanceof ProtocolError ? err : new ProtocolError("consumer.response_invalid"), { rid: null, app: app?.name });
    } finally {
      exchange.end();
    }
  });
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(ctx.settings.local.port, ctx.settings.local.host, () => {
      const address = server.address() as AddressInfo;
      allowedHosts = allowedHostHeaders(ctx.settings.local.host, address.port, { hostnames: ctx.settings.local.hostnames });
      resolve({ server, url: `http://${localCallHost(ctx.settings.local.host)}:${address.port}` });
    });
  });
}
