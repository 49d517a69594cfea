import { z } from "@/lib/zod";

export const ZHealth = z
  .object({
    status: z.enum(["ok", "degraded"]),
    checks: z.object({ database: z.enum(["ok", "error"]) }),
    time: z.string().meta({ description: "Hora del servidor (RFC 3339, UTC)" }),
  })
  .meta({ id: "Health" });
export type THealth = z.infer<typeof ZHealth>;
