import { ProtocolError } from "../errors.ts";
import { SERVICE_ID_PATTERN } from "../shared/identifiers.ts";

export const METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

export type LocalTarget = { serviceId: string; path: string; query: string };

/**
 * `/r1/{institution}/{service}/v{major}/{path...}?{query}` (PROTOCOL.md §3.1). The remaining path
 * must be percent-encoded per RFC 3986, with no dot-segments, no `//` and no `%2F`.
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
  if (/[^A-Za-z0-9\-._~!$&'()*+,;=:@%/?]/.test(query) || /%(?![0-9A-Fa-f]{2})/.test(query)) {
    throw new ProtocolError("client.bad_request", "consulta mal codificada");
  }
  return { serviceId, path, query };
}

export function assertCleanPath(path: string): void {
  if (path === "") return;
  if (!path.startsWith("/") || path.includes("//")) throw new ProtocolError("client.bad_request", "ruta con segmentos vacíos");
  if (/%2f/i.test(path)) throw new ProtocolError("client.bad_request", "ruta con %2F");
  if (/[^A-Za-z0-9\-._~!$&'()*+,;=:@%/]/.test(path) || /%(?![0-9A-Fa-f]{2})/.test(path)) throw new ProtocolError("client.bad_request", "ruta mal codificada");
  for (const segment of path.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw new ProtocolError("client.bad_request", "ruta mal codificada");
    }
    if (decoded === "." || decoded === "..") throw new ProtocolError("client.bad_request", "ruta con segmentos . o ..");
  }
}
