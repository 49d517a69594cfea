import type { AgreementMode, AgreementStatus, AgreementType } from "@/lib/generated/prisma/enums";

/** Words for the agreement screens (browser-safe). The statuses' words come from lib/agreements/transitions. */

export const TYPE_LABELS: Record<AgreementType, string> = {
  UNICA_VEZ: "Por única vez",
  SERVICIO: "Por servicio",
  PERMANENTE: "Permanente",
};

export const TYPE_HELP: Record<AgreementType, string> = {
  UNICA_VEZ: "Un uso acotado de los datos (por ejemplo, una carga inicial o un estudio). El acuerdo termina al cumplirse.",
  SERVICIO: "Acceso para prestar un servicio o programa determinado, mientras este exista o hasta la fecha de término.",
  PERMANENTE: "Acceso continuo, como parte de las funciones habituales de la institución.",
};

export const MODE_LABELS: Record<AgreementMode, string> = {
  EN_LINEA: "En línea",
  LOTE: "Por lotes",
};

export const MODE_HELP: Record<AgreementMode, string> = {
  EN_LINEA: "Una consulta por cada caso que se atiende (por ejemplo, al tramitar una solicitud).",
  LOTE: "Procesos masivos programados, con muchas consultas a la vez.",
};

export const SIDE_LABELS = { CONSUMER: "Institución solicitante", PROVIDER: "Institución proveedora" } as const;

/** The history's words for each event of an agreement. */
export const AGREEMENT_EVENT_LABELS: Record<string, string> = {
  create: "Creación de la solicitud (borrador)",
  submit: "Envío de la solicitud",
  take_up: "Tomada en revisión",
  accept: "Aceptación",
  await_signatures: "En espera de las firmas",
  reject: "Rechazo",
  extend: "Prórroga del plazo (5 días hábiles)",
  expire: "Vencimiento del plazo",
  request_mediation: "Solicitud de mediación",
  mediate_accept: "Aceptación en mediación",
  mediate_reject: "Rechazo definitivo en mediación",
  sign: "Firma",
  in_force: "Entrada en vigencia",
  suspend: "Suspensión",
  resume: "Reanudación",
  terminate: "Término",
  end: "Término por fecha",
  attach_document: "Documento adjunto",
  automatic_approval: "Aprobación automática (datos abiertos)",
};

/** Badge tones per status: the word is always shown, the colour only adds to it. */
export const AGREEMENT_STATUS_TONES: Record<AgreementStatus, "neutral" | "info" | "success" | "warning" | "danger"> = {
  BORRADOR: "neutral",
  ENVIADA: "info",
  EN_REVISION: "info",
  ACEPTADA: "info",
  RECHAZADA: "danger",
  VENCIDA: "warning",
  EN_MEDIACION: "warning",
  RECHAZADA_FIRME: "danger",
  PENDIENTE_FIRMA: "info",
  VIGENTE: "success",
  SUSPENDIDA: "warning",
  TERMINADA: "neutral",
};

/** Statuses in which documents may still be attached (the terms are not fixed yet). */

/** "1 día hábil" / "3 días hábiles". */
export function businessDays(n: number): string {
  return `${new Intl.NumberFormat("es-CL").format(n)} ${n === 1 ? "día hábil" : "días hábiles"}`;
}

/** What is left of a running deadline, in words (never colour alone); null when no deadline runs. */
export function deadlineWords(left: number | null): { text: string; tone: "normal" | "soon" | "today" | "overdue" } | null {
  if (left === null) return null;
  if (left < 0) return { text: `Vencido hace ${businessDays(-left)}`, tone: "overdue" };
  if (left === 0) return { text: "Vence hoy", tone: "today" };
  return { text: `Quedan ${businessDays(left)}`, tone: left <= 3 ? "soon" : "normal" };
}

/** A date without time (YYYY-MM-DD), read as that calendar day whatever the time zone. */
export const calendarDate = (d: string) => new Date(`${d}T12:00:00Z`);

export const formatBytes = (n: number) =>
  n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${new Intl.NumberFormat("es-CL", { maximumFractionDigits: 0 }).format(n / 1024)} KB` : `${new Intl.NumberFormat("es-CL", { maximumFractionDigits: 1 }).format(n / 1024 / 1024)} MB`;

/** Each action's confirmation dialog: its question and its "yes". */
export const ACTION_DIALOG: Record<string, { title: string; yes: string }> = {
  submit: { title: "¿Enviar la solicitud?", yes: "Sí, enviar" },
  take_up: { title: "¿Tomar en revisión la solicitud?", yes: "Sí, tomar en revisión" },
  accept: { title: "¿Aceptar la solicitud?", yes: "Sí, aceptar" },
  reject: { title: "¿Rechazar la solicitud?", yes: "Sí, rechazar" },
  extend: { title: "¿Prorrogar el plazo de respuesta?", yes: "Sí, prorrogar" },
  request_mediation: { title: "¿Pedir la mediación de la plataforma?", yes: "Sí, pedir mediación" },
  mediate_accept: { title: "¿Aceptar la solicitud en mediación?", yes: "Sí, aceptar" },
  mediate_reject: { title: "¿Rechazar la solicitud en forma definitiva?", yes: "Sí, rechazar en forma definitiva" },
  sign: { title: "¿Firmar el acuerdo?", yes: "Sí, firmar" },
  suspend: { title: "¿Suspender el acuerdo?", yes: "Sí, suspender" },
  resume: { title: "¿Reanudar el acuerdo?", yes: "Sí, reanudar" },
  terminate: { title: "¿Terminar el acuerdo?", yes: "Sí, terminar" },
};
