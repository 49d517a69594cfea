import { publishedKeys } from "@/lib/keys/portal-keys";

/** The portal's public signing keys (configuration and consent), PROTOCOL.md §0 and §2. */
export async function GET() {
  return Response.json({ keys: await publishedKeys() }, { headers: { "Cache-Control": "public, max-age=60" } });
}
