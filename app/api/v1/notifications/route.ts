import { handle } from "@/lib/api/route";
import { listNotificationsOp } from "@/lib/notifications/operations";
import { listNotifications } from "@/lib/notifications/service";

export const GET = handle(listNotificationsOp, ({ query, actor }) => listNotifications(actor, query.institution ?? null, { unreadOnly: query.unread === "true" }));
