"use client";

import type { FormEvent, ReactNode } from "react";
import { Button } from "@/components/ui/Button";
import { ModalDialog } from "@/components/ui/ModalDialog";

/**
 * A confirmation in a modal dialog: its question as the title, what it implies as the
 * description, then `before` (details, the error summary), the fields the action asks for
 * (`children`) and "Sí, …" / "Cancelar". The ids are `${ids}-titulo`, `${ids}-texto` and `${ids}-cancelar`, where
 * the focus starts unless `initialFocusId` names a field.
 */
export function ConfirmDialog({
  open,
  ids = "dialogo",
  title,
  text,
  yes,
  pending,
  initialFocusId,
  onConfirm,
  onCancel,
  before,
  children,
}: {
  open: boolean;
  ids?: string;
  title: ReactNode;
  /** Paragraphs. */
  text: ReactNode;
  yes: string;
  pending: boolean;
  initialFocusId?: string;
  onConfirm: (e: FormEvent) => unknown;
  onCancel: () => void;
  before?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <ModalDialog open={open} onClose={onCancel} labelledBy={`${ids}-titulo`} describedBy={`${ids}-texto`} initialFocusId={initialFocusId ?? `${ids}-cancelar`}>
      <form onSubmit={onConfirm} noValidate className="p-6">
        <h2 id={`${ids}-titulo`} className="mb-3 text-2xl font-bold">
          {title}
        </h2>
        <div id={`${ids}-texto`} className="mb-4 space-y-2">
          {text}
        </div>
        {before}
        <div className="space-y-5">
          {children}
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={pending} aria-busy={pending}>
              {pending ? "Enviando…" : yes}
            </Button>
            <Button id={`${ids}-cancelar`} type="button" variant="secondary" onClick={onCancel}>
              Cancelar
            </Button>
          </div>
        </div>
      </form>
    </ModalDialog>
  );
}
