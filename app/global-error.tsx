"use client";

import Link from "next/link";

export default function GlobalError() {
  return (
    <html lang="es-CL">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <main>
          <h1>Ocurrió un problema</h1>
          <p>El portal no pudo responder. Intente nuevamente en unos minutos.</p>
          <Link href="/">Ir al inicio</Link>
        </main>
      </body>
    </html>
  );
}
