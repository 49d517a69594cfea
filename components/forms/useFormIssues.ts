"use client";

import { useState } from "react";
import type { Issue } from "./api";
import { apiErrorToSummary, toFormIssues, type FormIssue } from "./issues";

/**
 * The error summary's state for a form or a dialog: its issues, its title and the attempt number
 * (a new attempt moves the focus to the summary again). `fieldOf`/`labelOf` map API paths to the
 * form's field ids and labels, as toFormIssues does.
 */
export function useFormIssues(fieldOf: (path: string) => string | undefined, labelOf: (field: string) => string | undefined) {
  const [issues, setIssues] = useState<FormIssue[]>([]);
  const [summaryTitle, setSummaryTitle] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  /** Shows `list` under `title` (undefined: the summary's default title) as a new attempt. */
  const show = (title: string | undefined, list: FormIssue[]) => {
    setSummaryTitle(title);
    setIssues(list);
    setAttempt((a) => a + 1);
  };
  return {
    issues,
    summaryTitle,
    attempt,
    setIssues,
    show,
    /** What the API answered (or a network failure), in the summary and beside its fields. */
    showApiError: (err: unknown, failedTitle?: string) => {
      const s = apiErrorToSummary(err, fieldOf, labelOf, failedTitle);
      show(s.title, s.issues);
    },
    /** Problems found in the browser before sending. */
    showIssues: (found: Issue[]) => show(undefined, toFormIssues(found, fieldOf, labelOf)),
    clear: () => {
      setIssues([]);
      setSummaryTitle(undefined);
    },
  };
}
