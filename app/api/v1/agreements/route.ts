import { createAgreementOp, listAgreementsOp } from "@/lib/agreements/operations";
import { createAgreement, listAgreements } from "@/lib/agreements/service";
import { handle } from "@/lib/api/route";

export const GET = handle(listAgreementsOp, ({ query, actor }) => listAgreements(query, actor));
export const POST = handle(createAgreementOp, ({ body, actor }) => createAgreement(body, actor));
