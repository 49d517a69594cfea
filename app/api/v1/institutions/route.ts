import { handle } from "@/lib/api/route";
import { listInstitutionsOp } from "@/lib/institutions/operations";
import { listInstitutions } from "@/lib/institutions/service";

export const GET = handle(listInstitutionsOp, ({ query }) => listInstitutions(query));
