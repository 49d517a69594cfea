import { defineOperation } from "@/lib/api/operation";
import { ZInstitutionCode } from "@/lib/institutions/schemas";
import { z } from "@/lib/zod";

const ZNotification = z
  .object({ id: z.uuid(), kind: z.string(), title: z.string(), body: z.string(), agreementId: z.string().nullable(), createdAt: z.string(), read: z.boolean() })
  .meta({ id: "Notification" });

export const listNotificationsOp = defineOperation({
  operationId: "listNotifications",
  method: "GET",
  path: "/api/v1/notifications",
  tags: ["Notificaciones"],
  summary: "Notificaciones de una institución (sus miembros), o del equipo de la plataforma sin `institution`",
  description:
    "Con `institution`: las notificaciones de esa institución, solo para sus miembros. Sin `institution`: las del equipo de la plataforma, solo para él. `unread=true` deja solo las no leídas; `unread` cuenta las no leídas.",
  auth: "session",
  query: z.object({ institution: ZInstitutionCode.optional(), unread: z.enum(["true", "false"]).optional() }),
  response: z.object({ data: z.array(ZNotification), unread: z.number().int() }).meta({ id: "NotificationList" }),
  errors: ["forbidden"],
});

export const readNotificationOp = defineOperation({
  operationId: "readNotification",
  method: "POST",
  path: "/api/v1/notifications/{id}/read",
  tags: ["Notificaciones"],
  summary: "Marca una notificación como leída",
  description:
    "Solo quien puede ver la notificación (miembros de su institución, o el equipo de la plataforma para las suyas); para el resto no existe (404).",
  auth: "session",
  params: z.object({ id: z.uuid() }),
  response: z.object({ ok: z.literal(true) }),
  errors: [],
});
