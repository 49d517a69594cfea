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
  auth: "session",
  query: z.object({ institution: ZInstitutionCode.optional(), unread: z.enum(["true", "false"]).optional() }),
  response: z.object({ data: z.array(ZNotification), unread: z.number().int() }).meta({ id: "NotificationList" }),
  errors: [401, 403, 422],
});

export const readNotificationOp = defineOperation({
  operationId: "readNotification",
  method: "POST",
  path: "/api/v1/notifications/{id}/read",
  tags: ["Notificaciones"],
  summary: "Marca una notificación como leída",
  auth: "session",
  params: z.object({ id: z.uuid() }),
  response: z.object({ ok: z.literal(true) }),
  errors: [401, 404],
});
