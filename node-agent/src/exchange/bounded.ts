import type { Readable } from "node:stream";

/**
 * Reads an HTTP answer's body up to `limit` bytes. Past it (or when Content-Length already says
 * so) it stops reading, destroys the stream (the connection is dropped, not drained) and returns
 * null: nothing beyond the limit is ever buffered.
 */
export async function readAtMost(body: Readable, limit: number, contentLength?: string | string[]): Promise<Buffer | null> {
  const declared = Number(Array.isArray(contentLength) ? contentLength[0] : (contentLength ?? NaN));
  if (Number.isFinite(declared) && declared > limit) {
    body.destroy();
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > limit) {
      body.destroy();
      return null;
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks, size);
}
