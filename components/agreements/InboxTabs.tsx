import Link from "next/link";
import { formatNumber } from "@/lib/format";

/** "Todas" / "No leídas (N)": the look of the catalog's StatusTabs, the current one marked with aria-current. */
export function InboxTabs({ base, unreadOnly, unread }: { base: string; unreadOnly: boolean; unread: number }) {
  const tabs = [
    { href: base, label: "Todas", count: null, active: !unreadOnly },
    { href: `${base}?ver=no-leidas`, label: "No leídas", count: unread, active: unreadOnly },
  ];
  return (
    <nav aria-label="Filtrar notificaciones" className="mb-6 border-b-2 border-line">
      <ul className="-mb-0.5 flex flex-wrap gap-1">
        {tabs.map((t) => (
          <li key={t.label}>
            <Link
              href={t.href}
              aria-current={t.active ? "page" : undefined}
              className={`inline-block rounded-t border-2 px-4 py-2 font-medium no-underline ${
                t.active ? "border-line border-b-white bg-white font-bold text-tertiary" : "border-transparent text-primary hover:bg-primary-light"
              }`}
            >
              {t.label}
              {t.count !== null && <span className="text-sm text-ink-muted"> ({formatNumber(t.count)})</span>}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
