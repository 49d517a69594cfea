import { handle } from "@/lib/api/route";
import { revokeNodeOp } from "@/lib/nodes/operations";
import { revokeNode } from "@/lib/nodes/service";

export const POST = handle(revokeNodeOp, ({ params, body, actor }) => revokeNode(`${params.institution}/${params.node}`, body.reason, actor));
