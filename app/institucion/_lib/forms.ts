import "server-only";
import type { ProcedureOption } from "@/components/catalog/form-values";
import type { Actor } from "@/lib/auth/session";
import { listResponsibleCandidates } from "@/lib/data-directory/service";
import { searchProcedures } from "@/lib/procedures/service";

/** What the service form offers: the institution's members as responsible, and the procedures in force. */
export async function serviceFormChoices(institution: string, actor: Actor, linked: { code: string; name: string; needsConsent: boolean }[] = []) {
  const [responsibles, procedures] = await Promise.all([
    listResponsibleCandidates(institution, actor),
    searchProcedures({ status: "VIGENTE", page: 1, pageSize: 100 }),
  ]);
  const options: ProcedureOption[] = procedures.data.map((p) => ({ code: p.code, name: p.name, needsConsent: p.needsConsent }));
  // A linked procedure that was repealed since stays visible, so it can be unchecked.
  for (const p of linked) if (!options.some((o) => o.code === p.code)) options.push({ ...p, repealed: true });
  return { responsibles, procedures: options };
}
