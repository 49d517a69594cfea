import { handle } from "@/lib/api/route";
import { createDataItemOp, searchDataItemsOp } from "@/lib/data-directory/operations";
import { createDataItem, searchDataItems } from "@/lib/data-directory/service";

export const GET = handle(searchDataItemsOp, ({ query, actor }) => searchDataItems(query, actor));
export const POST = handle(createDataItemOp, ({ body, actor }) => createDataItem(body, actor));
