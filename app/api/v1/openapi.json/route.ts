import { buildOpenApiDocument } from "@/lib/api/openapi";

let cached: string | undefined;

export function GET() {
  cached ??= JSON.stringify(buildOpenApiDocument());
  return new Response(cached, { headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
