import type { TService } from "@/lib/catalog/schemas";
import type { TDataItem } from "@/lib/data-directory/schemas";
import type { ApprovalPolicy, Classification, DataNature, Environment, LifecycleStatus, UpdateFrequency } from "@/lib/generated/prisma/enums";
import { parseNumberInput } from "@/components/forms/form-values";
import { formatNumberInput } from "@/lib/text/number";
import type { ATTRIBUTE_TYPES } from "./labels";

/**
 * The catalog forms' values: empty, from the API's shapes (edit), and read back into what the API
 * takes, with the field ids and labels the error summary uses (usable on the server too).
 */

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

export const EMPTY_SERVICE: ServiceFormValues = {
  code: "",
  major: "1",
  name: "",
  description: "",
  tps: "",
  availability: "",
  approvalPolicy: "MANUAL",
  responsibleRun: "",
  environments: ["dev", "prod"],
  requiresApprovedSchema: false,
  procedures: [],
  inputDataItems: [],
  outputDataItems: [],
  openapi: "",
};

export const SERVICE_LABELS: Record<string, string> = {
  code: "Código del servicio",
  major: "Versión mayor",
  name: "Nombre",
  description: "Descripción",
  tps: "Transacciones por segundo (TPS)",
  availability: "Disponibilidad comprometida",
  approvalPolicy: "Aprobación de solicitudes",
  responsibleRun: "Responsable",
  environments: "Ambientes",
  requiresApprovedSchema: "Esquema aprobado",
  procedures: "Trámites",
  inputDataItems: "Datos de entrada",
  outputDataItems: "Datos de salida",
  openapi: "Descripción OpenAPI",
};

/** What the service form holds, in the API's shape (before zod's defaults and trimming). */
export function servicePayload(v: ServiceFormValues) {
  return {
    name: v.name,
    description: v.description,
    tps: parseNumberInput(v.tps, { integer: true }),
    availability: parseNumberInput(v.availability),
    approvalPolicy: v.approvalPolicy,
    responsibleRun: v.responsibleRun || undefined,
    environments: v.environments,
    requiresApprovedSchema: v.requiresApprovedSchema,
    procedures: v.procedures,
    inputDataItems: v.inputDataItems.map((d) => d.id),
    outputDataItems: v.outputDataItems.map((d) => d.id),
    openapi: v.openapi.trim() ? v.openapi : null,
  };
}

/** API path → the service form's field that holds it (a group's first option, the procedure at that place). */
export function serviceFieldOf(path: string, v: ServiceFormValues, procedures: ProcedureOption[]): string | undefined {
  const [head = "", index] = path.split(".");
  if (head === "dataItems") return "outputDataItems";
  if (head === "approvalPolicy") return "approvalPolicy-MANUAL";
  if (head === "environments") return "environments-dev";
  if (head === "procedures") {
    const code = v.procedures[Number(index)] ?? v.procedures[0] ?? procedures[0]?.code;
    return code ? `procedures-${code}` : undefined;
  }
  return Object.hasOwn(SERVICE_LABELS, head) ? head : undefined;
}

/** The initial values of the edit form, from the service as the API returns it. */
export function serviceFormValues(s: TService): ServiceFormValues {
  return {
    code: s.code,
    major: String(s.major),
    name: s.name,
    description: s.description,
    tps: formatNumberInput(s.tps, { integer: true }),
    availability: formatNumberInput(s.availability),
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
export type AttributeRow = { name: string; type: AttributeType; description: string };

export type DataItemFormValues = {
  code: string;
  name: string;
  description: string;
  classification: Classification | "";
  attributes: AttributeRow[];
  responsibleRun: string;
  updateFrequency: UpdateFrequency | "";
  lastUpdatedOn: string;
  nature: DataNature | "";
};

export const EMPTY_DATA_ITEM: DataItemFormValues = {
  code: "",
  name: "",
  description: "",
  classification: "",
  attributes: [{ name: "", type: "string", description: "" }],
  responsibleRun: "",
  updateFrequency: "",
  lastUpdatedOn: "",
  nature: "",
};

export const DATA_ITEM_LABELS: Record<string, string> = {
  code: "Código del dato",
  name: "Nombre",
  description: "Descripción",
  classification: "Clasificación",
  attributes: "Atributos",
  responsibleRun: "Responsable",
  updateFrequency: "Frecuencia de actualización",
  lastUpdatedOn: "Última actualización",
  nature: "Naturaleza del dato",
};

const ATTRIBUTE_PART_LABELS: Record<string, string> = { name: "nombre", type: "tipo", description: "descripción" };

/** An attribute row's field id (`attributes-0-name`), where the summary links to. */
export const attributeFieldId = (index: number | string, part: "name" | "type" | "description") => `attributes-${index}-${part}`;

/** What the data item form holds, in the API's shape. */
export function dataItemPayload(v: DataItemFormValues) {
  return {
    name: v.name,
    description: v.description,
    classification: v.classification || undefined,
    attributes: v.attributes.map(({ name, type, description }) => ({ name: name.trim(), type, description })),
    responsibleRun: v.responsibleRun || undefined,
    updateFrequency: v.updateFrequency || undefined,
    lastUpdatedOn: v.lastUpdatedOn || null,
    nature: v.nature || undefined,
  };
}

/** API path → the data item form's field that holds it: an attribute's part, the first option of a group. */
export function dataItemFieldOf(path: string): string | undefined {
  const [head = "", index, part] = path.split(".");
  if (head === "classification") return "classification-PERSONAL";
  if (head === "attributes") {
    if (index === undefined) return "attributes-agregar";
    return attributeFieldId(index, part === "type" || part === "description" ? part : "name");
  }
  return Object.hasOwn(DATA_ITEM_LABELS, head) ? head : undefined;
}

export function dataItemLabelOf(field: string): string | undefined {
  const m = /^attributes-(\d+)-(\w+)$/.exec(field);
  if (m) return `Atributo ${Number(m[1]) + 1}, ${ATTRIBUTE_PART_LABELS[m[2]!] ?? m[2]}`;
  return DATA_ITEM_LABELS[field.split("-")[0]!];
}

/** The initial values of the edit form, from the data item as the API returns it. */
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

