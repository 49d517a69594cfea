import { z } from "@/lib/zod";

/** The one error shape of every API answer that is not a success. */
export const ZErrorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "Código estable para máquinas", example: "not_found" }),
      message: z.string().meta({ description: "Mensaje en español para personas" }),
      issues: z
        .array(z.object({ path: z.string().meta({ description: "Campo, con puntos para anidar" }), message: z.string() }))
        .optional()
        .meta({ description: "Presente en errores de validación (422)" }),
    }),
  })
  .meta({ id: "Error" });

export type TErrorBody = z.infer<typeof ZErrorBody>;

export const ERROR_DESCRIPTIONS: Record<number, string> = {
  401: "No hay sesión iniciada (`unauthenticated`)",
  403: "Sin permiso para la acción (`forbidden`), u origen no permitido (`forbidden_origin`)",
  404: "El recurso no existe (`not_found`)",
  409: "Conflicto con el estado actual (`conflict` u otro código del dominio)",
  413: "Cuerpo demasiado grande (`payload_too_large`)",
  415: "Tipo de contenido no soportado (`unsupported_media_type`)",
  422: "Datos inválidos (`validation_failed`, con `issues` por campo)",
  500: "Error interno (`internal`), sin detalle",
  503: "Servicio no disponible (`unavailable`)",
};
