/**
 * Every error the portal answers, in one table: a stable `code` for machines, its HTTP status,
 * the Spanish message a person reads when the service has nothing more specific to say, and a
 * description for the API documentation. Services throw by code (`new AppError("node_exists", …)`);
 * each API operation lists the codes it can answer (lib/api/operation.ts), and the OpenAPI
 * document is generated from both (lib/api/openapi.ts).
 */
export type ErrorCodeInfo = { status: number; message: string; description: string };

export const ERROR_CODES = {
  bad_request: {
    status: 400,
    message: "La dirección solicitada no es válida.",
    description: "La ruta trae una codificación por ciento mal formada (p. ej. `%ff`, `%E0%A4%A`).",
  },
  unauthenticated: {
    status: 401,
    message: "Debe iniciar sesión para realizar esta acción.",
    description: "No hay sesión iniciada, o la sesión se cerró o venció.",
  },
  invalid_token: {
    status: 401,
    message: "El token no es válido, ya se usó o venció. Pida uno nuevo al administrador/a de su institución.",
    description: "El token de un solo uso (registro o rotación de claves de un nodo) no existe, ya se usó o venció.",
  },
  forbidden: {
    status: 403,
    message: "No tiene permiso para realizar esta acción.",
    description: "La sesión no tiene el rol que la acción exige.",
  },
  forbidden_origin: {
    status: 403,
    message: "Solicitud rechazada: el origen no corresponde al portal.",
    description: "Una solicitud que cambia estado llegó con la cookie de sesión desde otro origen, o sin cabecera `Origin`.",
  },
  not_acceptable: {
    status: 406,
    message: "El portal no puede responder en el formato que pide la cabecera Accept.",
    description: "La cabecera `Accept` excluye el tipo de la respuesta (JSON, o el que la operación indica).",
  },
  not_found: {
    status: 404,
    message: "El recurso solicitado no existe.",
    description: "El recurso no existe, o quien consulta no puede verlo (un borrador ajeno, p. ej.).",
  },
  invalid_transition: {
    status: 409,
    message: "La acción no está disponible en el estado actual.",
    description: "La tabla de transiciones no permite esa acción desde el estado actual; el mensaje nombra el estado.",
  },
  duplicate_request: {
    status: 409,
    message: "Ya existe una solicitud activa de su institución para este servicio y ambiente.",
    description: "Ya hay una solicitud activa para el mismo consumidor, servicio y ambiente.",
  },
  dev_agreement_required: {
    status: 409,
    message: "Para pedir acceso en producción, primero debe estar vigente un acuerdo en desarrollo para este servicio.",
    description: "Una solicitud de producción exige un acuerdo vigente en desarrollo.",
  },
  already_extended: {
    status: 409,
    message: "El plazo ya se prorrogó una vez; no admite otra prórroga.",
    description: "El plazo de respuesta solo se prorroga una vez.",
  },
  already_signed: {
    status: 409,
    message: "Su institución ya firmó este acuerdo.",
    description: "La jefatura de servicio de esa parte ya firmó.",
  },
  terms_fixed: {
    status: 409,
    message: "Los términos del acuerdo ya están fijados.",
    description: "Los documentos se adjuntan solo mientras los términos no se han fijado (antes de la aceptación).",
  },
  service_exists: {
    status: 409,
    message: "Ya existe ese servicio.",
    description: "Ya existe un servicio con ese código y versión mayor.",
  },
  service_retired: {
    status: 409,
    message: "El servicio está retirado y ya no puede modificarse.",
    description: "Un servicio retirado no se modifica.",
  },
  data_item_exists: {
    status: 409,
    message: "Ya existe ese dato.",
    description: "Ya existe un dato con ese código en la institución.",
  },
  data_item_retired: {
    status: 409,
    message: "El dato está retirado y ya no puede modificarse.",
    description: "Un dato retirado no se modifica.",
  },
  data_item_in_open_service: {
    status: 409,
    message: "Servicios de datos abiertos usan este dato.",
    description: "Un dato que usan servicios de datos abiertos (aprobación automática) solo puede ser ESTADISTICO u OTRO.",
  },
  data_item_in_use: {
    status: 409,
    message: "El dato lo usan servicios vigentes.",
    description: "Un dato que usan servicios publicados u obsoletos no se retira.",
  },
  classification_in_use: {
    status: 409,
    message: "Solo el equipo de la plataforma puede rebajar la clasificación SENSIBLE de un dato que usan servicios publicados.",
    description:
      "Rebajar un dato SENSIBLE que usan servicios publicados quita a esos servicios la exigencia de consentimiento; solo lo hace el equipo de la plataforma.",
  },
  procedure_exists: {
    status: 409,
    message: "Ya existe ese trámite.",
    description: "Ya existe un trámite con ese código CPAT.",
  },
  procedure_repealed: {
    status: 409,
    message: "El trámite está derogado y ya no puede modificarse.",
    description: "Un trámite derogado no se modifica.",
  },
  member_exists: {
    status: 409,
    message: "Esa persona ya integra la institución.",
    description: "La persona (por su RUN) ya tiene un rol en esa institución; cámbielo en vez de agregarla de nuevo.",
  },
  last_admin: {
    status: 409,
    message: "No se puede quitar ni cambiar de rol al último administrador/a de la institución: primero designe a otra persona como administrador/a.",
    description: "Quitar o rebajar a esa persona dejaría a la institución (o al equipo de la plataforma) sin administrador/a.",
  },
  head_of_service_member: {
    status: 409,
    message: "Esa persona es la jefatura de servicio de la institución: su cambio lo hace el equipo de la plataforma, a petición de la institución.",
    description: "La jefatura de servicio es un rol legal (firma los acuerdos): solo el equipo de la plataforma la designa o la quita.",
  },
  not_a_member: {
    status: 409,
    message: "Esa persona no integra la institución: agréguela primero.",
    description: "La jefatura de servicio se designa entre quienes integran la institución.",
  },
  node_exists: {
    status: 409,
    message: "Ya existe ese nodo.",
    description: "Ya existe un nodo con ese nombre en la institución.",
  },
  node_not_active: {
    status: 409,
    message: "Solo un nodo activo rota sus claves.",
    description: "Los tokens de rotación se entregan solo a nodos activos.",
  },
  node_not_pending: {
    status: 409,
    message: "Solo un nodo pendiente recibe un token de registro nuevo.",
    description: "Los tokens de registro se entregan solo a nodos pendientes de registro.",
  },
  node_revoked: {
    status: 409,
    message: "El nodo ya está revocado.",
    description: "El nodo ya está revocado.",
  },
  invalid_link: {
    status: 410,
    message: "El enlace no es válido, ya se usó o venció. Si necesita uno nuevo, pídalo desde «Mi cuenta» en el portal.",
    description: "El enlace de un correo (confirmación de una dirección, o baja de los correos) no existe, no lo emitió el portal, ya se usó o venció.",
  },
  length_required: {
    status: 411,
    message: "Indique el largo del envío (Content-Length).",
    description: "Una subida de archivo debe declarar su largo (`Content-Length`) para poder rechazarla sin leerla si excede el máximo.",
  },
  payload_too_large: {
    status: 413,
    message: "El cuerpo excede el tamaño máximo.",
    description: "El cuerpo excede el máximo de la operación (1 MB para JSON; 10 MB para documentos PDF).",
  },
  unsupported_media_type: {
    status: 415,
    message: "El cuerpo debe ser JSON en UTF-8 (Content-Type: application/json).",
    description: "Solo se acepta `application/json` (opcionalmente `; charset=utf-8`), o `multipart/form-data` donde la operación recibe un archivo.",
  },
  validation_failed: {
    status: 422,
    message: "Los datos enviados no son válidos.",
    description: "Datos inválidos; `issues` dice qué campo y por qué.",
  },
  internal: {
    status: 500,
    message: "Ocurrió un error interno. Intente nuevamente más tarde.",
    description: "Error interno, sin detalle (queda registrado con el identificador de la solicitud).",
  },
  unavailable: {
    status: 503,
    message: "El servicio no está disponible en este momento.",
    description: "El portal no puede atender (p. ej. la base de datos no responde).",
  },
} as const satisfies Record<string, ErrorCodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;

export type ErrorIssue = { path: string; message: string };

/** An error a service throws: a code of ERROR_CODES, and a more specific Spanish message when it has one. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message ?? ERROR_CODES[code].message);
    this.name = "AppError";
    this.status = ERROR_CODES[code].status;
  }
}

/** `validation_failed` with the fields at fault. */
export class ValidationError extends AppError {
  constructor(issues: ErrorIssue[], message?: string) {
    super("validation_failed", message, issues);
  }
}

/** Whether `err` is an AppError, of the given code when one is named. */
export function isAppError(err: unknown, code?: ErrorCode): err is AppError {
  return err instanceof AppError && (code === undefined || err.code === code);
}
