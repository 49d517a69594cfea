import { defineOperation } from "@/lib/api/operation";
import { z } from "@/lib/zod";
import { ZAccount, ZInstitutionParam, ZMailPreferences, ZMailToken, ZMembershipMailChange, ZOwnEmailChange, ZSentMailList } from "./schemas";

const TAGS = ["Personas" as const];

export const getAccountOp = defineOperation({
  operationId: "getAccount",
  method: "GET",
  path: "/api/v1/account",
  tags: TAGS,
  summary: "La cuenta de quien tiene la sesión: sus direcciones de correo y cómo recibe los avisos",
  description:
    "Su dirección propia (de dónde viene, si está confirmada, y la que espera confirmación), la dirección institucional y el modo de envío (al momento o resumen diario) de cada institución que integra, el modo del buzón de la plataforma si integra su equipo, y si está suscrito a los correos.",
  auth: "session",
  response: ZAccount,
  errors: ["forbidden"],
});

export const changeOwnEmailOp = defineOperation({
  operationId: "changeOwnEmail",
  method: "PUT",
  path: "/api/v1/account/email",
  tags: TAGS,
  summary: "Cambia (o quita) la dirección de correo propia; la nueva se confirma por enlace",
  description:
    "La dirección nueva recibe un enlace de confirmación (vale 7 días, un solo uso) y pasa a usarse solo al confirmarla; mientras, la anterior sigue recibiendo los correos. La misma dirección ya confirmada anula una pendiente. `null` deja a la persona sin dirección propia (los avisos van a sus direcciones institucionales), también en sus próximos ingresos. Una dirección mal formada: 422.",
  auth: "session",
  body: ZOwnEmailChange,
  response: ZAccount,
  errors: ["forbidden"],
});

export const updateMembershipMailOp = defineOperation({
  operationId: "updateMembershipMail",
  method: "PATCH",
  path: "/api/v1/account/memberships/{institution}",
  tags: TAGS,
  summary: "Cambia la dirección institucional propia o el modo de envío (al momento o resumen diario) en una institución",
  description:
    "Solo en una institución que la persona integra (si no, 404). Una dirección institucional nueva queda registrada sin confirmar y recibe un enlace de confirmación; hasta confirmarla, los avisos de la institución van a la dirección propia. `mailMode` `DIGEST` reúne los avisos de la institución en un resumen diario (los plazos legales llegan siempre al momento).",
  auth: "session",
  params: ZInstitutionParam,
  body: ZMembershipMailChange,
  response: ZAccount,
  errors: ["forbidden"],
});

export const updateMailPreferencesOp = defineOperation({
  operationId: "updateMailPreferences",
  method: "PATCH",
  path: "/api/v1/account/mail-preferences",
  tags: TAGS,
  summary: "Suscripción a los correos y modo del buzón de la plataforma",
  description:
    "`subscribed: false` deja de enviar todo correo salvo los plazos legales (que llegan siempre); `true` los reactiva. `platformMailMode` solo para el equipo de la plataforma (si no, 403).",
  auth: "session",
  body: ZMailPreferences,
  response: ZAccount,
  errors: ["forbidden"],
});

export const listSentMailsOp = defineOperation({
  operationId: "listSentMails",
  method: "GET",
  path: "/api/v1/account/mails",
  tags: TAGS,
  summary: "Los correos enviados (o por enviar) a quien tiene la sesión, del más reciente al más antiguo",
  description:
    "20 por página; `cursor` es el `nextCursor` de la página anterior (uno que no lo es: 422). Cada correo con su asunto, la dirección a la que fue, su estado en palabras y la página del portal de la que trata. Nunca muestra un token: los correos de confirmación van sin texto, y los enlaces con token de los demás aparecen ocultos.",
  auth: "session",
  query: z.object({
    cursor: z
      .string()
      .max(200)
      .regex(/^[A-Za-z0-9_-]+$/, "El cursor no es válido: use el `nextCursor` de la página anterior.")
      .optional()
      .meta({ description: "El `nextCursor` de la página anterior (opaco)." }),
  }),
  response: ZSentMailList,
  errors: ["forbidden"],
});

export const confirmAddressOp = defineOperation({
  operationId: "confirmMailAddress",
  method: "POST",
  path: "/api/v1/mail/confirmations",
  tags: TAGS,
  summary: "Confirma una dirección de correo con el token de su enlace",
  description:
    "Sin sesión: el token de un solo uso del enlace (/correo/confirmar?t=…) autentica. La dirección propia pasa a usarse; la institucional se confirma si sigue siendo la registrada. Token desconocido, ya usado o vencido (7 días), o una dirección institucional cambiada después: 410 `invalid_link`.",
  auth: "public",
  body: ZMailToken,
  response: z.object({ address: z.string(), kind: z.enum(["own", "institutional"]), institutionName: z.string().nullable() }).meta({ id: "ConfirmedAddress" }),
  errors: ["invalid_link"],
});

export const unsubscribeOp = defineOperation({
  operationId: "unsubscribeFromMail",
  method: "POST",
  path: "/api/v1/mail/unsubscribe",
  tags: TAGS,
  summary: "Deja de enviar correos a una persona, salvo los plazos legales (el enlace de baja de cada correo)",
  description:
    "Sin sesión: el token del enlace (/correo/baja?t=…) autentica y solo sirve para esto. Idempotente. Se reactiva en «Mi cuenta». Un token que no emitió el portal: 410 `invalid_link`.",
  auth: "public",
  body: ZMailToken,
  response: z.object({ ok: z.literal(true) }),
  errors: ["invalid_link"],
});
