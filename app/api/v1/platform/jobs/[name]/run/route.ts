import { handle } from "@/lib/api/route";
import { runJobNow } from "@/lib/jobs";
import { runJobOp } from "@/lib/platform/operations";

export const POST = handle(runJobOp, ({ params, actor }) => runJobNow(actor, params.name));
