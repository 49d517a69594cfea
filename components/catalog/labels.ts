import { ZAttribute } from "@/lib/data-directory/schemas";

/** Words for what the staff screens show (browser-safe). */
export const EVENT_LABELS: Record<string, string> = {
  create: "Creación",
  publish: "Publicación",
  deprecate: "Declarado obsoleto",
  retire: "Retiro",
};

export const DIRECTION_LABELS = { INPUT: "Entrada", OUTPUT: "Salida" } as const;

/** The attribute types the API accepts (from its schema, so the two cannot drift). */
export const ATTRIBUTE_TYPES = ZAttribute.shape.type.options;

export const ATTRIBUTE_TYPE_LABELS: Record<(typeof ATTRIBUTE_TYPES)[number], string> = {
  string: "Texto (string)",
  integer: "Entero (integer)",
  number: "Número (number)",
  boolean: "Sí/No (boolean)",
  date: "Fecha (date)",
  "date-time": "Fecha y hora (date-time)",
  object: "Objeto (object)",
  array: "Lista (array)",
};
