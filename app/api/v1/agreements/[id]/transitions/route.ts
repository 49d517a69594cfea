import { transitionAgreementOp } from "@/lib/agreements/operations";
import { transitionAgreement } from "@/lib/agreements/service";
import { handle } from "@/lib/api/route";

export const POST = handle(transitionAgreementOp, ({ params, body, actor }) => transitionAgreement(params.id, body, actor));
