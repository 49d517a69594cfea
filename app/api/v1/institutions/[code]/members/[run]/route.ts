import { handle } from "@/lib/api/route";
import { removeMemberOp, updateMemberOp } from "@/lib/institutions/member-operations";
import { removeMember, updateMember } from "@/lib/institutions/members";

export const PATCH = handle(updateMemberOp, ({ params, body, actor }) => updateMember(params.code, params.run, body, actor));
export const DELETE = handle(removeMemberOp, ({ params, actor }) => removeMember(params.code, params.run, actor));
