import { handle } from "@/lib/api/route";
import { transitionDataItemOp } from "@/lib/data-directory/operations";
import { transitionDataItem } from "@/lib/data-directory/service";

export const POST = handle(transitionDataItemOp, ({ params, body, actor }) => transitionDataItem(`${params.institution}/${params.code}`, body, actor));
