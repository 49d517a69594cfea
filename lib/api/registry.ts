import type { Operation } from "@/lib/api/operation";
import { getInstitutionOp, listInstitutionsOp } from "@/lib/institutions/operations";
import { healthOp } from "@/lib/platform/operations";

/** Every operation of the public API, in the order the documentation shows them. */
export const OPERATIONS: Operation[] = [listInstitutionsOp, getInstitutionOp, healthOp];
