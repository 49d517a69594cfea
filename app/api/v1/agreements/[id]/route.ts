import { getAgreementOp, updateAgreementOp } from "@/lib/agreements/operations";
import { getAgreement, updateAgreement } from "@/lib/agreements/service";
import { handle } from "@/lib/api/route";

export const GET = handle(getAgreementOp, ({ params, actor }) => getAgreement(params.id, actor));
export const PATCH = handle(updateAgreementOp, ({ params, body, actor }) => updateAgreement(params.id, body, actor));
