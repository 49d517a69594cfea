import { handle } from "@/lib/api/route";
import { createNodeOp, listNodesOp } from "@/lib/nodes/operations";
import { createNode, listNodes } from "@/lib/nodes/service";

export const GET = handle(listNodesOp, async ({ query, actor }) => ({ data: await listNodes(query.institution, actor) }));
export const POST = handle(createNodeOp, ({ body, actor }) => createNode(body, actor));
