import { handle } from "@/lib/api/route";
import { transitionServiceOp } from "@/lib/catalog/operations";
import { transitionService } from "@/lib/catalog/service";

export const POST = handle(transitionServiceOp, ({ params, body, actor }) =>
  transitionService(`${params.institution}/${params.code}/${params.version}`, body, actor),
);
