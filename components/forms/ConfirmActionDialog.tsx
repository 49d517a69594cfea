"use client";

import { useState, type ReactNode } from "react";
import { FormProvider, type FieldValues, type Resolver } from "react-hook-form";
import { Button } from "@/components/ui/Button";
import { useDoneNotice } from "@/components/ui/useDoneNotice";
import { useApiForm } from "./ApiForm";
import { ConfirmDialog } from "./ConfirmDialog";
import { ControlledTextArea } from "./controlled";
import { FormIssuesContext } from "./fields";
import { FormErrorSummary } from "./FormErrorSummary";
import { useHydrated } from "./useHydrated";

/** One action: its button, its confirmation dialog, what it sends and what it says when done. */
export type ConfirmAction<R> = {
  action: string;
  label: string;
  /** The button's id (default `accion-${action}`): the focus returns there when the dialog is cancelled. */
  buttonId?: string;
  secondary?: boolean;
  title: string;
  /** What it implies, in paragraphs. */
  text: ReactNode;
  yes: string;
  /** Between the text and the error summary (what is being signed). */
  details?: ReactNode;
  /** The fields it asks for (bound to the dialog's form: ReasonField, Controlled*), their initial values and where the focus starts. */
  fields?: ReactNode;
  values?: FieldValues;
  initialFocusId?: string;
  /** Checks before sending (an apiResolver or checkResolver); none: the API's answer speaks. */
  resolver?: Resolver<FieldValues>;
  send: (values: FieldValues) => Promise<R>;
  /** Once it succeeded: the notice that takes the focus, saying what happened and what comes next. */
  notice: (result: R) => string;
  /** Then (the notice has dropped `?aviso=` from the address): refresh the page, show what came back. */
  after?: (result: R) => void;
};

const buttonIdOf = (a: { action: string; buttonId?: string }) => a.buttonId ?? `accion-${a.action}`;

/**
 * The actions a person may take on something (an agreement, a service, a node): a group of
 * buttons, each asking for confirmation in a modal dialog (focus moves into it, Escape or
 * "Cancelar" closes it and returns the focus to the button) with the fields the action needs;
 * problems, found here or answered by the API, go to the dialog's summary. Once done the dialog
 * closes and a notice (role status) takes the focus: every action says what happened and what
 * comes next, and the keyboard goes on from there instead of falling back to the page's start. `children` sits below the buttons (a token shown once),
 * `empty` in their place when there is no action to take (the notice of the last one stays).
 */
export function ConfirmActionDialog<R>({
  actions,
  groupLabel,
  fieldIds = {},
  failedTitle = "No se pudo completar la acción",
  empty,
  children,
}: {
  actions: ConfirmAction<R>[];
  /** The button group's accessible name. */
  groupLabel: string;
  /** The API path's first segment (`reason`) → the id and label of the field that holds it. */
  fieldIds?: Record<string, { id: string; label: string }>;
  failedTitle?: string;
  empty?: ReactNode;
  children?: ReactNode;
}) {
  const hydrated = useHydrated();
  const [current, setCurrent] = useState<ConfirmAction<R> | null>(null);
  const { notice, announce, clear: clearNotice } = useDoneNotice();
  const byAction = (action: unknown) => actions.find((a) => a.action === action) ?? current!;

  const api = useApiForm<FieldValues, R>({
    defaultValues: {},
    resolver: current?.resolver,
    fieldOf: (path) => {
      const head = path.split(".")[0]!;
      return Object.hasOwn(fieldIds, head) ? fieldIds[head]!.id : undefined;
    },
    labelOf: (field) => Object.values(fieldIds).find((f) => f.id === field)?.label,
    send: ({ action, ...values }) => byAction(action).send(values),
    onSent: (result, { action }) => {
      const done = byAction(action);
      close(false);
      announce(done.notice(result));
      done.after?.(result);
    },
    failedTitle,
  });

  function open(a: ConfirmAction<R>) {
    clearNotice();
    api.form.reset(a.values ?? {});
    api.summary.clear();
    api.mutation.reset();
    setCurrent(a);
  }

  function close(returnFocus = true) {
    const was = current;
    setCurrent(null);
    if (returnFocus && was) document.getElementById(buttonIdOf(was))?.focus();
  }

  const { summaryTitle, issues, attempt } = api.summary;
  return (
    <div>
      {notice}
      {actions.length > 0 ? (
        <div className="flex flex-wrap gap-3" role="group" aria-label={groupLabel}>
          {actions.map((a) => (
            <Button key={a.action} id={buttonIdOf(a)} type="button" variant={a.secondary ? "secondary" : "primary"} onClick={() => open(a)} disabled={!hydrated} aria-haspopup="dialog">
              {a.label}
            </Button>
          ))}
        </div>
      ) : (
        empty
      )}
      {children}
      <FormProvider {...api.form}>
        <FormIssuesContext value={issues}>
          <ConfirmDialog
            open={!!current}
            title={current?.title}
            text={current?.text}
            yes={current?.yes ?? ""}
            pending={api.mutation.isPending}
            initialFocusId={current?.initialFocusId}
            onConfirm={api.submit((values) => current && api.send({ action: current.action, ...values }))}
            onCancel={() => close()}
            before={
              <>
                {current?.details}
                <FormErrorSummary id="dialogo-errores" title={summaryTitle} issues={issues} attempt={attempt} />
              </>
            }
          >
            {current?.fields}
          </ConfirmDialog>
        </FormIssuesContext>
      </FormProvider>
    </div>
  );
}

/** The "Motivo" an action asks for (form value `reason`, field id `motivo`). */
export function ReasonField({ help }: { help: string }) {
  return <ControlledTextArea name="reason" id="motivo" label="Motivo" required rows={4} maxLength={2000} help={help} />;
}
