"use client";

import { useCallback, useEffect, useRef, useState, type ReactNode, type Ref } from "react";
import { Alert } from "./Alert";

/**
 * A confirmation that takes the focus: what happened and what comes next, in a success notice
 * (role status, tabIndex -1) that a screen reader reads when it gets the focus, and from which
 * the keyboard goes on. The notice after an action on a page (useDoneNotice) and the one a page
 * shows after the step that led to it (`?aviso=`; the layout's RouteFocus gives it the focus,
 * see `data-page-notice`) look and behave the same.
 */
export function DoneNotice({ ref, title, children, pageNotice }: { ref?: Ref<HTMLDivElement>; title?: string; children: ReactNode; pageNotice?: boolean }) {
  return (
    <Alert tone="success" ref={ref} title={title} tabIndex={-1} data-page-notice={pageNotice || undefined}>
      {children}
    </Alert>
  );
}

/**
 * The confirmation after an action on a page (a state changed, a node was revoked…).
 * `announce` shows it and moves the focus to it once it is on the page (after the dialog that
 * asked for the action has closed and given the focus back), and drops the previous step's
 * notice from the address (?aviso=…): it no longer applies once the page has changed.
 */
export function useDoneNotice() {
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ text: string; title?: string; seq: number } | null>(null);
  const announce = useCallback((text: string, title?: string) => {
    setState((before) => ({ text, title, seq: (before?.seq ?? 0) + 1 }));
    const url = new URL(window.location.href);
    if (url.searchParams.has("aviso")) {
      url.searchParams.delete("aviso");
      // null, not the current state: Next.js then takes the new address as its own (a refresh asks for it, without ?aviso).
      window.history.replaceState(null, "", `${url.pathname}${url.search}${url.hash}`);
    }
  }, []);
  const seq = state?.seq;
  useEffect(() => {
    if (seq === undefined) return;
    // Now (this effect runs after the closing dialog's) and once more on the next frame, in case
    // something the same action re-rendered (the page's refresh) moved it meanwhile.
    ref.current?.focus();
    const frame = requestAnimationFrame(() => {
      if (ref.current && document.activeElement !== ref.current && (document.activeElement === document.body || !document.activeElement)) ref.current.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [seq]);
  const clear = useCallback(() => setState(null), []);
  const notice = state ? (
    <DoneNotice ref={ref} title={state.title}>
      {state.text}
    </DoneNotice>
  ) : null;
  return { notice, announce, clear };
}
