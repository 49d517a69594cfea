/** Content-Security-Policy of the portal's pages: a per-request nonce, no inline or eval'd script in production. */
export function pageCsp(opts: { nonce: string; dev: boolean; https: boolean; formTargets: string[] }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${opts.nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    // React style attributes need 'unsafe-inline' for styles (and a nonce would disable it).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${opts.dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    // Sign-in and sign-out forms end in a redirect to ClaveÚnica: form-action covers redirects.
    `form-action 'self' ${opts.formTargets.join(" ")}`.trim(),
    "frame-ancestors 'none'",
  ];
  if (opts.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}
