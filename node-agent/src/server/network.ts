import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { MAX_JWE_LENGTH } from "../crypto/suite.ts";
import { ProtocolError } from "../errors.ts";
import type { ExchangeContext } from "../exchange/context.ts";
import { handleExchange, UNAUTHENTICATED_BODY } from "../exchange/provider.ts";
import { readBody, sendError } from "./http.ts";
import { countExchange, observeExchange } from "./observe.ts";

/**
 * The network-facing port: POST /v1/exchange only. HTTPS with the configured certificate; plain
 * HTTP only when the settings say `insecureHttp` (development).
 */
export function startNetworkServer(ctx: ExchangeContext): Promise<{ server: http.Server; url: string }> {
  const handler = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method !== "POST" || req.url !== "/v1/exchange") return sendError(res, new ProtocolError("client.bad_request", "ruta desconocida"), null, ctx.nodeId);
    const exchange = observeExchange(ctx, "provider");
    try {
      const body = await readBody(req, MAX_JWE_LENGTH, "provider.too_large"); // over 20 MiB: 413 before any cryptography (§3.2)
      const result = await handleExchange(ctx, body.toString("utf8"));
      if (result.kind === "unauthenticated") {
        res.writeHead(401, { "content-type": "application/json; charset=utf-8", "pisee-error": "provider.unauthenticated", "content-length": Buffer.byteLength(UNAUTHENTICATED_BODY) });
        res.end(UNAUTHENTICATED_BODY);
        countExchange(ctx, "provider", "provider.unauthenticated"); // counted, not logged (§4: junk is counted, not traced)
        return;
      }
      res.writeHead(200, { "content-type": "application/jose", "content-length": Buffer.byteLength(result.body) });
      res.end(result.body);
      exchange.answered({ rid: result.rid, code: result.code, backendStatus: result.backendStatus });
    } catch (err) {
      sendError(res, err instanceof ProtocolError ? err : new ProtocolError("provider.backend_unreachable"), null, ctx.nodeId);
    } finally {
      exchange.end();
    }
  };
  const tls = ctx.settings.network.tls;
  const server = tls ? https.createServer({ cert: fs.readFileSync(tls.cert), key: fs.readFileSync(tls.key) }, handler) : http.createServer(handler);
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(ctx.settings.network.port, ctx.settings.network.host, () => {
      const address = server.address() as AddressInfo;
      const host = ctx.settings.network.host === "0.0.0.0" ? "127.0.0.1" : ctx.settings.network.host;
      resolve({ server, url: `${tls ? "https" : "http"}://${host}:${address.port}` });
    });
  });
}
