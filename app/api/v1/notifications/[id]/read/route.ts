import { handle } from "@/lib/api/route";
import { readNotificationOp } from "@/lib/notifications/operations";
import { markNotificationRead } from "@/lib/notifications/service";

export const POST = handle(readNotificationOp, async ({ params, actor }) => {
  await markNotificationRead(actor, params.id);
  return { ok: true as const };
});
