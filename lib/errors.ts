/**
 * Errors a service throws. Each has a stable `code` (for machines) and a Spanish `message`
 * (for people); lib/api maps them to HTTP statuses and the one error shape.
 */
export type ErrorIssue = { path: string; message: string };

export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = "Debe iniciar sesión para realizar esta acción.") {
    super("unauthenticated", message, 401);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "No tiene permiso para realizar esta acción.", code = "forbidden") {
    super(code, message, 403);
  }
}

export class NotFoundError extends AppError {
  constructor(message = "El recurso solicitado no existe.") {
    super("not_found", message, 404);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, code = "conflict") {
    super(code, message, 409);
  }
}

export class ValidationError extends AppError {
  constructor(issues: ErrorIssue[], message = "Los datos enviados no son válidos.") {
    super("validation_failed", message, 422, issues);
  }
}
