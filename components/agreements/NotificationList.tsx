import Link from "next/link";
import { Badge } from "@/components/ui/Badge";
import { formatDateTime } from "@/lib/format";
import type { TNotification } from "@/lib/notifications/service";
import { MarkReadButton } from "./MarkReadButton";

/** An inbox, newest first: unread ones say so in words; each links to its agreement and can be marked read. */
export function NotificationList({
  notifications,
  labelledBy,
  emptyText,
  canMark = true,
}: {
  notifications: TNotification[];
  labelledBy: string;
  emptyText: string;
  /** False for the platform team reading an institution's inbox: marking read is the institution's own business. */
  canMark?: boolean;
}) {
  if (notifications.length === 0) return <p className="text-ink-muted">{emptyText}</p>;
  return (
    <ul aria-labelledby={labelledBy} className="space-y-3">
      {notifications.map((n) => (
        <li key={n.id} className={`rounded-lg border p-4 ${n.read ? "border-line bg-white" : "border-l-4 border-primary bg-primary-light"}`}>
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0 flex-1">
              <h3 id={`notificacion-${n.id}`} tabIndex={-1} className="font-sans text-lg font-bold text-ink">
                {!n.read && (
                  <span className="mr-2 align-middle">
                    <Badge tone="info">No leída</Badge>
                  </span>
                )}
                {n.title}
              </h3>
              <p className="text-sm text-ink-muted">
                <time dateTime={n.createdAt}>{formatDateTime(new Date(n.createdAt))}</time>
                {n.read && " · Leída"}
              </p>
              <p className="mt-1">{n.body}</p>
              {n.agreementId && (
                <p className="mt-1">
                  <Link href={`/acuerdos/${n.agreementId}`}>
                    Ver el acuerdo<span className="sr-only"> de la notificación «{n.title}»</span>
                  </Link>
                </p>
              )}
            </div>
            {!n.read && canMark && <MarkReadButton id={n.id} title={n.title} />}
          </div>
        </li>
      ))}
    </ul>
  );
}
