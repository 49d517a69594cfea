import { defineOperation } from "@/lib/api/operation";
import { ZEnvironment } from "@/lib/fields";
import { z } from "@/lib/zod";

export const getNetworkConfigOp = defineOperation({
  operationId: "getNetworkConfig",
  method: "GET",
  path: "/api/v1/network-config",
  tags: ["Red y nodos"],
  summary: "La configuración firmada de la red (JWS compacto, typ pisee-config+jwt), por ambiente",
  description: "Pública. La verifican los nodos contra su ancla de confianza (PROTOCOL.md §2). Respuesta `application/jose`.",
  auth: "public",
  query: z.object({ env: ZEnvironment }),
  response: z.string(),
  responseMedia: "application/jose",
  errors: [],
});
