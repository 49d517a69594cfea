import { parseNumberInput } from "@/components/forms/form-values";
import { formatNumber } from "@/lib/format";
import type { AgreementMode, AgreementType, Environment } from "@/lib/generated/prisma/enums";

/**
 * The request form's values and what it is given, read back into what the API takes, with the
 * field ids and labels the error summary uses (usable on the server too).
 */

export type AgreementFormValues = {
  consumer: string;
  environment: Environment | "";
  type: AgreementType | "";
  procedures: string[];
  legalBasis: string;
  declaredVolume: string;
  mode: AgreementMode | "";
  requestedTps: string;
  requestedUntil: string;
};

export type AgreementFormService = {
  id: string;
  name: string;
  provider: { code: string; name: string };
  tps: number;
  environments: Environment[];
  openData: boolean;
};

export type ConsumerOption = { code: string; name: string; canSubmit: boolean };
export type AgreementProcedureOption = {
  code: string;
  name: string;
  /** The institution whose procedure it is (CPAT register). */
  institution: { code: string; name: string };
  needsConsent: boolean;
  /** The catalog says it uses the service. */
  suggested: boolean;
};

/** The rank of a procedure in the form: the requesting institution's own first, then those that use the service, then the rest. */
function procedureRank(option: AgreementProcedureOption, consumer: string): number {
  const own = option.institution.code === consumer;
  return own ? (option.suggested ? 0 : 1) : option.suggested ? 2 : 3;
}

/** The procedures in the order the form lists them for `consumer` (stable within each rank). */
export function sortProcedureOptions(options: readonly AgreementProcedureOption[], consumer: string): AgreementProcedureOption[] {
  return options
    .map((option, index) => ({ option, index }))
    .sort((a, b) => procedureRank(a.option, consumer) - procedureRank(b.option, consumer) || a.index - b.index)
    .map(({ option }) => option);
}

/** What a new request ticks at first: the requesting institution's procedures that use the service; never another institution's. */
export function initialProcedureCodes(options: readonly AgreementProcedureOption[], consumer: string): string[] {
  return options.filter((option) => option.suggested && option.institution.code === consumer).map((option) => option.code);
}

export const AGREEMENT_LABELS: Record<string, string> = {
  consumer: "Institución solicitante",
  service: "Servicio",
  environment: "Ambiente",
  type: "Tipo de acuerdo",
  procedures: "Trámites",
  legalBasis: "Base legal",
  declaredVolume: "Volumen mensual estimado",
  mode: "Modalidad de uso",
  requestedTps: "Transacciones por segundo (TPS) solicitadas",
  requestedUntil: "Fecha de término",
};

/** What the form holds, in the API's shape (before zod's defaults and trimming). */
export function agreementPayload(v: AgreementFormValues) {
  return {
    environment: v.environment || undefined,
    type: v.type || undefined,
    procedures: v.procedures,
    legalBasis: v.legalBasis,
    declaredVolume: parseNumberInput(v.declaredVolume, { integer: true }),
    mode: v.mode || undefined,
    requestedTps: parseNumberInput(v.requestedTps, { integer: true }),
    requestedUntil: v.requestedUntil || null,
  };
}

const SAME_ID = new Set(["legalBasis", "declaredVolume", "requestedTps", "requestedUntil"]);

/** API path → the form's field that holds it (a group's first option; the consumer only when it is a choice). */
export function agreementFieldOf(
  path: string,
  v: AgreementFormValues,
  form: { consumers: ConsumerOption[]; service: AgreementFormService; procedures: AgreementProcedureOption[] },
): string | undefined {
  const [head = "", index] = path.split(".");
  if (head === "consumer") return form.consumers.length > 1 ? "consumer" : undefined;
  if (head === "environment") return `environment-${form.service.environments[0]}`;
  if (head === "type") return "type-UNICA_VEZ";
  if (head === "mode") return "mode-EN_LINEA";
  if (head !== "procedures") return SAME_ID.has(head) ? head : undefined;
  const code = v.procedures[Number(index)] ?? form.procedures[0]?.code;
  return code ? `procedures-${code}` : undefined;
}

/** More TPS than the service commits (the schema only knows the network's maximum). */
export function requestedTpsIssues(v: AgreementFormValues, serviceTps: number) {
  const tps = parseNumberInput(v.requestedTps, { integer: true });
  return tps !== undefined && Number.isInteger(tps) && tps > serviceTps ? [{ path: "requestedTps", message: `Excede las ${formatNumber(serviceTps)} TPS que el servicio compromete.` }] : [];
}
