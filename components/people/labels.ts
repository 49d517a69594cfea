import type { TMemberRole } from "@/lib/institutions/member-schemas";

/** The roles a person has in an institution, as the people page says them. */
export const MEMBER_ROLE_LABELS: Record<TMemberRole, string> = {
  INSTITUTION_STAFF: "Funcionario/a",
  INSTITUTION_ADMIN: "Administrador/a",
};

export const MEMBER_ROLE_HELP: Record<TMemberRole, string> = {
  INSTITUTION_STAFF: "Ve el área de la institución y prepara solicitudes de acuerdo.",
  INSTITUTION_ADMIN: "Además, gestiona el catálogo, los nodos, las solicitudes y las personas de la institución.",
};

export const ROLE_OPTIONS = (["INSTITUTION_STAFF", "INSTITUTION_ADMIN"] as const).map((value) => ({ value, label: MEMBER_ROLE_LABELS[value], help: MEMBER_ROLE_HELP[value] }));

/** A person's name, or that they have not signed in yet (names come from ClaveÚnica). */
export function personName(p: { givenNames: string; familyNames: string; signedIn: boolean }): string {
  const name = `${p.givenNames} ${p.familyNames}`.trim();
  return name || "Aún no ingresa al portal";
}
