import { handle } from "@/lib/api/route";
import { getNodeOp } from "@/lib/nodes/operations";
import { getNode } from "@/lib/nodes/service";

export const GET = handle(getNodeOp, ({ params, actor }) => getNode(`${params.institution}/${params.node}`, actor));
