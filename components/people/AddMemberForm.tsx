"use client";

import { useRouter } from "next/navigation";
import { ApiForm, useApiForm } from "@/components/forms/ApiForm";
import { isErrorCode, sendJson } from "@/components/forms/api";
import { ControlledChoices, ControlledText } from "@/components/forms/controlled";
import { useHydrated } from "@/components/forms/useHydrated";
import { apiResolver } from "@/components/forms/resolver";
import { Button } from "@/components/ui/Button";
import { useDoneNotice } from "@/components/ui/useDoneNotice";
import { formatRun } from "@pisee/node-agent/shared";
import { ZMemberAdd, type TMember } from "@/lib/institutions/member-schemas";
import { MEMBER_ROLE_LABELS, ROLE_OPTIONS } from "./labels";

type Values = { run: string; role: "" | "INSTITUTION_STAFF" | "INSTITUTION_ADMIN"; email: string };

const LABELS = { run: "RUN", role: "Rol", email: "Correo institucional" } as const;
/** The fields' ids (the page has other forms). */
const IDS = { run: "persona-run", role: "persona-rol", email: "persona-correo" } as const;
const LABEL_OF: Record<string, string> = { [IDS.run]: LABELS.run, [IDS.role]: LABELS.role, [`${IDS.role}-INSTITUTION_STAFF`]: LABELS.role, [IDS.email]: LABELS.email };
const FAILED = "No se pudo agregar a la persona";

const fieldOf = (path: string): string | undefined => {
  if (path === "run" || path === "email") return IDS[path];
  if (path === "role") return `${IDS.role}-INSTITUTION_STAFF`;
  return undefined;
};

/**
 * «Agregar persona»: RUN (check digit checked here and by the API), role and institutional
 * address. Once added, a notice says what comes next (the confirmation link, the first sign-in)
 * and the form is empty again for the next person.
 */
export function AddMemberForm({ institution, institutionName }: { institution: string; institutionName: string }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const { notice, announce, clear } = useDoneNotice();
  const bodyOf = (v: Values) => ({ run: v.run.trim(), role: v.role || undefined, email: v.email.trim() });
  const empty: Values = { run: "", role: "INSTITUTION_STAFF", email: "" };

  const api = useApiForm({
    defaultValues: empty,
    resolver: apiResolver(ZMemberAdd, bodyOf, { blankIsMissing: ["run", "email"] }),
    fieldOf,
    labelOf: (field) => LABEL_OF[field],
    send: (body) => sendJson<TMember>(`/api/v1/institutions/${institution}/members`, "POST", body),
    onSent: (m) => {
      api.form.reset(empty);
      announce(
        `Se agregó a ${formatRun(m.run)} como ${MEMBER_ROLE_LABELS[m.role].toLowerCase()} de ${institutionName}. Le enviamos a ${m.email} un enlace para confirmar la dirección; ${
          m.signedIn ? "ya puede usar su rol en el portal." : "tendrá su rol cuando ingrese por primera vez con ClaveÚnica."
        }`,
        "Se agregó a la persona",
      );
      router.refresh();
    },
    onError: (err, summary) => {
      if (isErrorCode(err, "member_exists")) summary.show(FAILED, [{ field: IDS.run, message: `${LABELS.run}: ${err.message}`, inline: err.message }]);
      else summary.showApiError(err, FAILED);
    },
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
          <ControlledText
            name="run"
            id={IDS.run}
            label={LABELS.run}
            required
            autoComplete="off"
            spellCheck={false}
            className="max-w-xs"
            help="Con su dígito verificador, por ejemplo 12.345.678-5."
          />
          <ControlledChoices name="role" id={IDS.role} type="radio" legend={LABELS.role} required options={ROLE_OPTIONS} />
          <ControlledText
            name="email"
            id={IDS.email}
            label={LABELS.email}
            required
            type="email"
            autoComplete="off"
            spellCheck={false}
            help="Le enviaremos un enlace para confirmarla; hasta entonces no le llegan otros correos a esa dirección."
          />
        </div>
        <div className="mt-8 border-t border-line pt-6">
          <Button type="submit" disabled={!hydrated || api.mutation.isPending} aria-busy={api.mutation.isPending}>
            {api.mutation.isPending ? "Agregando…" : "Agregar persona"}
          </Button>
        </div>
      </ApiForm>
    </div>
  );
}
