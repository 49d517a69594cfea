/**
 * The page for an address whose percent-encoding cannot be decoded (`/instituciones/%E0%A4%A`,
 * often a link cut off when copied from an e-mail), answered by proxy.ts with status 400. Next
 * cannot give a page that status (a rewrite's status is not kept), so the proxy writes this small
 * self-contained page: Spanish, the portal's colours, no script, accessible.
 */
export function invalidAddressPage(): string {
  return `<!doctype html>
<html lang="es-CL">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Dirección no válida · Red de Interoperabilidad del Estado</title>
<style>
  body { margin: 0; font-family: Roboto, "Helvetica Neue", Arial, sans-serif; color: #111111; background: #ffffff; line-height: 1.5; }
  header { background: #0a132d; color: #ffffff; padding: 1rem 1.5rem; border-top: 6px solid #006fb3; }
  header a { color: #ffffff; font-weight: 700; text-decoration: none; font-size: 1.125rem; }
  main { max-width: 48rem; margin: 0 auto; padding: 2rem 1.5rem; }
  h1 { color: #0a132d; font-size: 2rem; margin: 0 0 1rem; }
  p { margin: 0 0 1rem; font-size: 1.125rem; }
  .lead { color: #4a4a4a; }
  a { color: #006fb3; }
  a:focus-visible { outline: 3px solid #ffbe5c; outline-offset: 2px; }
</style>
</head>
<body>
<header><a href="/">Red de Interoperabilidad del Estado</a></header>
<main id="contenido">
<h1>Dirección no válida</h1>
<p class="lead">La dirección que abrió tiene caracteres mal codificados, por ejemplo porque se cortó al copiarla desde un correo o un documento.</p>
<p>Revise la dirección completa, o vuelva al <a href="/">inicio</a> o al <a href="/instituciones">listado de instituciones</a>.</p>
</main>
</body>
</html>
`;
}
