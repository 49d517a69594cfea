import { handle } from "@/lib/api/route";
import { getServiceOp, updateServiceOp } from "@/lib/catalog/operations";
import { getService, updateService } from "@/lib/catalog/service";

const id = (p: { institution: string; code: string; version: string }) => `${p.institution}/${p.code}/${p.version}`;

export const GET = handle(getServiceOp, ({ params, actor }) => getService(id(params), actor));
export const PATCH = handle(updateServiceOp, ({ params, body, actor }) => updateService(id(params), body, actor));
