import { STATUS_LABELS } from "@/lib/catalog/labels";
import { formatDateTime } from "@/lib/format";
import type { LifecycleStatus } from "@/lib/generated/prisma/enums";
import { EVENT_LABELS } from "./labels";

type Event = { action: string; from: string | null; to: string; actor: string | null; reason: string | null; at: string };

const statusLabel = (s: string) => STATUS_LABELS[s as LifecycleStatus] ?? s;

/** The history of an entity as a timeline, oldest first: what, who, when, from → to, why. */
export function LifecycleTimeline({ events, headingId }: { events: Event[]; headingId: string }) {
  if (events.length === 0) return <p className="text-ink-muted">Sin eventos registrados.</p>;
  return (
    <ol aria-labelledby={headingId} className="relative ml-2 border-l-2 border-line">
      {events.map((e, i) => (
        <li key={`${e.at}-${i}`} className="relative mb-6 pl-6 last:mb-0">
          <span aria-hidden="true" className="absolute top-1.5 -left-[9px] h-4 w-4 rounded-full border-2 border-white bg-primary" />
          <p className="font-bold">{EVENT_LABELS[e.action] ?? e.action}</p>
          <p className="text-sm text-ink-muted">
            <time dateTime={e.at}>{formatDateTime(new Date(e.at))}</time>
            {" · "}
            {e.actor ? <>por {e.actor}</> : <>por el sistema</>}
          </p>
          <p className="mt-1 text-sm">
            {e.from ? (
              <>
                {statusLabel(e.from)} <span aria-hidden="true">→</span>
                <span className="sr-only">a</span> {statusLabel(e.to)}
              </>
            ) : (
              <>Estado inicial: {statusLabel(e.to)}</>
            )}
          </p>
          {e.reason && (
            <p className="mt-1 text-sm">
              <span className="font-medium">Motivo:</span> {e.reason}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
