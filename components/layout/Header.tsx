import Link from "next/link";
import type { Actor } from "@/lib/auth/session";
import { HeaderMenu } from "./HeaderMenu";

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
      <HeaderMenu
        brand={
          <Link href="/" className="min-w-0 flex-1 no-underline md:flex-none">
            <span className="block font-heading text-lg font-bold leading-snug text-tertiary md:text-xl">Red de Interoperabilidad del Estado</span>
            <span className="block text-sm text-ink-muted">Servicios centrales · PISEE</span>
          </Link>
        }
        account={
          actor ? (
            <>
              {actor.memberships.map((m) => (
                // The institution's name, its code as secondary text.
                <Link key={m.institutionCode} href={`/institucion/${m.institutionCode}`} className="max-w-xs font-medium leading-tight">
                  <span className="sr-only">Área de </span>
                  {m.institutionName}{" "}
                  <span className=" text-sm font-normal text-ink-muted">({m.institutionCode})</span>
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
          )
        }
        nav={
          <ul className="container-page flex flex-col gap-1 py-2 md:flex-row md:flex-wrap md:gap-x-6">
            {NAV.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="block py-1 font-medium text-white no-underline hover:text-white hover:underline md:inline md:py-0">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        }
      />
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
