import { ERROR_CODES, type ErrorCode } from "@/lib/errors";
import type { z } from "@/lib/zod";

/**
 * One API operation: its method, path, who may call it, the zod schemas of its input and
 * output, and the error codes its service can answer. The same definition validates requests
 * (lib/api/route.ts) and documents the API (lib/api/openapi.ts), so the two cannot drift apart.
 */
export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

type Maybe = z.ZodType | undefined;
export type Auth = "public" | "session";

/** The tags of the API documentation, in order, with what each groups. */
export const API_TAGS = {
  Instituciones: "Los órganos de la Administración del Estado (OAE), su grupo de gradualidad (Ley 21.464), su plazo y su etapa de incorporación.",
  "Catálogo de Servicios": "Los servicios de interoperabilidad: quién los provee, qué datos entregan, sus niveles de servicio (TPS, ANS) y su ciclo de vida.",
  "Directorio de Datos": "Los datos que los servicios entregan: atributos, clasificación, institución responsable y frecuencia de actualización.",
  "Trámites (CPAT)": "Los trámites del registro CPAT que justifican el acceso a los servicios.",
  "Gestor de Acuerdos": "Solicitudes de acceso, revisión con plazos legales, mediación, firmas de las jefaturas de servicio, suspensión y término.",
  Notificaciones: "Avisos del portal a las instituciones y al equipo de la plataforma, y los correos que los llevan.",
  Personas: "Las personas de cada institución y sus roles, la jefatura de servicio, el equipo de la plataforma, y la cuenta de cada persona: sus direcciones de correo y cómo recibirlos.",
  "Red y nodos": "Los nodos de cada institución, sus claves y la configuración firmada de la red que los nodos obedecen.",
  Plataforma: "Estado del portal y sus trabajos programados.",
} as const;
export type ApiTag = keyof typeof API_TAGS;

export type Operation<
  Q extends Maybe = Maybe,
  P extends Maybe = Maybe,
  B extends Maybe = Maybe,
  R extends z.ZodType = z.ZodType,
  A extends Auth = Auth,
> = {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI path template, e.g. `/api/v1/institutions/{code}`. */
  path: string;
  tags: ApiTag[];
  summary: string;
  /** What it does, who may call it and what it refuses: every operation has one. */
  description: string;
  /** `public`: anyone; `session`: a signed-in person (permissions are checked by the service). */
  auth: A;
  query?: Q;
  params?: P;
  body?: B;
  response: R;
  /** Media type of the success answer when it is not JSON (e.g. application/pdf). */
  responseMedia?: string;
  /** A multipart/form-data upload read by the handler itself (the documented file field). */
  upload?: { field: string; description: string };
  successStatus?: 200 | 201 | 202;
  /**
   * The codes its service can answer (ERROR_CODES). Those that follow from the definition
   * (a session, path parameters, a query, a body, a state-changing method) are added by
   * `answerableCodes`; list only the others.
   */
  errors: ErrorCode[];
};

export function defineOperation<
  R extends z.ZodType,
  A extends Auth,
  Q extends Maybe = undefined,
  P extends Maybe = undefined,
  B extends Maybe = undefined,
>(op: Operation<Q, P, B, R, A>): Operation<Q, P, B, R, A> {
  return op;
}

const ORDER = Object.keys(ERROR_CODES) as ErrorCode[];

/** Every code an operation can answer: its own, those its definition implies, and `internal`. */
export function answerableCodes(op: Operation): ErrorCode[] {
  const codes = new Set<ErrorCode>(op.errors);
  if (op.auth === "session") codes.add("unauthenticated");
  // The proxy refuses state-changing requests from another origin (proxy.ts).
  if (op.method !== "GET") codes.add("forbidden_origin");
  // A path that names nothing valid names nothing that exists; a path badly percent-encoded is a 400.
  if (op.params) codes.add("not_found").add("bad_request");
  if (op.query) codes.add("validation_failed");
  if (op.body || op.upload) codes.add("validation_failed").add("payload_too_large").add("unsupported_media_type");
  // Every operation answers one media type; an Accept header that excludes it gets 406.
  codes.add("not_acceptable").add("internal");
  return ORDER.filter((c) => codes.has(c));
}
