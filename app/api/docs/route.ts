/**
 * /api/docs: the API documentation, browsable with Swagger UI served from this portal
 * (swagger-ui-dist from npm; nothing from a CDN). Its scripts are same-origin files only.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const HTML = `<!doctype html>
<html lang="es-CL">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Documentación de la API · Red de Interoperabilidad del Estado</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
<style>
  body { margin: 0; font-family: Roboto, system-ui, sans-serif; color: #111; }
  .barra { background: #0a132d; color: #fff; padding: 1rem 1.5rem; }
  .barra a { color: #fff; }
  .barra h1 { margin: 0.25rem 0 0; font-size: 1.5rem; }
  main { padding: 0 1rem; }
  a:focus-visible, button:focus-visible { outline: 3px solid #ffbe5c; outline-offset: 2px; }
</style>
</head>
<body>
<header class="barra">
  <a href="/">Volver al portal</a>
  <h1>Documentación de la API</h1>
  <p>Especificación en formato OpenAPI 3.1: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p>
</header>
<main id="contenido"><div id="swagger-ui"></div><noscript>Esta vista necesita JavaScript. La especificación completa está en /api/v1/openapi.json.</noscript></main>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api-docs/init.js"></script>
</body>
</html>`;

export function GET() {
  return new Response(HTML, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": CSP, "Cache-Control": "public, max-age=300" },
  });
}
