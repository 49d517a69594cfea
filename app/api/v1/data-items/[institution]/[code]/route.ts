import { handle } from "@/lib/api/route";
import { getDataItemOp, updateDataItemOp } from "@/lib/data-directory/operations";
import { getDataItem, updateDataItem } from "@/lib/data-directory/service";

export const GET = handle(getDataItemOp, ({ params, actor }) => getDataItem(`${params.institution}/${params.code}`, actor));
export const PATCH = handle(updateDataItemOp, ({ params, body, actor }) => updateDataItem(`${params.institution}/${params.code}`, body, actor));
