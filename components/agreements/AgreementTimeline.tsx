import { AGREEMENT_STATUS_LABELS } from "@/lib/agreements/transitions";
import type { TAgreement } from "@/lib/agreements/schemas";
import { Timeline, transitionEntries } from "@/components/ui/Timeline";
import { formatDate, formatNumber } from "@/lib/format";
import { AGREEMENT_EVENT_LABELS, SIDE_LABELS } from "./labels";

type Event = TAgreement["events"][number];

const str = (v: unknown) => (typeof v === "string" ? v : null);
const num = (v: unknown) => (typeof v === "number" ? v : null);

/** What an event's data adds, in words (granted levels, the side that signed, the new deadline…). */
function details(e: Event): string[] {
  const d = (e.data && typeof e.data === "object" ? e.data : {}) as Record<string, unknown>;
  const out: string[] = [];
  switch (e.action) {
    case "submit": {
      const due = str(d.dueAt);
      if (due) out.push(`Plazo de respuesta: ${formatDate(new Date(due))}, 23:59.`);
      break;
    }
    case "accept":
    case "mediate_accept": {
      const tps = num(d.grantedTps);
      const ans = num(d.grantedAvailability);
      if (tps !== null) out.push(`TPS otorgadas: ${formatNumber(tps)}.`);
      if (ans !== null) out.push(`Disponibilidad (ANS): ${formatNumber(ans)} %.`);
      break;
    }
    case "extend": {
      const due = str(d.dueAt);
      if (due) out.push(`Nuevo plazo: ${formatDate(new Date(due))}, 23:59.`);
      break;
    }
    case "sign": {
      const side = str(d.side);
      if (side === "CONSUMER" || side === "PROVIDER") out.push(`Por la ${SIDE_LABELS[side].toLowerCase()}.`);
      break;
    }
    case "attach_document": {
      const name = str(d.filename);
      if (name) out.push(`Archivo: ${name}.`);
      break;
    }
  }
  return out;
}

/** The history of an agreement, oldest first, with what each event's data adds. */
export function AgreementTimeline({ events, headingId }: { events: Event[]; headingId: string }) {
  const labels = { action: (a: string) => AGREEMENT_EVENT_LABELS[a] ?? a, status: (st: string) => AGREEMENT_STATUS_LABELS[st as Event["to"]] ?? st };
  return <Timeline entries={transitionEntries(events, labels, details)} headingId={headingId} />;
}
