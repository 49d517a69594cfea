/** Calls to the portal's own API from the browser (same origin: the Origin header goes with it). */

import type { ErrorCode } from "@/lib/errors";

export type Issue = { path: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** A key of ERROR_CODES (lib/errors.ts), or `network` / `error` when there was no answer to read. */
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/**
 * Whether `err` is the API's answer with that error code. The code is typed as a key of
 * ERROR_CODES, so renaming or removing a code breaks the build instead of the form.
 */
export function isErrorCode(err: unknown, code: ErrorCode): err is ApiError {
  return err instanceof ApiError && err.code === code;
}

type ErrorBody = { error?: { code?: unknown; message?: unknown; issues?: unknown } };

function isIssue(v: unknown): v is Issue {
  return !!v && typeof v === "object" && typeof (v as Issue).path === "string" && typeof (v as Issue).message === "string";
}

const NETWORK = "No se pudo conectar con el portal. Revise su conexión e intente nuevamente.";
const FAILED = "Ocurrió un error en el portal. Intente nuevamente en unos minutos.";

/**
 * Sends a request and returns the answer's JSON; any error becomes an ApiError with a message
 * for people: the API's own message, `statusMessages[status]` where a status needs other words
 * (a session that ended, a file too large), and a generic one for 5xx or an unreadable answer.
 */
async function request<T>(url: string, init: RequestInit, statusMessages: Partial<Record<number, string>>): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { Accept: "application/json", ...init.headers }, credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "network", NETWORK);
  }
  const data: unknown = await res.json().catch(() => null);
  if (res.ok) return data as T;
  const err = (data as ErrorBody | null)?.error;
  const code = typeof err?.code === "string" ? err.code : "error";
  const issues = Array.isArray(err?.issues) ? err.issues.filter(isIssue) : [];
  let message = statusMessages[res.status] ?? (typeof err?.message === "string" ? err.message : "");
  if (!message || res.status >= 500) message = FAILED;
  throw new ApiError(res.status, code, message, issues);
}

/** Sends JSON (none for a DELETE without `body`) and returns the answer. */
export function sendJson<T>(url: string, method: "POST" | "PATCH" | "PUT" | "DELETE", body?: unknown): Promise<T> {
  const init: RequestInit = body === undefined ? { method } : { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
  return request<T>(url, init, {
    401: "Su sesión terminó. Vuelva a ingresar para continuar (lo escrito aquí se perderá si recarga la página).",
  });
}

/** POSTs a file as multipart/form-data (field `file`) and returns the answer. */
export function sendFile<T>(url: string, file: File): Promise<T> {
  const form = new FormData();
  form.append("file", file, file.name);
  return request<T>(url, { method: "POST", body: form }, {
    401: "Su sesión terminó. Vuelva a ingresar para continuar.",
    413: "El archivo supera el máximo de 10 MB.",
  });
}

/** GETs JSON; throws on a non-2xx answer. */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { headers: { Accept: "application/json" }, signal, credentials: "same-origin" });
  if (!res.ok) throw new ApiError(res.status, "error", "No se pudo completar la búsqueda.");
  return (await res.json()) as T;
}
