import { updateMembershipMailOp } from "@/lib/account/operations";
import { updateMembershipMail } from "@/lib/account/service";
import { handle } from "@/lib/api/route";

export const PATCH = handle(updateMembershipMailOp, ({ actor, params, body }) => updateMembershipMail(actor, params.institution, body));
