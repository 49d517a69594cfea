import { handle } from "@/lib/api/route";
import { rotationTokenOp } from "@/lib/nodes/operations";
import { issueRotationToken } from "@/lib/nodes/service";

export const POST = handle(rotationTokenOp, ({ params, actor }) => issueRotationToken(`${params.institution}/${params.node}`, actor));
