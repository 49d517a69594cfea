"use client";

import { useCallback, useRef, useState } from "react";
import { Alert } from "./Alert";

/**
 * The confirmation after an action on a page (a state changed, a node was revoked…): a success
 * alert that takes the focus, so a screen reader reads it and the keyboard goes on from there.
 * `announce` also drops the previous step's notice from the address (?aviso=…): it no longer
 * applies once the page has changed.
 */
export function useDoneNotice() {
  const ref = useRef<HTMLDivElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const announce = useCallback((text: string) => {
    setMessage(text);
    const url = new URL(window.location.href);
    if (url.searchParams.has("aviso")) {
      url.searchParams.delete("aviso");
      window.history.replaceState(null, "", `${url.pathname}${url.search}${url.hash}`);
    }
    requestAnimationFrame(() => ref.current?.focus());
  }, []);
  const clear = useCallback(() => setMessage(null), []);
  const notice = message ? (
    <div ref={ref} tabIndex={-1} className="outline-none">
      <Alert tone="success">{message}</Alert>
    </div>
  ) : null;
  return { notice, announce, clear };
}
