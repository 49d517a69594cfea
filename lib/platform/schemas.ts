import { z } from "@/lib/zod";

export const ZHealth = z
  .object({
    status: z.enum(["ok", "degraded"]),
    checks: z.object({ database: z.enum(["ok", "error"]) }),
    time: z.string().meta({ description: "Hora del servidor (RFC 3339, UTC)" }),
  })
  .meta({ id: "Health" });
export type THealth = z.infer<typeof ZHealth>;

export const ZJobParams = z.object({
  name: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,48}$/, "Nombre de trabajo inválido")
    .meta({ description: "El nombre del trabajo programado (p. ej. mail-digest)", example: "mail-digest" }),
});

export const ZJobRun = z
  .object({
    name: z.string().meta({ description: "El trabajo" }),
    queued: z.boolean().meta({ description: "true: se encoló una ejecución; false: ya había una en cola, y esa es la que correrá" }),
  })
  .meta({ id: "JobRun" });
export type TJobRun = z.infer<typeof ZJobRun>;
