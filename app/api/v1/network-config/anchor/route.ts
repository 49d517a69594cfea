import { handle } from "@/lib/api/route";
import { publishedKeys } from "@/lib/keys/portal-keys";
import { anchorOp } from "@/lib/nodes/operations";

export const GET = handle(anchorOp, async () => ({ keys: await publishedKeys("config") }));
