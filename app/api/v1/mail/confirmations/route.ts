import { confirmAddressOp } from "@/lib/account/operations";
import { confirmAddress } from "@/lib/account/service";
import { handle } from "@/lib/api/route";

export const POST = handle(confirmAddressOp, ({ body }) => confirmAddress(body.token));
