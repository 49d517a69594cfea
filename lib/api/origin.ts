/**
 * State-changing requests must come from the portal's own pages (CSRF defence in depth, on top
 * of SameSite=Lax session cookies). Browsers send `Origin` on every POST/PATCH/PUT/DELETE; a
 * request that carries the session cookie without it is refused. Machine clients (node-agents)
 * send no cookies and authenticate with signed documents instead.
 */
export type OriginCheckInput = {
  method: string;
  origin: string | null;
  secFetchSite: string | null;
  hasSessionCookie: boolean;
  allowedOrigin: string;
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isAllowedOrigin(input: OriginCheckInput): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return true;
  if (input.origin !== null) return input.origin === input.allowedOrigin;
  if (input.secFetchSite !== null && input.secFetchSite !== "same-origin" && input.secFetchSite !== "none") return false;
  return !input.hasSessionCookie;
}
