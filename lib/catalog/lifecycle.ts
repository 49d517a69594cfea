import type { LifecycleStatus, ProcedureStatus } from "@/lib/generated/prisma/enums";
import type { TransitionTable } from "@/lib/lifecycle/state-machine";

export const LIFECYCLE_ACTIONS = ["publish", "deprecate", "retire"] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

/** Services: DRAFT → PUBLISHED → DEPRECATED → RETIRED. */
export const SERVICE_TRANSITIONS: TransitionTable<LifecycleStatus, LifecycleAction> = {
  publish: {
    from: ["DRAFT"],
    to: "PUBLISHED",
    verb: "publicar",
    reasonRequired: false,
    confirm: "Una vez publicado, cualquier institución podrá verlo en el catálogo y solicitar acceso.",
  },
  deprecate: {
    from: ["PUBLISHED"],
    to: "DEPRECATED",
    verb: "declarar obsoleto",
    reasonRequired: true,
    confirm: "Seguirá visible y operando para los acuerdos existentes, marcado como obsoleto; indique a qué deben migrar sus consumidores.",
  },
  retire: {
    from: ["DEPRECATED"],
    to: "RETIRED",
    verb: "retirar",
    reasonRequired: true,
    confirm: "Dejará de ofrecerse y no podrá editarse ni volver a publicarse. Esta acción no se puede deshacer.",
  },
};

/** Data items follow the same lifecycle as services. */
export const DATA_ITEM_TRANSITIONS: TransitionTable<LifecycleStatus, LifecycleAction> = {
  publish: { ...SERVICE_TRANSITIONS.publish, confirm: "Una vez publicado, aparecerá en el Directorio de Datos y podrá usarse en servicios de cualquier institución." },
  deprecate: { ...SERVICE_TRANSITIONS.deprecate, confirm: "Seguirá visible, marcado como obsoleto; los servicios que lo usan deberían dejar de hacerlo." },
  retire: { ...SERVICE_TRANSITIONS.retire, confirm: "Dejará de ofrecerse. Solo puede retirarse si ningún servicio vigente lo usa. No se puede deshacer." },
};

export const PROCEDURE_ACTIONS = ["repeal"] as const;
export type ProcedureAction = (typeof PROCEDURE_ACTIONS)[number];

/** Procedures: VIGENTE → DEROGADO. */
export const PROCEDURE_TRANSITIONS: TransitionTable<ProcedureStatus, ProcedureAction> = {
  repeal: {
    from: ["VIGENTE"],
    to: "DEROGADO",
    verb: "derogar",
    reasonRequired: true,
    confirm: "El trámite quedará derogado y no podrá asociarse a nuevos servicios.",
  },
};

export const ACTION_LABELS: Record<LifecycleAction, string> = { publish: "Publicar", deprecate: "Declarar obsoleto", retire: "Retirar" };
