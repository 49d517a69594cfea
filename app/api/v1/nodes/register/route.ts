import { handle } from "@/lib/api/route";
import { registerNodeOp } from "@/lib/nodes/operations";
import { registerNode } from "@/lib/nodes/service";

export const POST = handle(registerNodeOp, ({ body }) => registerNode(body));
