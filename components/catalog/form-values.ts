import type { TService } from "@/lib/catalog/schemas";
import type { TDataItem } from "@/lib/data-directory/schemas";
import type { ApprovalPolicy, Classification, DataNature, Environment, LifecycleStatus, UpdateFrequency } from "@/lib/generated/prisma/enums";
import type { ATTRIBUTE_TYPES } from "./labels";

/** The catalog forms' values and their initial values from the API's shapes (usable on the server too). */

export type DataItemBrief = { id: string; name: string; classification: Classification; status: LifecycleStatus };

export type ServiceFormValues = {
  code: string;
  major: string;
  name: string;
  description: string;
  tps: string;
  availability: string;
  approvalPolicy: ApprovalPolicy;
  responsibleRun: string;
  environments: Environment[];
  requiresApprovedSchema: boolean;
  procedures: string[];
  inputDataItems: DataItemBrief[];
  outputDataItems: DataItemBrief[];
  openapi: string;
};

export type ProcedureOption = { code: string; name: string; needsConsent: boolean; repealed?: boolean };

/** The initial values of the edit form, from the service as the API returns it. */
export function serviceFormValues(s: TService): ServiceFormValues {
  return {
    code: s.code,
    major: String(s.major),
    name: s.name,
    description: s.description,
    tps: String(s.tps),
    availability: String(s.availability),
    approvalPolicy: s.approvalPolicy,
    responsibleRun: s.responsible.run ?? "",
    environments: s.environments,
    requiresApprovedSchema: s.requiresApprovedSchema,
    procedures: s.procedures.map((p) => p.code),
    inputDataItems: s.inputDataItems,
    outputDataItems: s.outputDataItems,
    openapi: s.openapi ? JSON.stringify(s.openapi, null, 2) : "",
  };
}

export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];
export type AttributeRow = { key: number; name: string; type: AttributeType; description: string };

export type DataItemFormValues = {
  code: string;
  name: string;
  description: string;
  classification: Classification | "";
  attributes: Omit<AttributeRow, "key">[];
  responsibleRun: string;
  updateFrequency: UpdateFrequency | "";
  lastUpdatedOn: string;
  nature: DataNature | "";
};

export function dataItemFormValues(d: TDataItem): DataItemFormValues {
  return {
    code: d.code,
    name: d.name,
    description: d.description,
    classification: d.classification,
    attributes: d.attributes.map((a) => ({ name: a.name, type: a.type, description: a.description })),
    responsibleRun: d.responsible.run ?? "",
    updateFrequency: d.updateFrequency,
    lastUpdatedOn: d.lastUpdatedOn ?? "",
    nature: d.nature,
  };
}

