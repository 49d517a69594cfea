import { Timeline, transitionEntries, type TransitionEvent } from "@/components/ui/Timeline";
import { STATUS_LABELS } from "@/lib/catalog/labels";
import type { LifecycleStatus } from "@/lib/generated/prisma/enums";
import { EVENT_LABELS } from "./labels";

const labels = { action: (a: string) => EVENT_LABELS[a] ?? a, status: (s: string) => STATUS_LABELS[s as LifecycleStatus] ?? s };

/** The history of a service or data item, oldest first. */
export function LifecycleTimeline({ events, headingId }: { events: TransitionEvent[]; headingId: string }) {
  return <Timeline entries={transitionEntries(events, labels)} headingId={headingId} />;
}
