import { handle } from "@/lib/api/route";
import { getProcedureOp, updateProcedureOp } from "@/lib/procedures/operations";
import { getProcedure, updateProcedure } from "@/lib/procedures/service";

export const GET = handle(getProcedureOp, ({ params, actor }) => getProcedure(params.code, actor));
export const PATCH = handle(updateProcedureOp, ({ params, body, actor }) => updateProcedure(params.code, body, actor));
