/**
 * Errors a node produces (PROTOCOL.md §3.5): a stable code whose prefix says where it failed
 * (client, consumer, provider, node), its HTTP status and its Spanish message, written out for
 * every code. errors.test.ts checks each status against the rules of §3.5 in docs/protocol.md.
 */
export const ERRORS = {
  "client.bad_request": { status: 400, message: "La solicitud no es válida." },
  "client.too_large": { status: 413, message: "El cuerpo de la solicitud excede el máximo permitido." },
  "client.unknown_service": { status: 400, message: "El servicio no existe en la configuración de la red." },
  "client.missing_header": { status: 400, message: "Falta una cabecera obligatoria para este servicio." },
  "client.forbidden": { status: 403, message: "El puerto local del nodo no acepta esta solicitud." },
  "client.unauthenticated": { status: 401, message: "Falta la credencial de la aplicación o no es válida." },
  "consumer.no_agreement": { status: 403, message: "Su institución no tiene un acuerdo vigente para este servicio." },
  "consumer.consent_required": { status: 403, message: "El servicio entrega datos sensibles: se requiere el consentimiento de la persona." },
  "consumer.provider_unreachable": { status: 502, message: "No fue posible comunicarse con el nodo proveedor." },
  "consumer.provider_timeout": { status: 504, message: "El nodo proveedor no respondió a tiempo." },
  "consumer.provider_refused": { status: 502, message: "El nodo proveedor rechazó la solicitud." },
  "consumer.response_invalid": { status: 502, message: "La respuesta del nodo proveedor no es válida." },
  "provider.unauthenticated": { status: 401, message: "No autenticado." },
  "provider.too_large": { status: 413, message: "El mensaje excede el tamaño máximo permitido." },
  "provider.malformed": { status: 400, message: "El mensaje no tiene la forma que exige el protocolo." },
  "provider.expired": { status: 401, message: "El mensaje está fuera de su ventana de validez." },
  "provider.access_denied": { status: 403, message: "Acceso denegado." },
  "provider.replay_detected": { status: 401, message: "Mensaje repetido." },
  "provider.rate_limited": { status: 429, message: "Se excedió el límite de transacciones por segundo del acuerdo." },
  "provider.consent_required": { status: 403, message: "El servicio entrega datos sensibles y la solicitud no trae el consentimiento." },
  "provider.consent_invalid": { status: 403, message: "El consentimiento no es válido para esta solicitud." },
  "provider.schema_violation": { status: 422, message: "El cuerpo no cumple el esquema del servicio." },
  "provider.backend_unreachable": { status: 502, message: "El sistema de la institución proveedora no está disponible." },
  "provider.backend_timeout": { status: 504, message: "El sistema de la institución proveedora no respondió a tiempo." },
  "provider.backend_too_large": { status: 502, message: "La respuesta del sistema de la institución proveedora excede el tamaño máximo permitido." },
  "node.config_expired": { status: 503, message: "La configuración de la red del nodo venció." },
  "node.not_ready": { status: 503, message: "El nodo aún no tiene una configuración válida de la red." },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export class ProtocolError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Extra information for the error body (e.g. the provider's own code, untrusted). */
  readonly detail?: string;
  constructor(code: ErrorCode, detail?: string) {
    super(ERRORS[code].message);
    this.name = "ProtocolError";
    this.code = code;
    this.status = ERRORS[code].status;
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
