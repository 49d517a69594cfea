import { handle } from "@/lib/api/route";
import { checkHealth } from "@/lib/platform/health";
import { healthOp } from "@/lib/platform/operations";

export const GET = handle(healthOp, async () => {
  const health = await checkHealth();
  return health.status === "ok" ? health : Response.json(health, { status: 503, headers: { "Cache-Control": "no-store" } });
});
