import { handle } from "@/lib/api/route";
import { createProcedureOp, searchProceduresOp } from "@/lib/procedures/operations";
import { createProcedure, searchProcedures } from "@/lib/procedures/service";

export const GET = handle(searchProceduresOp, ({ query }) => searchProcedures(query));
export const POST = handle(createProcedureOp, ({ body, actor }) => createProcedure(body, actor));
