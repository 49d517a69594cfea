import { handle } from "@/lib/api/route";
import { rotateNodeKeysOp } from "@/lib/nodes/operations";
import { rotateNodeKeys } from "@/lib/nodes/service";

export const POST = handle(rotateNodeKeysOp, ({ body }) => rotateNodeKeys(body));
