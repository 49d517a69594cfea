"use client";

import { formatRun } from "@pisee/node-agent/shared";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormProvider } from "react-hook-form";
import { useApiForm } from "@/components/forms/ApiForm";
import { isErrorCode, sendJson } from "@/components/forms/api";
import { ConfirmDialog } from "@/components/forms/ConfirmDialog";
import { ControlledChoices, ControlledText } from "@/components/forms/controlled";
import { FormIssuesContext } from "@/components/forms/fields";
import { FormErrorSummary } from "@/components/forms/FormErrorSummary";
import { apiResolver } from "@/components/forms/resolver";
import { useHydrated } from "@/components/forms/useHydrated";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Table } from "@/components/ui/Table";
import { useDoneNotice } from "@/components/ui/useDoneNotice";
import { ZMemberUpdate, type TMember, type TMemberRole } from "@/lib/institutions/member-schemas";
import { MEMBER_ROLE_LABELS, personName, ROLE_OPTIONS } from "./labels";

type Current = { kind: "edit" | "remove"; member: TMember };
type Values = { role: TMemberRole; email: string };

const IDS = { role: "cambio-rol", email: "cambio-correo" } as const;
const LABEL_OF: Record<string, string> = { [IDS.role]: "Rol", [`${IDS.role}-INSTITUTION_STAFF`]: "Rol", [IDS.email]: "Correo institucional" };

/** «María Pérez (RUN 12.345.678-5)», or «la persona de RUN …» before their first sign-in. */
const whoIs = (m: TMember) => (m.signedIn ? `${personName(m)} (RUN ${formatRun(m.run)})` : `la persona de RUN ${formatRun(m.run)}`);

const buttonId = (c: Current) => `${c.kind === "edit" ? "cambiar" : "quitar"}-${c.member.run}`;

/**
 * The institution's people: name (or «Aún no ingresa al portal»), RUN, role, the head of service,
 * and the institutional address, confirmed or not. Who manages the people also changes a role or
 * an address («Cambiar») and removes a person («Quitar»), each in a dialog; the head of service
 * is removed only by the platform team (`canRemoveHead`). A notice above the table says what was
 * done, and takes the focus.
 */
export function MembersTable({
  institution,
  institutionName,
  members,
  canManage,
  canRemoveHead,
  actorRun,
}: {
  institution: string;
  institutionName: string;
  members: TMember[];
  canManage: boolean;
  canRemoveHead: boolean;
  actorRun: string;
}) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [current, setCurrent] = useState<Current | null>(null);
  const { notice, announce, clear } = useDoneNotice();
  const endpoint = (run: string) => `/api/v1/institutions/${institution}/members/${run}`;

  const api = useApiForm<Values, TMember>({
    defaultValues: { role: "INSTITUTION_STAFF", email: "" },
    resolver: current?.kind === "edit" ? apiResolver(ZMemberUpdate, (v: Values) => ({ role: v.role, email: v.email.trim() }), { blankIsMissing: ["email"] }) : undefined,
    fieldOf: (path) => (path === "role" ? `${IDS.role}-INSTITUTION_STAFF` : path === "email" ? IDS.email : undefined),
    labelOf: (field) => LABEL_OF[field],
    send: (body) => {
      const c = current!;
      if (c.kind === "remove") return sendJson<TMember>(endpoint(c.member.run), "DELETE");
      const changes: Record<string, string> = {};
      if (body.role !== c.member.role) changes.role = String(body.role);
      if (String(body.email).trim() !== (c.member.email ?? "")) changes.email = String(body.email).trim();
      if (Object.keys(changes).length === 0) return Promise.resolve(c.member);
      return sendJson<TMember>(endpoint(c.member.run), "PATCH", changes);
    },
    onSent: (m) => {
      const c = current!;
      setCurrent(null);
      const who = whoIs(m);
      if (c.kind === "remove") {
        announce(`Se quitó a ${who} de ${institutionName}. Le avisamos por correo.`, "Se quitó a la persona");
      } else if (m === c.member) {
        announce("No había cambios que guardar.");
      } else {
        const parts = [`Ahora ${who} es ${MEMBER_ROLE_LABELS[m.role].toLowerCase()} de ${institutionName}.`];
        if (m.email !== c.member.email) parts.push(`Le enviamos a ${m.email} un enlace para confirmar la dirección.`);
        parts.push("Le avisamos por correo.");
        announce(parts.join(" "), "Se guardaron los cambios");
      }
      router.refresh();
    },
    onError: (err, summary) => {
      if (isErrorCode(err, "last_admin") || isErrorCode(err, "head_of_service_member")) summary.show("No se pudo completar la acción", [{ message: err.message, inline: err.message }]);
      else summary.showApiError(err, "No se pudo completar la acción");
    },
  });

  function open(c: Current) {
    clear();
    api.form.reset({ role: c.member.role, email: c.member.email ?? "" });
    api.summary.clear();
    api.mutation.reset();
    setCurrent(c);
  }
  function close() {
    const was = current;
    setCurrent(null);
    if (was) document.getElementById(buttonId(was))?.focus();
  }

  const { summaryTitle, issues, attempt } = api.summary;
  const m = current?.member;
  const who = m ? whoIs(m) : "";
  const columns = ["Persona", "RUN", "Rol", "Correo institucional", ...(canManage ? ["Acciones"] : [])];

  return (
    <div>
      {notice && <div className="mb-6">{notice}</div>}
      {members.length === 0 ? (
        <p>La institución aún no tiene personas registradas en el portal.</p>
      ) : (
        <Table caption={`Personas de ${institutionName}`} columns={columns}>
          {members.map((p) => {
            const removable = !p.headOfService || canRemoveHead;
            return (
              <tr key={p.run} className="border-b border-line align-top">
                <th scope="row" className="py-3 pr-4 text-left font-normal">
                  <span className={p.signedIn ? "font-medium" : "italic text-ink-muted"}>{personName(p)}</span>
                  {!p.signedIn && `${p.givenNames}${p.familyNames}`.trim() !== "" && <span className="block text-sm text-ink-muted">Aún no ingresa al portal</span>}
                  {p.run === actorRun && <span className="text-sm text-ink-muted"> (usted)</span>}
                  {p.headOfService && (
                    <span className="mt-1 block">
                      <Badge tone="info">Jefatura de servicio</Badge>
                    </span>
                  )}
                </th>
                <td className="py-3 pr-4 whitespace-nowrap">{formatRun(p.run)}</td>
                <td className="py-3 pr-4">{MEMBER_ROLE_LABELS[p.role]}</td>
                <td className="py-3 pr-4">
                  {p.email ? (
                    <>
                      <span className="break-all">{p.email}</span>
                      <span className="mt-1 block">
                        <Badge tone={p.emailConfirmed ? "success" : "warning"}>{p.emailConfirmed ? "Confirmada" : "Por confirmar"}</Badge>
                      </span>
                    </>
                  ) : (
                    <span className="text-ink-muted">Sin dirección institucional</span>
                  )}
                </td>
                {canManage && (
                  <td className="py-3">
                    <div className="flex flex-wrap gap-2" role="group" aria-label={`Acciones sobre ${p.signedIn ? `${personName(p)}, RUN` : "la persona de RUN"} ${formatRun(p.run)}`}>
                      <Button id={buttonId({ kind: "edit", member: p })} type="button" variant="secondary" disabled={!hydrated} aria-haspopup="dialog" onClick={() => open({ kind: "edit", member: p })}>
                        Cambiar
                      </Button>
                      {removable && (
                        <Button id={buttonId({ kind: "remove", member: p })} type="button" variant="secondary" disabled={!hydrated} aria-haspopup="dialog" onClick={() => open({ kind: "remove", member: p })}>
                          Quitar
                        </Button>
                      )}
                    </div>
                  </td>
                )}
              </tr>
            );
          })}
        </Table>
      )}
      <FormProvider {...api.form}>
        <FormIssuesContext value={issues}>
          <ConfirmDialog
            open={!!current}
            ids="dialogo-persona"
            title={current?.kind === "remove" ? "¿Quitar a la persona de la institución?" : "Cambiar el rol o el correo institucional"}
            text={
              current?.kind === "remove" ? (
                <>
                  <p>
                    {who.charAt(0).toUpperCase() + who.slice(1)} dejará de integrar {institutionName}: pierde su rol y su dirección institucional deja de usarse.
                  </p>
                  {m?.headOfService && <p className="font-medium">Es la jefatura de servicio: la institución quedará sin quien firme sus acuerdos hasta que se designe otra.</p>}
                  <p>Se le avisará por correo y el cambio queda en el registro de auditoría.</p>
                </>
              ) : (
                <p>
                  De {who}. Si cambia el correo, se le enviará un enlace para confirmar la nueva dirección. Se le avisará por correo.
                </p>
              )
            }
            yes={current?.kind === "remove" ? "Sí, quitar" : "Guardar los cambios"}
            pending={api.mutation.isPending}
            initialFocusId={current?.kind === "edit" ? `${IDS.role}-${m?.role ?? "INSTITUTION_STAFF"}` : undefined}
            onConfirm={api.submit((values) => api.send(values))}
            onCancel={close}
            before={<FormErrorSummary id="dialogo-persona-errores" title={summaryTitle} issues={issues} attempt={attempt} />}
          >
            {current?.kind === "edit" && (
              <>
                <ControlledChoices name="role" id={IDS.role} type="radio" legend="Rol" required options={ROLE_OPTIONS} />
                <ControlledText name="email" id={IDS.email} label="Correo institucional" required type="email" autoComplete="off" spellCheck={false} />
              </>
            )}
          </ConfirmDialog>
        </FormIssuesContext>
      </FormProvider>
    </div>
  );
}
