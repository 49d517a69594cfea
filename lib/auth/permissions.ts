/**
 * Who may do what: one table, checked on the server by every service (DESIGN.md).
 *
 * Roles: CITIZEN (everyone signed in), per institution INSTITUTION_STAFF and INSTITUTION_ADMIN
 * (with the head-of-service flag on the one membership that signs agreements), and
 * PLATFORM_ADMIN (the platform team). Institution roles give rights only in that institution;
 * the platform team's rights are its own and do not include acting for an institution.
 */
export const ROLES = ["CITIZEN", "INSTITUTION_STAFF", "INSTITUTION_ADMIN", "PLATFORM_ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export type Scope = "self" | "institution" | "platform";

type Rule = { scope: Scope; roles: readonly Role[]; headOfService?: true; description: string };

const STAFF_AND_ADMIN = ["INSTITUTION_STAFF", "INSTITUTION_ADMIN"] as const;

export const PERMISSIONS = {
  "account.read": { scope: "self", roles: ["CITIZEN"], description: "Ver su propia cuenta y roles" },
  "consent.manage_own": { scope: "self", roles: ["CITIZEN"], description: "Otorgar, rechazar o revocar sus consentimientos" },
  "trace.read_own": { scope: "self", roles: ["CITIZEN"], description: "Ver quién accedió a sus datos" },

  "institution.read_private": { scope: "institution", roles: STAFF_AND_ADMIN, description: "Ver la información interna de la institución" },
  "institution.manage_staff": { scope: "institution", roles: ["INSTITUTION_ADMIN"], description: "Gestionar funcionarios de la institución" },
  "catalog.read_drafts": { scope: "institution", roles: STAFF_AND_ADMIN, description: "Ver los borradores de servicios, datos y trámites de la institución" },
  "catalog.edit": { scope: "institution", roles: ["INSTITUTION_ADMIN"], description: "Crear y editar servicios, datos y trámites; publicarlos, declararlos obsoletos y retirarlos" },
  "schema.propose": { scope: "institution", roles: STAFF_AND_ADMIN, description: "Proponer esquemas" },
  "agreement.prepare": { scope: "institution", roles: STAFF_AND_ADMIN, description: "Preparar solicitudes de acuerdo" },
  "agreement.submit": { scope: "institution", roles: ["INSTITUTION_ADMIN"], description: "Enviar solicitudes de acuerdo" },
  "agreement.review": { scope: "institution", roles: ["INSTITUTION_ADMIN"], description: "Revisar, aceptar o rechazar solicitudes recibidas" },
  "agreement.sign": { scope: "institution", roles: STAFF_AND_ADMIN, headOfService: true, description: "Firmar acuerdos (jefatura de servicio)" },
  "node.manage": { scope: "institution", roles: ["INSTITUTION_ADMIN"], description: "Registrar, rotar claves y revocar nodos" },
  "trace.read_institution": { scope: "institution", roles: STAFF_AND_ADMIN, description: "Consultar las trazas de la institución" },

  "schema.approve": { scope: "platform", roles: ["PLATFORM_ADMIN"], description: "Visar o rechazar esquemas" },
  "agreement.mediate": { scope: "platform", roles: ["PLATFORM_ADMIN"], description: "Mediar en solicitudes rechazadas o vencidas" },
  "onboarding.manage": { scope: "platform", roles: ["PLATFORM_ADMIN"], description: "Conducir la incorporación de instituciones" },
  "institution.manage_admins": {
    scope: "platform",
    roles: ["PLATFORM_ADMIN"],
    description: "Gestionar las personas de cualquier institución (agregar, cambiar el rol, quitar), p. ej. su primer administrador/a",
  },
  "institution.set_head": {
    scope: "platform",
    roles: ["PLATFORM_ADMIN"],
    description: "Designar la jefatura de servicio de una institución, a petición de ella y con el motivo registrado",
  },
  "platform.manage_admins": { scope: "platform", roles: ["PLATFORM_ADMIN"], description: "Nombrar y quitar integrantes del equipo de la plataforma" },
  "platform.run_jobs": { scope: "platform", roles: ["PLATFORM_ADMIN"], description: "Ejecutar ahora un trabajo programado (p. ej. el resumen diario de correos)" },
  "institution.oversee": {
    scope: "platform",
    roles: ["PLATFORM_ADMIN"],
    description: "Ver en solo lectura el área de cualquier institución (catálogo, acuerdos, nodos, notificaciones); no los datos sobre personas, que siguen sus propias reglas",
  },
  "platform.monitor": { scope: "platform", roles: ["PLATFORM_ADMIN"], description: "Ver el estado de los trabajos programados de la plataforma" },
  "data_item.declassify": {
    scope: "platform",
    roles: ["PLATFORM_ADMIN"],
    description: "Rebajar la clasificación SENSIBLE de un dato que usan servicios publicados (quita la exigencia de consentimiento)",
  },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof PERMISSIONS;

export type ActorRoles = {
  run: string;
  isPlatformAdmin: boolean;
  memberships: readonly { institutionCode: string; role: "INSTITUTION_STAFF" | "INSTITUTION_ADMIN"; headOfService: boolean }[];
};

/** Whether `actor` may perform `action` (for institution-scoped actions, in `institutionCode`). */
export function can(actor: ActorRoles | null, action: Action, institutionCode?: string): boolean {
  if (!actor) return false;
  const rule: Rule = PERMISSIONS[action];
  switch (rule.scope) {
    case "self":
      return rule.roles.includes("CITIZEN");
    case "platform":
      return actor.isPlatformAdmin && rule.roles.includes("PLATFORM_ADMIN");
    case "institution": {
      if (!institutionCode) return false;
      const m = actor.memberships.find((x) => x.institutionCode === institutionCode);
      if (!m || !rule.roles.includes(m.role)) return false;
      return rule.headOfService ? m.headOfService : true;
    }
  }
}

/**
 * Whether `actor` may read `institutionCode`'s own area: its members, and the platform team read-only
 * (`institution.oversee`). Data about persons (traces, consents) keeps its own permissions.
 */
export function canReadInstitution(actor: ActorRoles | null, institutionCode: string): boolean {
  return can(actor, "institution.read_private", institutionCode) || can(actor, "institution.oversee");
}

/** The roles an actor holds, for display. */
export function rolesOf(actor: ActorRoles): { role: Role; institutionCode?: string; headOfService?: boolean }[] {
  const out: { role: Role; institutionCode?: string; headOfService?: boolean }[] = [{ role: "CITIZEN" }];
  for (const m of actor.memberships) out.push({ role: m.role, institutionCode: m.institutionCode, headOfService: m.headOfService });
  if (actor.isPlatformAdmin) out.push({ role: "PLATFORM_ADMIN" });
  return out;
}

export const ROLE_LABELS: Record<Role, string> = {
  CITIZEN: "Ciudadanía (persona con sesión iniciada)",
  INSTITUTION_STAFF: "Funcionario/a de institución",
  INSTITUTION_ADMIN: "Administrador/a de institución",
  PLATFORM_ADMIN: "Equipo de la plataforma (administración)",
};
