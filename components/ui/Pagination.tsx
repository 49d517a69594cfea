import Link from "next/link";

/** Page links that keep the current filters. `hrefFor(page)` builds each link. */
export function Pagination({ page, totalPages, hrefFor }: { page: number; totalPages: number; hrefFor: (page: number) => string }) {
  if (totalPages <= 1) return null;
  const pages = new Set([1, totalPages, page - 1, page, page + 1].filter((p) => p >= 1 && p <= totalPages));
  const sorted = [...pages].sort((a, b) => a - b);
  const item = "inline-flex min-w-10 items-center justify-center rounded border border-line px-3 py-1.5";
  return (
    <nav aria-label="Paginación" className="mt-6">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 && (
          <li>
            <Link className={item} href={hrefFor(page - 1)} rel="prev">
              Anterior
            </Link>
          </li>
        )}
        {sorted.map((p, i) => (
          <li key={p} className="flex items-center gap-2">
            {i > 0 && sorted[i - 1] !== p - 1 && <span aria-hidden="true">…</span>}
            {p === page ? (
              <span className={`${item} border-primary bg-primary font-bold text-white`} aria-current="page">
                <span className="sr-only">Página </span>
                {p}
              </span>
            ) : (
              <Link className={item} href={hrefFor(p)}>
                <span className="sr-only">Página </span>
                {p}
              </Link>
            )}
          </li>
        ))}
        {page < totalPages && (
          <li>
            <Link className={item} href={hrefFor(page + 1)} rel="next">
              Siguiente
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
