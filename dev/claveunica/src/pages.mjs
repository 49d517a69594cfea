// HTML pages of the ClaveÚnica emulator. Plain HTML forms, no JavaScript.
// Everything interpolated goes through escapeHtml().
import { formatRun, fullName, shortName } from "./persons.mjs";

export const TITLE = "ClaveÚnica (emulador de desarrollo)";

export function escapeHtml(value) {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Security headers for every HTML page of the emulator (no scripts at all). */
export const PAGE_HEADERS = {
  "Cache-Control": "no-store",
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};

// Colours: text #1a1a1a and #4d4d4d on white, gob.cl blue #0f69b4 on white
// (5.7:1) — all above the WCAG 2.1 AA 4.5:1 minimum.
const STYLE = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1rem;line-height:1.5;color:#1a1a1a;background:#f4f6f8}
.barra{background:#0f69b4;color:#fff;padding:.75rem 1.5rem;font-weight:700;font-size:1.125rem}
.barra p{margin:0}
main{max-width:42rem;margin:1.5rem auto;padding:1.5rem;background:#fff;border-radius:.5rem;box-shadow:0 1px 3px rgba(0,0,0,.2)}
h1{font-size:1.75rem;margin:0 0 1rem}
h2{font-size:1.25rem;margin:1.5rem 0 .75rem}
.aviso{border:2px solid #b35900;background:#fff4e5;padding:.75rem 1rem;border-radius:.25rem;margin:0 0 1rem}
.personas{list-style:none;margin:0;padding:0;display:grid;gap:.75rem}
button{font:inherit;cursor:pointer}
.persona{display:block;width:100%;text-align:left;background:#fff;color:#1a1a1a;border:2px solid #0f69b4;border-radius:.375rem;padding:.75rem 1rem}
.persona:hover{background:#e8f1fb}
.persona .accion{display:block;font-weight:700;color:#0f69b4;font-size:1.0625rem}
.persona .datos{display:block}
.persona .descripcion{display:block;color:#4d4d4d;font-size:.9375rem}
.secundario{background:#fff;color:#1a1a1a;border:2px solid #4d4d4d;border-radius:.375rem;padding:.5rem 1.25rem;margin-top:1.5rem}
.secundario:hover{background:#eee}
button:focus-visible,a:focus-visible{outline:3px solid #1a1a1a;outline-offset:3px}
.nota{color:#4d4d4d;font-size:.9375rem;margin-top:1.5rem}
code{font-family:ui-monospace,Consolas,monospace;font-size:.9375em;overflow-wrap:anywhere}
`;

function layout(pageTitle, body) {
  return `<!doctype html>
<html lang="es-CL">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(pageTitle)} · ${escapeHtml(TITLE)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="barra"><p>Emulador local de ClaveÚnica</p></header>
<main>
<h1>${escapeHtml(TITLE)}</h1>
<p class="aviso" role="note"><strong>Esto es un emulador.</strong> No es el servicio ClaveÚnica real y no verifica identidades: solo sirve para desarrollo y pruebas locales. Nunca se usa en producción.</p>
${body}
</main>
</body>
</html>
`;
}

function personButton(person) {
  return `<li><button type="submit" class="persona" name="sub" value="${escapeHtml(person.sub)}">`
    + `<span class="accion">Ingresar como ${escapeHtml(shortName(person))}</span>`
    + `<span class="datos">${escapeHtml(fullName(person))} · RUN ${escapeHtml(formatRun(person.run))}</span>`
    + `<span class="descripcion">${escapeHtml(person.descripcion)}</span>`
    + "</button></li>";
}

/** Login page: one submit button per person (name="sub"), plus a separate "Cancelar" form. */
export function loginPage({ uid, clientName, persons }) {
  const base = `/interaction/${encodeURIComponent(uid)}`;
  return layout("Iniciar sesión", `
<p>La aplicación <strong>${escapeHtml(clientName)}</strong> solicita tu identificador, RUN, nombre y correo electrónico (alcances <code>openid run name email</code>).</p>
<h2 id="titulo-personas">Elige la persona de prueba con la que quieres ingresar</h2>
<form method="post" action="${escapeHtml(`${base}/login`)}">
<ul class="personas" role="list" aria-labelledby="titulo-personas">
${persons.map(personButton).join("\n")}
</ul>
</form>
<form method="post" action="${escapeHtml(`${base}/abort`)}">
<button type="submit" class="secundario">Cancelar</button>
</form>
<p class="nota">Al elegir una persona, el emulador concede automáticamente el consentimiento y te devuelve a la aplicación.</p>
`);
}

/** Short Spanish message page (errors, rejected logout, etc.). */
export function messagePage(heading, message) {
  return layout(heading, `<h2>${escapeHtml(heading)}</h2>\n<p>${escapeHtml(message)}</p>\n`);
}

/** oidc-provider `renderError` replacement: Spanish, escaped. */
export function errorPage(out) {
  const rows = Object.entries(out ?? {})
    .map(([key, value]) => `<li><code>${escapeHtml(key)}</code>: ${escapeHtml(value)}</li>`)
    .join("\n");
  return layout("Error", `<h2>Ocurrió un error</h2>
<p>La solicitud no se pudo completar.</p>
<ul>
${rows}
</ul>
`);
}
