"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * A modal `<dialog>` (every confirmation dialog of the portal): opened with showModal() so
 * focus is trapped and the page behind is inert, the element named by `initialFocusId` focused
 * on opening, Escape closing it through `onClose` (the caller returns the focus to its trigger).
 * Its content only exists while open.
 */
export function ModalDialog({
  open,
  onClose,
  labelledBy,
  describedBy,
  initialFocusId,
  children,
}: {
  open: boolean;
  onClose: () => void;
  labelledBy: string;
  describedBy?: string;
  initialFocusId?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      if (initialFocusId) document.getElementById(initialFocusId)?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, initialFocusId]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      // Escape: close through the same path as "Cancelar" (state cleared, focus returned).
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClose={() => open && onClose()}
      className="m-auto max-h-[calc(100vh-2rem)] w-[min(40rem,calc(100vw-2rem))] overflow-y-auto rounded-lg border border-line bg-white p-0 text-ink shadow-xl backdrop:bg-tertiary/60"
    >
      {open && children}
    </dialog>
  );
}
