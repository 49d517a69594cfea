import { changeOwnEmailOp } from "@/lib/account/operations";
import { changeOwnEmail } from "@/lib/account/service";
import { handle } from "@/lib/api/route";

export const PUT = handle(changeOwnEmailOp, ({ actor, body }) => changeOwnEmail(actor, body.email));
