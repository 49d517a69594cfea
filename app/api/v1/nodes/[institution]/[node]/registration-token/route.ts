import { handle } from "@/lib/api/route";
import { registrationTokenOp } from "@/lib/nodes/operations";
import { reissueRegistrationToken } from "@/lib/nodes/service";

export const POST = handle(registrationTokenOp, ({ params, actor }) => reissueRegistrationToken(`${params.institution}/${params.node}`, actor));
