"use client";

import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { sendJson } from "@/components/forms/api";
import { ConfirmActionDialog, ReasonField } from "@/components/forms/ConfirmActionDialog";
import { STATUS_LABELS } from "@/lib/catalog/labels";
import type { LifecycleStatus } from "@/lib/generated/prisma/enums";

export type TransitionOption = { action: string; label: string; verb: string; confirm: string; reasonRequired: boolean };

/** What comes next once the service or data item is in this state. */
const NEXT: Record<LifecycleStatus, string> = {
  DRAFT: "Solo su institución lo ve; publíquelo cuando esté completo.",
  PUBLISHED: "Ya aparece en el catálogo público: cualquier institución puede verlo y solicitar acceso.",
  DEPRECATED: "Sigue en el catálogo, marcado como obsoleto, con el motivo; retírelo cuando nadie lo use.",
  RETIRED: "Ya no se ofrece: sale de las búsquedas del catálogo y queda en el historial.",
};
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The lifecycle actions the person may take now (publish, deprecate, retire), each confirmed in
 * a dialog with a "Motivo" when the action needs one; then POSTs the transition and refreshes.
 */
export function TransitionActions({
  endpoint,
  subject,
  actions,
  empty,
}: {
  endpoint: string;
  subject: "el servicio" | "el dato";
  actions: TransitionOption[];
  /** Said in place of the buttons when there is no action left (retired). */
  empty?: ReactNode;
}) {
  const router = useRouter();
  return (
    <ConfirmActionDialog<{ status: LifecycleStatus }>
      groupLabel="Cambiar el estado"
      fieldIds={{ reason: { id: "motivo", label: "Motivo" } }}
      failedTitle="No se pudo cambiar el estado"
      empty={empty}
      actions={actions.map((a) => ({
        action: a.action,
        label: a.label,
        secondary: a.action !== "publish",
        title: `¿${cap(a.verb)} ${subject}?`,
        text: <p>{a.confirm}</p>,
        yes: `Sí, ${a.verb}`,
        values: { reason: "" },
        fields: a.reasonRequired && (
          <ReasonField help="Quedará en el historial, visible para quienes consultan el catálogo. Por ejemplo, a qué versión deben migrar los consumidores." />
        ),
        initialFocusId: a.reasonRequired ? "motivo" : undefined,
        send: ({ reason }) => sendJson<{ status: LifecycleStatus }>(endpoint, "POST", { action: a.action, ...(reason.trim() ? { reason } : {}) }),
        notice: (result) => `${a.label}: listo. ${subject === "el servicio" ? "El servicio" : "El dato"} quedó en estado ${STATUS_LABELS[result.status] ?? result.status}. ${NEXT[result.status]}`,
        after: () => router.refresh(),
      }))}
    />
  );
}
