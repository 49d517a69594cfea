import { listSentMailsOp } from "@/lib/account/operations";
import { listSentMails } from "@/lib/account/service";
import { handle } from "@/lib/api/route";

export const GET = handle(listSentMailsOp, ({ actor, query }) => listSentMails(actor, query.cursor));
