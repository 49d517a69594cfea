/**
 * Errors a node produces (PROTOCOL.md §3.5): a stable code whose prefix says where it failed
 * (client, consumer, provider, node), a Spanish message, and an HTTP status derived from the code.
 */
export const ERROR_MESSAGES = {
  "client.bad_request": "La solicitud no es válida.",
  "client.too_large": "El cuerpo de la solicitud excede el máximo permitido.",
  "client.unknown_service": "El servicio no existe en la configuración de la red.",
  "client.missing_header": "Falta una cabecera obligatoria para este servicio.",
  "client.forbidden": "El puerto local del nodo no acepta esta solicitud.",
  "client.unauthenticated": "Falta la credencial de la aplicación o no es válida.",
  "consumer.no_agreement": "Su institución no tiene un acuerdo vigente para este servicio.",
  "consumer.consent_required": "El servicio entrega datos sensibles: se requiere el consentimiento de la persona.",
  "consumer.provider_unreachable": "No fue posible comunicarse con el nodo proveedor.",
  "consumer.provider_timeout": "El nodo proveedor no respondió a tiempo.",
  "consumer.provider_refused": "El nodo proveedor rechazó la solicitud.",
  "consumer.response_invalid": "La respuesta del nodo proveedor no es válida.",
  "provider.unauthenticated": "No autenticado.",
  "provider.too_large": "El mensaje excede el tamaño máximo permitido.",
  "provider.malformed": "El mensaje no tiene la forma que exige el protocolo.",
  "provider.expired": "El mensaje está fuera de su ventana de validez.",
  "provider.access_denied": "Acceso denegado.",
  "provider.replay_detected": "Mensaje repetido.",
  "provider.rate_limited": "Se excedió el límite de transacciones por segundo del acuerdo.",
  "provider.consent_required": "El servicio entrega datos sensibles y la solicitud no trae el consentimiento.",
  "provider.consent_invalid": "El consentimiento no es válido para esta solicitud.",
  "provider.schema_violation": "El cuerpo no cumple el esquema del servicio.",
  "provider.backend_unreachable": "El sistema de la institución proveedora no está disponible.",
  "provider.backend_timeout": "El sistema de la institución proveedora no respondió a tiempo.",
  "provider.backend_too_large": "La respuesta del sistema de la institución proveedora excede el tamaño máximo permitido.",
  "node.config_expired": "La configuración de la red del nodo venció.",
  "node.not_ready": "El nodo aún no tiene una configuración válida de la red.",
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** The HTTP status of a code, by the table of PROTOCOL.md §3.5. */
export function statusOf(code: ErrorCode): number {
  if (code === "client.too_large" || code === "provider.too_large") return 413;
  if (code === "client.forbidden") return 403;
  if (code === "client.unauthenticated") return 401;
  if (code.startsWith("client.")) return 400;
  if (code.startsWith("node.")) return 503;
  const suffix = code.slice(code.indexOf(".") + 1);
  if (suffix === "access_denied" || suffix.startsWith("consent_") || suffix === "no_agreement") return 403;
  if (suffix === "rate_limited") return 429;
  if (suffix === "unauthenticated" || suffix === "expired" || suffix === "replay_detected") return 401;
  if (suffix === "malformed") return 400;
  if (suffix === "schema_violation") return 422;
  // A backend's answer over the limit (§3.5: `*_too_large` from a backend).
  if (suffix.endsWith("_too_large")) return 502;
  if (suffix.endsWith("_unreachable") || suffix === "provider_refused" || suffix === "response_invalid") return 502;
  if (suffix.endsWith("_timeout")) return 504;
  return 500;
}

export class ProtocolError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Extra information for the error body (e.g. the provider's own code, untrusted). */
  readonly detail?: string;
  constructor(code: ErrorCode, detail?: string) {
    super(ERROR_MESSAGES[code]);
    this.name = "ProtocolError";
    this.code = code;
    this.status = statusOf(code);
    this.detail = detail;
  }
}

/** An HTTP client failure (undici) as the node's code: a timeout, or anything else as unreachable. */
export function transportError(err: unknown, timeout: ErrorCode, unreachable: ErrorCode): ProtocolError {
  const name = (err as { code?: string } | null)?.code ?? "";
  return new ProtocolError(name.includes("TIMEOUT") ? timeout : unreachable);
}

export type ErrorBody = { error: { code: ErrorCode; message: string; requestId: string | null; node: string; detail?: string } };

export function errorBody(err: ProtocolError, requestId: string | null, node: string): ErrorBody {
  return { error: { code: err.code, message: err.message, requestId, node, ...(err.detail ? { detail: err.detail } : {}) } };
}
