import { ZInstitutionCode } from "@/lib/institutions/schemas";
import { ZEmail } from "@/lib/mail/address";
import { z } from "@/lib/zod";

/** The account's shapes: what /cuenta shows and what the person changes there (lib/account/operations.ts). */

export const MAIL_MODES = ["IMMEDIATE", "DIGEST"] as const;
export const ZMailMode = z.enum(MAIL_MODES).meta({ description: "`IMMEDIATE`: cada aviso al momento; `DIGEST`: un resumen diario (los plazos legales llegan siempre al momento)." });

export const MAIL_MODE_LABELS: Record<(typeof MAIL_MODES)[number], string> = {
  IMMEDIATE: "Cada aviso al momento",
  DIGEST: "Un resumen diario",
};

export const EMAIL_SOURCE_LABELS = { CLAVEUNICA: "Entregada por ClaveÚnica", PERSONA: "Ingresada por usted" } as const;

const ZPending = z.object({ address: z.string(), expiresAt: z.string() }).meta({ description: "Una dirección que espera su enlace de confirmación (hasta `expiresAt`)." });

export const ZAccount = z
  .object({
    run: z.string(),
    givenNames: z.string(),
    familyNames: z.string(),
    email: z
      .object({ address: z.string(), source: z.enum(["CLAVEUNICA", "PERSONA"]), confirmed: z.boolean() })
      .nullable()
      .meta({ description: "La dirección propia en uso: entregada por ClaveÚnica o ingresada (y confirmada) por la persona." }),
    pendingEmail: ZPending.nullable(),
    memberships: z.array(
      z.object({
        institution: z.string(),
        institutionName: z.string(),
        role: z.string(),
        email: z.string().nullable().meta({ description: "La dirección institucional registrada." }),
        emailConfirmed: z.boolean().meta({ description: "Si ya se confirmó por enlace (hasta entonces no recibe correos)." }),
        mailMode: ZMailMode,
      }),
    ),
    platformMailMode: ZMailMode.nullable().meta({ description: "Cómo recibe los avisos del equipo de la plataforma; null si no lo integra." }),
    subscribed: z.boolean().meta({ description: "false: pidió no recibir correos, salvo los plazos legales." }),
  })
  .meta({ id: "Account" });
export type TAccount = z.output<typeof ZAccount>;

export const ZOwnEmailChange = z
  .object({
    email: ZEmail.nullable().meta({
      description: "La dirección nueva (recibe un enlace de confirmación; la anterior sigue en uso hasta confirmarla), o null para no tener dirección propia (los avisos van solo a las institucionales).",
    }),
  })
  .meta({ id: "OwnEmailChange" });

export const ZMembershipMailChange = z
  .object({ email: ZEmail.optional().meta({ description: "La dirección institucional nueva: recibe un enlace de confirmación." }), mailMode: ZMailMode.optional() })
  .meta({ id: "MembershipMailChange" });

export const ZMailPreferences = z
  .object({
    subscribed: z.boolean().optional().meta({ description: "false: dejar de recibir correos, salvo los plazos legales; true: volver a recibirlos." }),
    platformMailMode: ZMailMode.optional().meta({ description: "Solo el equipo de la plataforma." }),
  })
  .meta({ id: "MailPreferences" });

export const ZInstitutionParam = z.object({ institution: ZInstitutionCode });

export const MAIL_STATUSES = ["PENDIENTE", "EN_RESUMEN", "AGRUPADO", "ENVIADO", "DESCARTADO"] as const;

export const ZSentMail = z
  .object({
    id: z.uuid(),
    createdAt: z.string(),
    subject: z.string(),
    toAddress: z.string().nullable().meta({ description: "null: no había a dónde enviarlo." }),
    status: z.enum(MAIL_STATUSES),
    statusText: z.string().meta({ description: "El estado en palabras: «Enviado», «En cola, reintento 2», «En el próximo resumen diario», «Incluido en el resumen del …», «No enviado: …»." }),
    sentAt: z.string().nullable(),
    legal: z.boolean(),
    link: z.string().nullable().meta({ description: "La página del portal de la que trata (nunca un enlace con token)." }),
    text: z.string().nullable().meta({ description: "El texto del correo, con los tokens de sus enlaces ocultos; null en los correos de confirmación." }),
  })
  .meta({ id: "SentMail" });
export type TSentMail = z.output<typeof ZSentMail>;

export const ZSentMailList = z.object({ data: z.array(ZSentMail), nextCursor: z.string().nullable() }).meta({ id: "SentMailList" });

export const ZMailToken = z.object({ token: z.string().max(200) }).meta({ id: "MailLinkToken" });
