"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { ModalDialog } from "@/components/ui/ModalDialog";
import { useDoneNotice } from "@/components/ui/useDoneNotice";
import { STATUS_LABELS } from "@/lib/catalog/labels";
import type { LifecycleStatus } from "@/lib/generated/prisma/enums";
import { sendJson } from "@/components/forms/api";
import { TextAreaField } from "@/components/forms/fields";
import { FormErrorSummary } from "@/components/forms/FormErrorSummary";
import { byField } from "@/components/forms/issues";
import { useFormIssues } from "@/components/forms/useFormIssues";
import { useHydrated } from "@/components/forms/useHydrated";

export type TransitionOption = { action: string; label: string; verb: string; confirm: string; reasonRequired: boolean };

const REASON_ID = "motivo";

/**
 * The lifecycle actions the person may take now (publish, deprecate, retire). Each asks for
 * confirmation in a modal dialog (focus moves into it, Escape closes it, focus returns to the
 * button), with a "Motivo" when the action needs one, then POSTs the transition and refreshes.
 */
export function TransitionActions({ endpoint, subject, actions }: { endpoint: string; subject: "el servicio" | "el dato"; actions: TransitionOption[] }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [current, setCurrent] = useState<TransitionOption | null>(null);
  const [reason, setReason] = useState("");
  const { notice, announce, clear: clearNotice } = useDoneNotice();

  const fieldOf = (path: string) => (path === "reason" ? REASON_ID : undefined);
  const labelOf = (field: string) => (field === REASON_ID ? "Motivo" : undefined);

  const { issues, summaryTitle, attempt, showApiError, clear } = useFormIssues(fieldOf, labelOf);
  const mutation = useMutation({
    mutationFn: (body: { action: string; reason?: string }) => sendJson<{ status: LifecycleStatus }>(endpoint, "POST", body),
    onSuccess: (result, body) => {
      const label = actions.find((a) => a.action === body.action)?.label ?? body.action;
      close(false);
      announce(`${label}: listo. ${subject === "el servicio" ? "El servicio" : "El dato"} quedó en estado ${STATUS_LABELS[result.status] ?? result.status}.`);
      router.refresh();
    },
    onError: (err) => {
      showApiError(err, "No se pudo cambiar el estado");
    },
  });

  function open(option: TransitionOption) {
    clearNotice();
    setReason("");
    clear();
    mutation.reset();
    setCurrent(option);
  }

  function close(returnFocus = true) {
    const action = current?.action;
    setCurrent(null);
    if (returnFocus && action) document.getElementById(`accion-${action}`)?.focus();
  }

  function confirm(e: FormEvent) {
    e.preventDefault();
    if (!current || mutation.isPending) return;
    mutation.mutate({ action: current.action, ...(reason.trim() ? { reason } : {}) });
  }

  const errors = byField(issues);
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

  return (
    <div>
      {notice}
      {actions.length > 0 && (
        <div className="flex flex-wrap gap-3" role="group" aria-label="Cambiar el estado">
          {actions.map((a) => (
            <Button key={a.action} id={`accion-${a.action}`} type="button" variant={a.action === "publish" ? "primary" : "secondary"} onClick={() => open(a)} disabled={!hydrated} aria-haspopup="dialog">
              {a.label}
            </Button>
          ))}
        </div>
      )}
      <ModalDialog open={!!current} onClose={() => close()} labelledBy="dialogo-titulo" describedBy="dialogo-texto" initialFocusId={current?.reasonRequired ? REASON_ID : "dialogo-cancelar"}>
        {current && (
          <form onSubmit={confirm} noValidate className="p-6">
            <h2 id="dialogo-titulo" className="mb-3 text-2xl font-bold">
              ¿{cap(current.verb)} {subject}?
            </h2>
            <p id="dialogo-texto" className="mb-4">
              {current.confirm}
            </p>
            <FormErrorSummary title={summaryTitle} issues={issues} attempt={attempt} />
            {current.reasonRequired && (
              <TextAreaField
                id={REASON_ID}
                label="Motivo"
                required
                rows={4}
                maxLength={2000}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                errors={errors[REASON_ID]}
                help="Quedará en el historial, visible para quienes consultan el catálogo. Por ejemplo, a qué versión deben migrar los consumidores."
                className="mb-4"
              />
            )}
            <div className="flex flex-wrap gap-3">
              <Button type="submit" disabled={mutation.isPending} aria-busy={mutation.isPending}>
                {mutation.isPending ? "Enviando…" : `Sí, ${current.verb}`}
              </Button>
              <Button id="dialogo-cancelar" type="button" variant="secondary" onClick={() => close()}>
                Cancelar
              </Button>
            </div>
          </form>
        )}
      </ModalDialog>
    </div>
  );
}
