import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { MAX_JWE_LENGTH } from "../crypto/suite.ts";
import { ProtocolError } from "../errors.ts";
import type { ExchangeContext } from "../exchange/context.ts";
import { handleExchange, UNAUTHENTICATED_BODY } from "../exchange/provider.ts";
import { readBody, sendError } from "./http.ts";


/**
 * The network-facing port: POST /v1/exchange only. HTTPS with the configured certificate; plain
 * HTTP only when the settings say `insecureHttp` (development).
 */
export function startNetworkServer(ctx: ExchangeContext): Promise<{ server: http.Server; url: string }> {
  const handler = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method !== "POST" || req.url !== "/v1/exchange") return sendError(res, new ProtocolError("client.bad_request", "ruta desconocida"), null, ctx.nodeId);
    const end = ctx.metrics.duration.startTimer({ role: "provider" });
    try {
      const body = await readBody(req, MAX_JWE_LENGTH, "provider.too_large"); // over 20 MiB: 413 before any cryptography (§3.2)
      const r = await handleExchange(ctx, body.toString("utf8"));
      if (r.kind === "unauthenticated") {
        res.writeHead(401, { "content-type": "application/json; charset=utf-8", "pisee-error": "provider.unauthenticated", "content-length": Buffer.byteLength(UNAUTHENTICATED_BODY) });
        res.end(UNAUTHENTICATED_BODY);
        ctx.metrics.exchanges.inc({ role: "provider", outcome: "error", code: "provider.unauthenticated" });
        return;
      }
      res.writeHead(200, { "content-type": "application/jose", "content-length": Buffer.byteLength(r.body) });
      res.end(r.body);
      ctx.metrics.exchanges.inc({ role: "provider", outcome: r.code ? "error" : "ok", code: r.code ?? "" });
      ctx.log.info({ rid: r.rid, code: r.code, backendStatus: r.backendStatus }, "exchange served");
    } catch (err) {
      const e = err instanceof ProtocolError ? err : new ProtocolError("provider.backend_unreachable");
      sendError(res, e, null, ctx.nodeId);
    } finally {
      end();
    }
  };
  const tls = ctx.settings.network.tls;
  const server = tls ? https.createServer({ cert: fs.readFileSync(tls.cert), key: fs.readFileSync(tls.key) }, handler) : http.createServer(handler);
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(ctx.settings.network.port, ctx.settings.network.host, () => {
      const a = server.address() as AddressInfo;
      const host = ctx.settings.network.host === "0.0.0.0" ? "127.0.0.1" : ctx.settings.network.host;
      resolve({ server, url: `${tls ? "https" : "http"}://${host}:${a.port}` });
    });
  });
}
