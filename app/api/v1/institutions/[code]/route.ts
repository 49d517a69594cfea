import { handle } from "@/lib/api/route";
import { getInstitutionOp } from "@/lib/institutions/operations";
import { getInstitution } from "@/lib/institutions/service";

export const GET = handle(getInstitutionOp, ({ params }) => getInstitution(params.code));
