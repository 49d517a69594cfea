import type { IncomingMessage, ServerResponse } from "node:http";
import { ProtocolError, errorBody } from "../errors.ts";

/** Reads a request body up to `limit` bytes; beyond it, `code` (413: nothing more is read). */
export async function readBody(req: IncomingMessage, limit: number, code: "client.too_large" | "provider.too_large" = "client.too_large"): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw new ProtocolError(code);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      req.destroy();
      throw new ProtocolError(code);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function sendError(res: ServerResponse, err: ProtocolError, requestId: string | null, nodeId: string, extra: Record<string, string> = {}) {
  const body = JSON.stringify(errorBody(err, requestId, nodeId));
  res.writeHead(err.status, {
    ...extra,
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "pisee-error": err.code,
    ...(requestId ? { "pisee-request-id": requestId } : {}),
  });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown) {
  const body = JSON.stringify(value);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
  res.end(body);
}
