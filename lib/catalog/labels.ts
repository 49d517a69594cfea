import type { ApprovalPolicy, Classification, DataNature, Environment, LifecycleStatus, ProcedureStatus, UpdateFrequency } from "@/lib/generated/prisma/enums";

export const STATUS_LABELS: Record<LifecycleStatus, string> = {
  DRAFT: "Borrador",
  PUBLISHED: "Publicado",
  DEPRECATED: "Obsoleto",
  RETIRED: "Retirado",
};

export const PROCEDURE_STATUS_LABELS: Record<ProcedureStatus, string> = { VIGENTE: "Vigente", DEROGADO: "Derogado" };

export const CLASSIFICATION_LABELS: Record<Classification, string> = {
  PERSONAL: "Personal",
  SENSIBLE: "Sensible",
  ESTADISTICO: "Estadístico",
  SECRETO: "Secreto",
  RESERVADO: "Reservado",
  OTRO: "Otro",
};

export const CLASSIFICATION_HELP: Record<Classification, string> = {
  PERSONAL: "Dato personal: la institución lo obtiene dentro de su competencia legal, sin consentimiento.",
  SENSIBLE: "Dato sensible: solo se obtiene con el consentimiento de la persona para un trámite.",
  ESTADISTICO: "Dato estadístico o agregado, sin datos de personas identificables.",
  SECRETO: "Secreto por ley.",
  RESERVADO: "Reservado por ley o por resolución fundada.",
  OTRO: "Otra clase de dato.",
};

export const APPROVAL_LABELS: Record<ApprovalPolicy, string> = {
  MANUAL: "Manual: el proveedor revisa cada solicitud",
  AUTOMATIC: "Automática (datos abiertos): el acuerdo queda vigente al solicitarlo",
};

export const FREQUENCY_LABELS: Record<UpdateFrequency, string> = {
  TIEMPO_REAL: "En tiempo real",
  DIARIA: "Diaria",
  SEMANAL: "Semanal",
  MENSUAL: "Mensual",
  TRIMESTRAL: "Trimestral",
  ANUAL: "Anual",
  EVENTUAL: "Eventual",
};

export const NATURE_LABELS: Record<DataNature, string> = {
  MAESTRO: "Dato maestro",
  TRANSACCIONAL: "Transaccional",
  REFERENCIAL: "Referencial (tablas y códigos)",
  DOCUMENTAL: "Documental",
};

export const ENVIRONMENT_LABELS: Record<Environment, string> = { dev: "Desarrollo", prod: "Producción" };
