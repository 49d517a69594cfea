"use client";

import { useRouter } from "next/navigation";
import { sendJson } from "@/components/forms/api";
import { ConfirmActionDialog, ReasonField } from "@/components/forms/ConfirmActionDialog";
import { STATUS_LABELS } from "@/lib/catalog/labels";
import type { LifecycleStatus } from "@/lib/generated/prisma/enums";

export type TransitionOption = { action: string; label: string; verb: string; confirm: string; reasonRequired: boolean };

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The lifecycle actions the person may take now (publish, deprecate, retire), each confirmed in
 * a dialog with a "Motivo" when the action needs one; then POSTs the transition and refreshes.
 */
export function TransitionActions({ endpoint, subject, actions }: { endpoint: string; subject: "el servicio" | "el dato"; actions: TransitionOption[] }) {
  const router = useRouter();
  return (
    <ConfirmActionDialog<{ status: LifecycleStatus }>
      groupLabel="Cambiar el estado"
      fieldIds={{ reason: { id: "motivo", label: "Motivo" } }}
      failedTitle="No se pudo cambiar el estado"
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
        notice: (result) => `${a.label}: listo. ${subject === "el servicio" ? "El servicio" : "El dato"} quedó en estado ${STATUS_LABELS[result.status] ?? result.status}.`,
        after: () => router.refresh(),
      }))}
    />
  );
}
