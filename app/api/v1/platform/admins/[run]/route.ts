import { handle } from "@/lib/api/route";
import { removePlatformAdminOp } from "@/lib/institutions/member-operations";
import { removePlatformAdmin } from "@/lib/institutions/members";

export const DELETE = handle(removePlatformAdminOp, ({ params, actor }) => removePlatformAdmin(params.run, actor));
