"use client";

import { formatRun } from "@pisee/node-agent/shared";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormProvider } from "react-hook-form";
import { ApiForm, useApiForm } from "@/components/forms/ApiForm";
import { isErrorCode, sendJson } from "@/components/forms/api";
import { ConfirmDialog } from "@/components/forms/ConfirmDialog";
import { ControlledText, ControlledTextArea } from "@/components/forms/controlled";
import { FormIssuesContext } from "@/components/forms/fields";
import { FormErrorSummary } from "@/components/forms/FormErrorSummary";
import { apiResolver } from "@/components/forms/resolver";
import { useHydrated } from "@/components/forms/useHydrated";
import { Button } from "@/components/ui/Button";
import { Section } from "@/components/ui/Section";
import { Table } from "@/components/ui/Table";
import { useDoneNotice } from "@/components/ui/useDoneNotice";
import { ZPlatformAdminAdd, type TPlatformAdmin } from "@/lib/institutions/member-schemas";
import { personName } from "./labels";

type Values = { run: string; reason: string };
const IDS = { run: "equipo-run", reason: "equipo-motivo" } as const;
const LABEL_OF: Record<string, string> = { [IDS.run]: "RUN", [IDS.reason]: "Motivo" };
const FAILED = "No se pudo nombrar a la persona";

/**
 * The platform team: its members, «Nombrar» by RUN (with an optional reason) and «Quitar» (in a
 * dialog; never the last one). One notice, above the list, says what was done.
 */
export function PlatformTeam({ admins, actorRun }: { admins: TPlatformAdmin[]; actorRun: string }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const { notice, announce, clear } = useDoneNotice();
  const [removing, setRemoving] = useState<TPlatformAdmin | null>(null);
  const bodyOf = (v: Values) => ({ run: v.run.trim(), reason: v.reason.trim() || undefined });

  const add = useApiForm<Values, TPlatformAdmin>({
    defaultValues: { run: "", reason: "" },
    resolver: apiResolver(ZPlatformAdminAdd, bodyOf, { blankIsMissing: ["run"] }),
    fieldOf: (path) => (path === "run" ? IDS.run : path === "reason" ? IDS.reason : undefined),
    labelOf: (field) => LABEL_OF[field],
    send: (body) => sendJson<TPlatformAdmin>("/api/v1/platform/admins", "POST", body),
    onSent: (a) => {
      add.form.reset({ run: "", reason: "" });
      announce(
        `Se nombró a RUN ${formatRun(a.run)} en el equipo de la plataforma. ${a.signedIn ? "Ya puede usar la consola." : "Tendrá el rol cuando ingrese por primera vez con ClaveÚnica."} Le avisamos por correo.`,
        "Se nombró a la persona",
      );
      router.refresh();
    },
    onError: (err, summary) => {
      if (isErrorCode(err, "member_exists")) summary.show(FAILED, [{ field: IDS.run, message: `RUN: ${err.message}`, inline: err.message }]);
      else summary.showApiError(err, FAILED);
    },
  });

  const remove = useApiForm<Record<string, never>, TPlatformAdmin>({
    defaultValues: {},
    fieldOf: () => undefined,
    labelOf: () => undefined,
    send: () => sendJson<TPlatformAdmin>(`/api/v1/platform/admins/${removing!.run}`, "DELETE"),
    onSent: (a) => {
      setRemoving(null);
      announce(`Se quitó a ${personName(a)} (RUN ${formatRun(a.run)}) del equipo de la plataforma. Le avisamos por correo.`, "Se quitó a la persona");
      router.refresh();
    },
    failedTitle: "No se pudo quitar a la persona",
  });

  function openRemove(a: TPlatformAdmin) {
    clear();
    remove.summary.clear();
    remove.mutation.reset();
    setRemoving(a);
  }
  function closeRemove() {
    const was = removing;
    setRemoving(null);
    if (was) document.getElementById(`quitar-${was.run}`)?.focus();
  }

  return (
    <div>
      {notice && <div className="mb-6">{notice}</div>}
      <Section id="titulo-integrantes" title="Integrantes" className="mb-12">
        <Table caption="Integrantes del equipo de la plataforma" columns={["Persona", "RUN", "Acciones"]}>
          {admins.map((a) => (
            <tr key={a.run} className="border-b border-line align-top">
              <th scope="row" className="py-3 pr-4 text-left font-normal">
                <span className={a.signedIn ? "font-medium" : "italic text-ink-muted"}>{personName(a)}</span>
                {a.run === actorRun && <span className="text-sm text-ink-muted"> (usted)</span>}
              </th>
              <td className="py-3 pr-4 whitespace-nowrap">{formatRun(a.run)}</td>
              <td className="py-3">
                <Button id={`quitar-${a.run}`} type="button" variant="secondary" disabled={!hydrated} aria-haspopup="dialog" onClick={() => openRemove(a)} aria-label={`Quitar a ${personName(a)}, RUN ${formatRun(a.run)}`}>
                  Quitar
                </Button>
              </td>
            </tr>
          ))}
        </Table>
      </Section>

      <Section id="titulo-nombrar" title="Nombrar a una persona" className="mb-12">
        <ApiForm
          api={add}
          onSubmit={add.submit((values) => {
            clear();
            add.send(bodyOf(values));
          })}
        >
          <div className="space-y-6">
            <ControlledText name="run" id={IDS.run} label="RUN" required autoComplete="off" spellCheck={false} className="max-w-xs" help="Con su dígito verificador, por ejemplo 12.345.678-5." />
            <ControlledTextArea name="reason" id={IDS.reason} label="Motivo (opcional)" rows={3} maxLength={500} help="Queda en el registro de auditoría." />
          </div>
          <div className="mt-8 border-t border-line pt-6">
            <Button type="submit" disabled={!hydrated || add.mutation.isPending} aria-busy={add.mutation.isPending}>
              {add.mutation.isPending ? "Nombrando…" : "Nombrar en el equipo"}
            </Button>
          </div>
        </ApiForm>
      </Section>

      <FormProvider {...remove.form}>
        <FormIssuesContext value={remove.summary.issues}>
          <ConfirmDialog
            open={!!removing}
            ids="dialogo-equipo"
            title="¿Quitar a la persona del equipo de la plataforma?"
            text={
              <p>
                {removing ? `${personName(removing)}, RUN ${formatRun(removing.run)},` : ""} dejará de ver la consola de la plataforma y de mediar en las solicitudes. Se le avisará por
                correo.
              </p>
            }
            yes="Sí, quitar"
            pending={remove.mutation.isPending}
            onConfirm={remove.submit(() => remove.send({}))}
            onCancel={closeRemove}
            before={<FormErrorSummary id="dialogo-equipo-errores" title={remove.summary.summaryTitle} issues={remove.summary.issues} attempt={remove.summary.attempt} />}
          />
        </FormIssuesContext>
      </FormProvider>
    </div>
  );
}
