import { handle } from "@/lib/api/route";
import { createServiceOp, searchServicesOp } from "@/lib/catalog/operations";
import { createService, searchServices } from "@/lib/catalog/service";

export const GET = handle(searchServicesOp, ({ query, actor }) => searchServices(query, actor));
export const POST = handle(createServiceOp, ({ body, actor }) => createService(body, actor));
