import { Badge } from "@/components/ui/Badge";
import { AGREEMENT_STATUS_LABELS } from "@/lib/agreements/transitions";
import type { AgreementStatus } from "@/lib/generated/prisma/enums";
import { AGREEMENT_STATUS_TONES, deadlineWords } from "./labels";

/** An agreement's status: always its word, the colour only adds to it. */
export function AgreementStatusBadge({ status }: { status: AgreementStatus }) {
  return (
    <Badge tone={AGREEMENT_STATUS_TONES[status]}>
      <span className="sr-only">Estado: </span>
      {AGREEMENT_STATUS_LABELS[status]}
    </Badge>
  );
}

/**
 * The deadline cell of a list: "N días hábiles", "vence hoy", or in red with the words
 * "Vencido hace N días hábiles"; "—" when no deadline runs.
 */
export function DeadlineCell({ left }: { left: number | null }) {
  const d = deadlineWords(left);
  if (!d) {
    return (
      <span>
        <span aria-hidden="true">—</span>
        <span className="sr-only">Sin plazo en curso</span>
      </span>
    );
  }
  if (d.tone === "overdue") return <span className="font-bold text-danger">{d.text}</span>;
  if (d.tone === "today") return <span className="font-bold text-warning">vence hoy</span>;
  const text = d.text.replace(/^Quedan /, "");
  return d.tone === "soon" ? <span className="font-bold text-warning">{text}</span> : <span>{text}</span>;
}
