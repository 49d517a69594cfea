"use client";

import { formatRun } from "@pisee/node-agent/shared";
import { useRouter } from "next/navigation";
import { ApiForm, useApiForm } from "@/components/forms/ApiForm";
import { sendJson } from "@/components/forms/api";
import { ControlledSelect, ControlledTextArea } from "@/components/forms/controlled";
import { apiResolver } from "@/components/forms/resolver";
import { useHydrated } from "@/components/forms/useHydrated";
import { Button } from "@/components/ui/Button";
import { useDoneNotice } from "@/components/ui/useDoneNotice";
import { ZHeadOfServiceSet, type TMember } from "@/lib/institutions/member-schemas";
import { personName } from "./labels";

type Values = { run: string; reason: string };

const NONE = "ninguna";
const IDS = { run: "jefatura-run", reason: "jefatura-motivo" } as const;
const LABEL_OF: Record<string, string> = { [IDS.run]: "Jefatura de servicio", [IDS.reason]: "Motivo" };

/**
 * The platform team names the head of service among the institution's members (or leaves it
 * without one), at the institution's request and with the reason, which stays in the audit log.
 */
export function HeadOfServiceForm({ institution, institutionName, members }: { institution: string; institutionName: string; members: TMember[] }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const { notice, announce, clear } = useDoneNotice();
  const currentHead = members.find((m) => m.headOfService)?.run ?? NONE;
  const bodyOf = (v: Values) => ({ run: v.run === NONE ? null : v.run, reason: v.reason.trim() });

  const api = useApiForm<Values, { run: string | null; previousRun: string | null }>({
    defaultValues: { run: currentHead, reason: "" },
    resolver: apiResolver(ZHeadOfServiceSet, bodyOf, { blankIsMissing: ["reason"] }),
    fieldOf: (path) => (path === "run" ? IDS.run : path === "reason" ? IDS.reason : undefined),
    labelOf: (field) => LABEL_OF[field],
    send: (body) => sendJson(`/api/v1/institutions/${institution}/head-of-service`, "PUT", body),
    onSent: (r) => {
      const head = members.find((m) => m.run === r.run);
      api.form.reset({ run: r.run ?? NONE, reason: "" });
      announce(
        r.run === r.previousRun
          ? "La jefatura de servicio ya era esa: no hubo cambios."
          : head
            ? `${personName(head)} (RUN ${formatRun(head.run)}) es ahora la jefatura de servicio de ${institutionName}. Le avisamos por correo, y a la institución en sus notificaciones.`
            : `${institutionName} quedó sin jefatura de servicio: no podrá firmar acuerdos hasta que se designe otra.`,
        "Se registró la jefatura de servicio",
      );
      router.refresh();
    },
    failedTitle: "No se pudo registrar la jefatura de servicio",
  });
  const onSubmit = api.submit((values) => {
    clear();
    api.send(bodyOf(values));
  });

  return (
    <div>
      {notice && <div className="mb-6">{notice}</div>}
      <ApiForm api={api} onSubmit={onSubmit}>
        <div className="space-y-6">
          <ControlledSelect
            name="run"
            id={IDS.run}
            label={LABEL_OF[IDS.run]}
            required
            help="Entre quienes integran la institución. Firma sus acuerdos."
            options={[...members.map((m) => ({ value: m.run, label: `${personName(m)} (${formatRun(m.run)})` })), { value: NONE, label: "Sin jefatura de servicio" }]}
          />
          <ControlledTextArea
            name="reason"
            id={IDS.reason}
            label={LABEL_OF[IDS.reason]}
            required
            rows={3}
            maxLength={500}
            help="Entre 10 y 500 caracteres; por ejemplo, el oficio con que la institución lo pidió. Queda en el registro de auditoría."
          />
        </div>
        <div className="mt-8 border-t border-line pt-6">
          <Button type="submit" disabled={!hydrated || api.mutation.isPending} aria-busy={api.mutation.isPending}>
            {api.mutation.isPending ? "Registrando…" : "Registrar la jefatura de servicio"}
          </Button>
        </div>
      </ApiForm>
    </div>
  );
}
