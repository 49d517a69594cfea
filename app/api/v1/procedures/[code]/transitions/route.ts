import { handle } from "@/lib/api/route";
import { transitionProcedureOp } from "@/lib/procedures/operations";
import { transitionProcedure } from "@/lib/procedures/service";

export const POST = handle(transitionProcedureOp, ({ params, body, actor }) => transitionProcedure(params.code, body, actor));
