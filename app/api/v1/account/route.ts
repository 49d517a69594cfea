import { getAccountOp } from "@/lib/account/operations";
import { getAccount } from "@/lib/account/service";
import { handle } from "@/lib/api/route";

export const GET = handle(getAccountOp, ({ actor }) => getAccount(actor));
