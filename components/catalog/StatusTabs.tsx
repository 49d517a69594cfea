import Link from "next/link";
import { formatNumber } from "@/lib/format";

export type StatusTab = { slug: string; label: string; count: number };

/** Links that filter a list by status; the current one is marked with aria-current. */
export function StatusTabs({ tabs, current, hrefFor, label }: { tabs: StatusTab[]; current: string; hrefFor: (slug: string) => string; label: string }) {
  return (
    <nav aria-label={label} className="mb-6 border-b-2 border-line">
      <ul className="-mb-0.5 flex flex-wrap gap-1">
        {tabs.map((t) => {
          const active = t.slug === current;
          return (
            <li key={t.slug}>
              <Link
                href={hrefFor(t.slug)}
                aria-current={active ? "page" : undefined}
                className={`inline-block rounded-t border-2 px-4 py-2 font-medium no-underline ${
                  active ? "border-line border-b-white bg-white font-bold text-tertiary" : "border-transparent text-primary hover:bg-primary-light"
                }`}
              >
                {t.label} <span className="text-sm text-ink-muted">({formatNumber(t.count)})</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
