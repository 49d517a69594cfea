import Link from "next/link";

export function Footer() {
  return (
    <footer className="mt-16 bg-tertiary text-white">
      <div className="container-page grid gap-8 py-10 sm:grid-cols-3">
        <div>
          <p className="font-heading text-lg font-bold">Red de Interoperabilidad del Estado</p>
          <p className="mt-2 text-sm text-white/90">
            Intercambio de datos, documentos y expedientes entre los órganos de la Administración del Estado (Ley 21.180).
          </p>
        </div>
        <nav aria-label="Pie de página">
          <ul className="space-y-2 text-sm">
            <li>
              <Link href="/catalogo" className="text-white hover:text-white">
                Catálogo de Servicios
              </Link>
            </li>
            <li>
              <Link href="/datos" className="text-white hover:text-white">
                Directorio de Datos
              </Link>
            </li>
            <li>
              <Link href="/instituciones" className="text-white hover:text-white">
                Instituciones y plazos
              </Link>
            </li>
            <li>
              <Link href="/api/docs" className="text-white hover:text-white">
                Documentación de la API
              </Link>
            </li>
            <li>
              <a href="/api/v1/openapi.json" className="text-white hover:text-white">
                Especificación OpenAPI 3.1
              </a>
            </li>
          </ul>
        </nav>
        <p className="text-sm text-white/90">
          Las personas ingresan con ClaveÚnica. Cada intercambio entre instituciones queda registrado en el Registro de Trazabilidad.
        </p>
      </div>
      <div aria-hidden="true" className="flex h-1.5">
        <span className="w-1/2 bg-primary" />
        <span className="w-1/2 bg-secondary" />
      </div>
    </footer>
  );
}
