"use client";

import { useEffect, useRef, type MouseEvent } from "react";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import type { FormIssue } from "./issues";

/** A summary link moves the focus to its field (a fragment link alone only scrolls). */
function focusLinkedField(e: MouseEvent<HTMLDivElement>) {
  const link = (e.target as HTMLElement).closest<HTMLAnchorElement>("a[href^='#']");
  if (!link) return;
  const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
  if (!target) return;
  e.preventDefault();
  const label = target.id ? document.querySelector<HTMLElement>(`label[for="${CSS.escape(target.id)}"]`) : null;
  (target.closest("fieldset") ?? label ?? target).scrollIntoView({ block: "start" });
  target.focus({ preventScroll: true });
}

/**
 * The error summary of a form, focused each time the form is submitted with problems
 * (`attempt` changes), so keyboard and screen-reader users land on it.
 */
export function FormErrorSummary({ id, title, issues, attempt }: { id?: string; title?: string; issues: FormIssue[]; attempt: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt > 0) ref.current?.querySelector<HTMLElement>("[role=alert]")?.focus();
  }, [attempt]);
  return (
    // The click handler only improves the summary's links (Enter on a link clicks it too).
    <div ref={ref} onClick={focusLinkedField}>
      <ErrorSummary id={id} title={title} issues={issues.map((i) => ({ field: i.field, message: i.message }))} />
    </div>
  );
}
