import type { Environment, NodeStatus } from "@/lib/generated/prisma/enums";

/** Words for the node screens (browser-safe). */

export const NODE_STATUS_LABELS: Record<NodeStatus, string> = {
  PENDING: "Pendiente de registro",
  ACTIVE: "Activo",
  REVOKED: "Revocado",
};

/** "1 activo" / "2 activos", for counts. */
export const NODE_STATUS_COUNT_WORDS: Record<NodeStatus, [string, string]> = {
  PENDING: ["pendiente de registro", "pendientes de registro"],
  ACTIVE: ["activo", "activos"],
  REVOKED: ["revocado", "revocados"],
};

export const NODE_STATUS_TONES = { PENDING: "warning", ACTIVE: "success", REVOKED: "neutral" } as const satisfies Record<NodeStatus, string>;

export const NODE_STATUS_HELP: Record<NodeStatus, string> = {
  PENDING: "Dado de alta en el portal; espera que el nodo presente sus claves con el token de registro.",
  ACTIVE: "Registrado con sus claves: figura en la configuración de la red de su ambiente.",
  REVOKED: "Fuera de la red: ya no figura en la configuración y los demás nodos rechazan sus mensajes.",
};

export const ENVIRONMENT_HELP: Record<Environment, string> = {
  dev: "Para integrar y probar con otras instituciones. Admite http.",
  prod: "Intercambios reales entre instituciones. Exige https.",
};

export const KEY_USE_LABELS = { sig: "Firma", enc: "Cifrado" } as const;

export const TOKEN_PURPOSE_LABELS = { register: "registro", rotate: "rotación de claves" } as const;
