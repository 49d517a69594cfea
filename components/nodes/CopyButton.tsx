"use client";

import { useState } from "react";
import { useHydrated } from "@/components/forms/useHydrated";
import { Button } from "@/components/ui/Button";

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Selects the text of the element with this id (an input, a textarea, or any element's text). */
function selectText(id: string): boolean {
  const el = document.getElementById(id);
  if (!el) return false;
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    el.focus();
    el.select();
    return true;
  }
  const selection = window.getSelection();
  if (!selection) return false;
  const range = document.createRange();
  range.selectNodeContents(el);
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}

/**
 * "Copiar": writes `text` to the clipboard (Clipboard API). Where that is not available (a page
 * served without https, a browser that refuses), the text in `selectId` is selected and the person
 * is told, visibly and to screen readers, to copy it with the keyboard.
 */
export function CopyButton({ text, selectId, what, plural = false }: { text: string; selectId: string; /** "el token", "los comandos" */ what: string; plural?: boolean }) {
  const hydrated = useHydrated();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function copy() {
    // Cleared first, so a second click is announced again.
    setMessage(null);
    let copied = false;
    if (window.isSecureContext && navigator.clipboard?.writeText) {
      try {
        await navigator.clipboard.writeText(text);
        copied = true;
      } catch {
        copied = false;
      }
    }
    if (!copied) {
      const selected = selectText(selectId);
      try {
        copied = selected && document.execCommand("copy");
      } catch {
        copied = false;
      }
      if (!copied) {
        setMessage({
          ok: false,
          text: selected
            ? `No se pudo copiar automáticamente. ${cap(what)} ${plural ? "quedaron seleccionados" : "quedó seleccionado"}: ${plural ? "cópielos" : "cópielo"} con Ctrl+C (⌘C en Mac).`
            : `No se pudo copiar automáticamente. Seleccione ${what} y ${plural ? "cópielos" : "cópielo"} con Ctrl+C (⌘C en Mac).`,
        });
        return;
      }
    }
    setMessage({ ok: true, text: `${plural ? "Se copiaron" : "Se copió"} ${what} al portapapeles.` });
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button type="button" variant="secondary" onClick={copy} disabled={!hydrated}>
        Copiar<span className="sr-only"> {what}</span>
      </Button>
      <p role="status" className={`text-sm font-medium ${message?.ok === false ? "text-danger" : "text-success"}`}>
        {message?.text}
      </p>
    </div>
  );
}
