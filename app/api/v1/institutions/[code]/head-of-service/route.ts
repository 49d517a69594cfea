import { handle } from "@/lib/api/route";
import { setHeadOfServiceOp } from "@/lib/institutions/member-operations";
import { setHeadOfService } from "@/lib/institutions/members";

export const PUT = handle(setHeadOfServiceOp, ({ params, body, actor }) => setHeadOfService(params.code, body, actor));
