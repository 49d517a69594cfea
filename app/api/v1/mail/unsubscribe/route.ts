import { unsubscribeOp } from "@/lib/account/operations";
import { unsubscribeByLink } from "@/lib/account/service";
import { handle } from "@/lib/api/route";

export const POST = handle(unsubscribeOp, ({ body }) => unsubscribeByLink(body.token));
