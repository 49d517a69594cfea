import { ERROR_CODES } from "@/lib/errors";
import { z } from "@/lib/zod";

/** The one error shape of every API answer that is not a success. */
export const ZErrorBody = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_CODES) as [keyof typeof ERROR_CODES, ...(keyof typeof ERROR_CODES)[]]).meta({ description: "Código estable para máquinas (tabla ERROR_CODES)", example: "not_found" }),
      message: z.string().meta({ description: "Mensaje en español para personas" }),
      issues: z
        .array(z.object({ path: z.string().meta({ description: "Campo, con puntos para anidar" }), message: z.string() }))
        .optional()
        .meta({ description: "Presente en errores de validación (422)" }),
    }),
  })
  .meta({ id: "Error" });

export type TErrorBody = z.infer<typeof ZErrorBody>;
