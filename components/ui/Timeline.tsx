import type { ReactNode } from "react";
import { formatDateTime } from "@/lib/format";

/** One entry of a history: what happened, when, by whom (null: the system; absent: not shown), details, why. */
export type TimelineEntry = { at: string; title: string; by?: string | null; lines: ReactNode[]; reason?: string | null };

/** A history as a timeline, in the order given (oldest first, by convention). */
export function Timeline({ entries, headingId }: { entries: TimelineEntry[]; headingId: string }) {
  if (entries.length === 0) return <p className="text-ink-muted">Sin eventos registrados.</p>;
  return (
    <ol aria-labelledby={headingId} className="relative ml-2 border-l-2 border-line">
      {entries.map((e, i) => (
        <li key={`${e.at}-${i}`} className="relative mb-6 pl-6 last:mb-0">
          <span aria-hidden="true" className="absolute top-1.5 -left-[9px] h-4 w-4 rounded-full border-2 border-white bg-primary" />
          <p className="font-bold">{e.title}</p>
          <p className="text-sm text-ink-muted">
            <time dateTime={e.at}>{formatDateTime(new Date(e.at))}</time>
            {e.by !== undefined && <>{" · "}{e.by ? <>por {e.by}</> : <>por el sistema</>}</>}
          </p>
          {e.lines.map((line, j) => (
            <p key={j} className="mt-1 text-sm">
              {line}
            </p>
          ))}
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

/** One transition of a state machine, as every event table records it. */
export type TransitionEvent = { action: string; from: string | null; to: string; actor: string | null; reason: string | null; at: string };

/** Transitions as timeline entries: the action, who, when, from → to, what `details` add, why. */
export function transitionEntries<E extends TransitionEvent>(
  events: E[],
  labels: { action: (action: string) => string; status: (status: string) => string },
  details: (event: E) => string[] = () => [],
): TimelineEntry[] {
  return events.map((e) => ({
    at: e.at,
    title: labels.action(e.action),
    by: e.actor,
    reason: e.reason,
    lines: [
      !e.from ? (
        <>Estado inicial: {labels.status(e.to)}</>
      ) : e.from === e.to ? (
        <>Sigue en estado {labels.status(e.to)}</>
      ) : (
        <>
          {labels.status(e.from)} <span aria-hidden="true">→</span>
          <span className="sr-only">a</span> {labels.status(e.to)}
        </>
      ),
      ...details(e),
    ],
  }));
}
