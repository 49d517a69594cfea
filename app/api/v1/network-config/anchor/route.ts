import { handle } from "@/lib/api/route";
import { publishedKeys } from "@/lib/keys/portal-keys";
import { anchorOp } from "@/lib/nodes/operations";

// Served as a file to save (`node-agent init --anchor anchor.json`), still JSON for programs.
export const GET = handle(anchorOp, async ({ requestId }) =>
  Response.json(
    { keys: await publishedKeys("config") },
    { headers: { "Cache-Control": "no-store", "X-Request-Id": requestId, "Content-Disposition": 'attachment; filename="anchor.json"' } },
  ),
);
