import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string | string[] | undefined>> }) => Promise<Response>;

/** Calls a route handler in-process, as Next would, optionally with a signed-in person's session cookie. */
export async function call(
  handler: Handler,
  url: string,
  opts: { method?: string; params?: Record<string, string>; body?: unknown; as?: string; headers?: Record<string, string> } = {},
) {
  const headers = new Headers(opts.headers);
  if (opts.as) {
    const token = await encode({ token: { sub: opts.as, name: "Prueba" }, secret: process.env.NEXTAUTH_SECRET! });
    headers.set("cookie", `next-auth.session-token=${token}`);
  }
  let body: string | Uint8Array<ArrayBuffer> | undefined;
  if (opts.body !== undefined) {
    body = typeof opts.body === "string" ? opts.body : opts.body instanceof Uint8Array ? new Uint8Array(opts.body) : JSON.stringify(opts.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const req = new NextRequest(new URL(url, "http://localhost:3999"), { method: opts.method ?? "GET", headers, body });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const isJson = (res.headers.get("content-type") ?? "").includes("json");
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  return { status: res.status, headers: res.headers, bytes, json: isJson && text ? (JSON.parse(text) as any) : null };
}
