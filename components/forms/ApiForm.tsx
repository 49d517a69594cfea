"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { BaseSyntheticEvent, ReactNode } from "react";
import { FormProvider, useForm, type DefaultValues, type FieldValues, type Resolver, type UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/Button";
import { FormErrorSummary } from "./FormErrorSummary";
import { FormIssuesContext, RequiredNote } from "./fields";
import { changedFields } from "./form-values";
import { errorsToIssues } from "./resolver";
import { useFormIssues } from "./useFormIssues";
import { useHydrated } from "./useHydrated";

export type Body = Record<string, unknown>;
type Summary = ReturnType<typeof useFormIssues>;

/**
 * A form that sends what it holds to the API: react-hook-form keeps the values and validates them
 * with `resolver` (an `apiResolver`: the API's own zod schema); the problems it finds, and those
 * the API answers (422 with fields, 409…), go to one error summary (useFormIssues), which takes
 * the focus, and next to their fields.
 */
export function useApiForm<V extends FieldValues, R>(options: {
  defaultValues: V;
  /** Usually an apiResolver; none: nothing is checked before sending. */
  resolver?: Resolver<V>;
  /** API path (and the form's values) → the id of the field that holds it; field id → its label in the summary. */
  fieldOf: (path: string, values: V) => string | undefined;
  labelOf: (field: string) => string | undefined;
  send: (body: Body) => Promise<R>;
  onSent: (result: R, body: Body) => void;
  /** The summary's title when the API refuses without naming fields. */
  failedTitle?: string;
  /** Instead of showing the API's refusal as it is (the summary is given to show it). */
  onError?: (err: unknown, summary: Summary) => void;
}) {
  const router = useRouter();
  const form = useForm<V>({
    defaultValues: options.defaultValues as DefaultValues<V>,
    resolver: options.resolver,
    // Checked when sent, never while typing; the focus goes to the summary, not to a field.
    mode: "onSubmit",
    reValidateMode: "onSubmit",
    shouldFocusError: false,
  });
  const summary = useFormIssues((path) => options.fieldOf(path, form.getValues()), options.labelOf);
  const mutation = useMutation({
    mutationFn: options.send,
    onSuccess: options.onSent,
    onError: (err) => (options.onError ? options.onError(err, summary) : summary.showApiError(err, options.failedTitle)),
  });
  const send = (body: Body) => {
    summary.clear();
    mutation.mutate(body);
  };
  return {
    form,
    summary,
    mutation,
    /** An onSubmit handler: validates, then `then(values)`; nothing while a request is on its way. */
    submit: (then: (values: V) => void) => (e?: BaseSyntheticEvent) => {
      e?.preventDefault();
      if (mutation.isPending) return;
      return form.handleSubmit(then, (errors) => summary.showIssues(errorsToIssues(errors)))(e);
    },
    /** Clears the summary and sends. */
    send,
    /** An edit sends only the fields that changed; when none did, back to `unchangedHref` saying so. */
    sendChanges: (now: Body, before: Body, unchangedHref: string) => {
      const body = changedFields(now, before);
      if (Object.keys(body).length === 0) router.push(`${unchangedHref}?aviso=sin-cambios`);
      else send(body);
    },
  };
}

/** The form element of a useApiForm: the error summary, the note on required fields, the fields. */
export function ApiForm<V extends FieldValues>({ api, onSubmit, children }: { api: { form: UseFormReturn<V>; summary: Summary }; onSubmit: (e: BaseSyntheticEvent) => unknown; children: ReactNode }) {
  const { summaryTitle, issues, attempt } = api.summary;
  return (
    <FormProvider {...api.form}>
      <FormIssuesContext value={issues}>
        <form onSubmit={onSubmit} noValidate className="max-w-3xl">
          <FormErrorSummary title={summaryTitle} issues={issues} attempt={attempt} />
          <RequiredNote />
          {children}
        </form>
      </FormIssuesContext>
    </FormProvider>
  );
}

/** The form's submit button (enabled once hydrated, busy while sending) and its "Cancelar" link. */
export function SubmitRow({ pending, label, pendingLabel = "Guardando…", cancelHref, className = "" }: { pending: boolean; label: string; pendingLabel?: string; cancelHref: string; className?: string }) {
  const hydrated = useHydrated();
  return (
    <div className={`${className} flex flex-wrap items-center gap-4 border-t border-line pt-6`.trim()}>
      <Button type="submit" disabled={!hydrated || pending} aria-busy={pending}>
        {pending ? pendingLabel : label}
      </Button>
      <Link href={cancelHref}>Cancelar</Link>
    </div>
  );
}
