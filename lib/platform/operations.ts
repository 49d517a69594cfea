import { defineOperation } from "@/lib/api/operation";
import { ZHealth, ZJobParams, ZJobRun } from "@/lib/platform/schemas";

export const healthOp = defineOperation({
  operationId: "getHealth",
  method: "GET",
  path: "/api/health",
  tags: ["Plataforma"],
  summary: "Estado del portal y de su base de datos (503 si la base de datos no responde)",
  description:
    "Pública. Responde 200 con el estado del portal y de su base de datos, o 503 `unavailable` si la base de datos no responde. Para balanceadores y monitoreo.",
  auth: "public",
  response: ZHealth,
  errors: ["unavailable"],
});

export const runJobOp = defineOperation({
  operationId: "runJob",
  method: "POST",
  path: "/api/v1/platform/jobs/{name}/run",
  tags: ["Plataforma"],
  summary: "Ejecuta ahora un trabajo programado (p. ej. el resumen diario de correos)",
  description:
    "Solo el equipo de la plataforma. Encola una ejecución del trabajo, que una instancia del portal hace en segundos; si ya había una en cola, esa es la ejecución (`queued: false`). Un trabajo que no existe: 404.",
  auth: "session",
  params: ZJobParams,
  response: ZJobRun,
  successStatus: 202,
  errors: ["forbidden"],
});
