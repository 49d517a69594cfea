import { handle } from "@/lib/api/route";
import { addPlatformAdminOp, listPlatformAdminsOp } from "@/lib/institutions/member-operations";
import { addPlatformAdmin, listPlatformAdmins } from "@/lib/institutions/members";

export const GET = handle(listPlatformAdminsOp, async ({ actor }) => ({ data: await listPlatformAdmins(actor) }));
export const POST = handle(addPlatformAdminOp, ({ body, actor }) => addPlatformAdmin(body, actor));
