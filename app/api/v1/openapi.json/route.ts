import { buildOpenApiDocument } from "@/lib/api/openapi";
import { serverEnv } from "@/lib/env";

let cached: string | undefined;

export function GET() {
  cached ??= JSON.stringify(buildOpenApiDocument(serverEnv().NEXTAUTH_URL));
  return new Response(cached, { headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
