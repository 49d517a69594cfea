import { defineOperation } from "@/lib/api/operation";
import { ZHealth } from "@/lib/platform/schemas";

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
