import { ApiError, type Issue } from "@/components/catalog/api";

type ErrorBody = { error?: { code?: unknown; message?: unknown; issues?: unknown } };

const isIssue = (v: unknown): v is Issue => !!v && typeof v === "object" && typeof (v as Issue).path === "string" && typeof (v as Issue).message === "string";

/**
 * POSTs a file as multipart/form-data (field `file`) and returns the answer; any error becomes an
 * ApiError with a message for people, as `sendJson` does for JSON.
 */
export async function sendFile<T>(url: string, file: File): Promise<T> {
  const form = new FormData();
  form.append("file", file, file.name);
  let res: Response;
  try {
    res = await fetch(url, { method: "POST", headers: { Accept: "application/json" }, body: form, credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "network", "No se pudo conectar con el portal. Revise su conexión e intente nuevamente.");
  }
  const data: unknown = await res.json().catch(() => null);
  if (res.ok) return data as T;
  const err = (data as ErrorBody | null)?.error;
  const code = typeof err?.code === "string" ? err.code : "error";
  const issues = Array.isArray(err?.issues) ? err.issues.filter(isIssue) : [];
  let message = typeof err?.message === "string" ? err.message : "";
  if (res.status === 401) message = "Su sesión terminó. Vuelva a ingresar para continuar.";
  if (res.status === 413) message = "El archivo supera el máximo de 10 MB.";
  if (!message || res.status >= 500) message = "Ocurrió un error en el portal. Intente nuevamente en unos minutos.";
  throw new ApiError(res.status, code, message, issues);
}
