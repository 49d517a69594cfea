import { ProtocolError } from "../errors.ts";
import { SERVICE_ID_PATTERN } from "../shared/identifiers.ts";

export const METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

/** `req.path` and `req.query`: at most this many characters (§3.3 step 2a). */
export const MAX_PATH_OR_QUERY = 4096;

export type LocalTarget = { serviceId: string; path: string; query: string };

/**
 * `/r1/{institution}/{service}/v{major}/{path...}?{query}` (PROTOCOL.md §3.1). The remaining path
 * must be percent-encoded per RFC 3986, with no dot-segments, no `//` and no `%2F`; path and query
 * at most 4,096 characters each.
 */
export function parseLocalUrl(rawUrl: string): LocalTarget {
  const q = rawUrl.indexOf("?");
  const pathname = q === -1 ? rawUrl : rawUrl.slice(0, q);
  const query = q === -1 ? "" : rawUrl.slice(q + 1);
  const m = /^\/r1\/([^/]+)\/([^/]+)\/(v[^/]+)(\/.*)?$/.exec(pathname);
  if (!m) throw new ProtocolError("client.bad_request", "ruta /r1/{institución}/{servicio}/v{versión}/…");
  const serviceId = `${m[1]}/${m[2]}/${m[3]}`;
  if (!SERVICE_ID_PATTERN.test(serviceId)) throw new ProtocolError("client.bad_request", "identificador de servicio inválido");
  const path = m[4] ?? "";
  assertCleanPath(path);
  const bad = queryProblem(query);
  if (bad) throw new ProtocolError("client.bad_request", bad);
  return { serviceId, path, query };
}

export function assertCleanPath(path: string): void {
  const bad = pathProblem(path);
  if (bad) throw new ProtocolError("client.bad_request", bad);
}

/** Why a path is not of the form of §3.2 (in Spanish), or null when it is. */
export function pathProblem(path: string): string | null {
  if (path === "") return null;
  if (path.length > MAX_PATH_OR_QUERY) return `ruta de más de ${MAX_PATH_OR_QUERY} caracteres`;
  if (!path.startsWith("/") || path.includes("//")) return "ruta con segmentos vacíos";
  if (/%2f/i.test(path)) return "ruta con %2F";
  if (/[^A-Za-z0-9\-._~!$&'()*+,;=:@%/]/.test(path) || /%(?![0-9A-Fa-f]{2})/.test(path)) return "ruta mal codificada";
  for (const segment of path.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return "ruta mal codificada";
    }
    if (decoded === "." || decoded === "..") return "ruta con segmentos . o ..";
  }
  return null;
}

/** Why a query is not of the form of §3.2 (in Spanish), or null when it is. */
export function queryProblem(query: string): string | null {
  if (query.length > MAX_PATH_OR_QUERY) return `consulta de más de ${MAX_PATH_OR_QUERY} caracteres`;
  if (/[^A-Za-z0-9\-._~!$&'()*+,;=:@%/?]/.test(query) || /%(?![0-9A-Fa-f]{2})/.test(query)) return "consulta mal codificada";
  return null;
}
