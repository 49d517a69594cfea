import { AGREEMENT_STATUS_LABELS } from "@/lib/agreements/transitions";
import type { TAgreement } from "@/lib/agreements/schemas";
import { formatDate, formatDateTime, formatNumber } from "@/lib/format";
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

/** The history of an agreement, oldest first: what, who, when, from → to, why. */
export function AgreementTimeline({ events, headingId }: { events: Event[]; headingId: string }) {
  if (events.length === 0) return <p className="text-ink-muted">Sin eventos registrados.</p>;
  return (
    <ol aria-labelledby={headingId} className="relative ml-2 border-l-2 border-line">
      {events.map((e, i) => (
        <li key={`${e.at}-${i}`} className="relative mb-6 pl-6 last:mb-0">
          <span aria-hidden="true" className="absolute top-1.5 -left-[9px] h-4 w-4 rounded-full border-2 border-white bg-primary" />
          <p className="font-bold">{AGREEMENT_EVENT_LABELS[e.action] ?? e.action}</p>
          <p className="text-sm text-ink-muted">
            <time dateTime={e.at}>{formatDateTime(new Date(e.at))}</time>
            {" · "}
            {e.actor ? <>por {e.actor}</> : <>por el sistema</>}
          </p>
          <p className="mt-1 text-sm">
            {!e.from ? (
              <>Estado inicial: {AGREEMENT_STATUS_LABELS[e.to]}</>
            ) : e.from === e.to ? (
              <>Sigue en estado {AGREEMENT_STATUS_LABELS[e.to]}</>
            ) : (
              <>
                {AGREEMENT_STATUS_LABELS[e.from]} <span aria-hidden="true">→</span>
                <span className="sr-only">a</span> {AGREEMENT_STATUS_LABELS[e.to]}
              </>
            )}
          </p>
          {details(e).map((t) => (
            <p key={t} className="mt-1 text-sm">
              {t}
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
