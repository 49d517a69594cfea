import { handle } from "@/lib/api/route";
import { addMemberOp, listMembersOp } from "@/lib/institutions/member-operations";
import { addMember, listMembers } from "@/lib/institutions/members";

export const GET = handle(listMembersOp, async ({ params, actor }) => ({ data: await listMembers(params.code, actor) }));
export const POST = handle(addMemberOp, ({ params, body, actor }) => addMember(params.code, body, actor));
