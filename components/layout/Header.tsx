import Link from "next/link";
import type { Actor } from "@/lib/auth/session";

const NAV = [
  { href: "/", label: "Inicio" },
  { href: "/catalogo", label: "Catálogo" },
  { href: "/datos", label: "Datos" },
  { href: "/instituciones", label: "Instituciones" },
  { href: "/api/docs", label: "API" },
];

export function Header({ actor, unread = {} }: { actor: Actor | null; unread?: Record<string, number> }) {
  return (
    <header>
      <div className="bg-tertiary text-white">
        <div className="container-page flex flex-wrap items-center justify-between gap-2 py-1.5 text-sm">
          <span>Gobierno de Chile</span>
          <span aria-hidden="true" className="flex h-1.5 w-16 overflow-hidden rounded">
            <span className="w-1/2 bg-primary" />
            <span className="w-1/2 bg-secondary" />
          </span>
        </div>
      </div>
      <div className="border-b border-line bg-white">
        <div className="container-page flex flex-wrap items-center justify-between gap-4 py-4">
          <Link href="/" className="no-underline">
            <span className="block font-heading text-xl font-bold text-tertiary">Red de Interoperabilidad del Estado</span>
            <span className="block text-sm text-ink-muted">Servicios centrales · PISEE</span>
          </Link>
          <div className="flex flex-wrap items-center gap-3">
            {actor ? (
              <>
                {actor.memberships.map((m) => (
                  <Link key={m.institutionCode} href={`/institucion/${m.institutionCode}`} className="font-medium">
                    <span className="sr-only">Área de </span>
                    {m.institutionCode}
                    <UnreadBadge count={unread[m.institutionCode] ?? 0} />
                  </Link>
                ))}
                {actor.isPlatformAdmin && (
                  <Link href="/admin" className="font-medium">
                    Plataforma
                    <UnreadBadge count={unread.PLATAFORMA ?? 0} />
                  </Link>
                )}
                <Link href="/cuenta" className="font-medium">
                  <span className="sr-only">Mi cuenta: </span>
                  {actor.givenNames.split(" ")[0]} {actor.familyNames.split(" ")[0]}
                </Link>
                <form action="/salir" method="post">
                  <button type="submit" className="rounded border-2 border-primary px-3 py-1.5 font-medium text-primary hover:bg-primary-light">
                    Cerrar sesión
                  </button>
                </form>
              </>
            ) : (
              <Link href="/ingresar" className="rounded border-2 border-primary bg-primary px-3 py-1.5 font-medium text-white no-underline hover:bg-primary-dark hover:text-white">
                Ingresar
              </Link>
            )}
          </div>
        </div>
        <nav aria-label="Principal" className="bg-primary">
          <ul className="container-page flex flex-wrap gap-x-6 gap-y-1 py-2">
            {NAV.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="font-medium text-white no-underline hover:text-white hover:underline">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}

/** Unread notifications next to an area's link: a number for the eye, words for screen readers. */
function UnreadBadge({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <span className="ml-1 inline-flex min-w-6 items-center justify-center rounded-full bg-danger px-1.5 text-xs font-bold text-white">
      {count}
      <span className="sr-only"> {count === 1 ? "notificación sin leer" : "notificaciones sin leer"}</span>
    </span>
  );
}
