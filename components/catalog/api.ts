/** Calls to the portal's own API from the browser (same origin: the Origin header goes with it). */

export type Issue = { path: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

type ErrorBody = { error?: { code?: unknown; message?: unknown; issues?: unknown } };

function isIssue(v: unknown): v is Issue {
  return !!v && typeof v === "object" && typeof (v as Issue).path === "string" && typeof (v as Issue).message === "string";
}

/** Sends JSON and returns the answer; any error becomes an ApiError with a message for people. */
export async function sendJson<T>(url: string, method: "POST" | "PATCH", body: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "network", "No se pudo conectar con el portal. Revise su conexión e intente nuevamente.");
  }
  const data: unknown = await res.json().catch(() => null);
  if (res.ok) return data as T;
  const err = (data as ErrorBody | null)?.error;
  const code = typeof err?.code === "string" ? err.code : "error";
  const issues = Array.isArray(err?.issues) ? err.issues.filter(isIssue) : [];
  let message = typeof err?.message === "string" ? err.message : "";
  if (res.status === 401) message = "Su sesión terminó. Vuelva a ingresar para continuar (lo escrito aquí se perderá si recarga la página).";
  if (!message || res.status >= 500) message = "Ocurrió un error en el portal. Intente nuevamente en unos minutos.";
  throw new ApiError(res.status, code, message, issues);
}

/** GETs JSON; throws on a non-2xx answer. */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { headers: { Accept: "application/json" }, signal, credentials: "same-origin" });
  if (!res.ok) throw new ApiError(res.status, "error", "No se pudo completar la búsqueda.");
  return (await res.json()) as T;
}
