import { defineOperation, type ApiTag } from "@/lib/api/operation";
import {
  ZHeadOfService,
  ZHeadOfServiceSet,
  ZInstitutionParams,
  ZMember,
  ZMemberAdd,
  ZMemberList,
  ZMemberParams,
  ZMemberUpdate,
  ZPlatformAdmin,
  ZPlatformAdminAdd,
  ZRunParams,
} from "@/lib/institutions/member-schemas";
import { z } from "@/lib/zod";

const TAGS: ApiTag[] = ["Personas"];

export const listMembersOp = defineOperation({
  operationId: "listMembers",
  method: "GET",
  path: "/api/v1/institutions/{code}/members",
  tags: TAGS,
  summary: "Las personas de una institución, con su rol, la jefatura de servicio y su dirección institucional",
  description:
    "Quienes integran la institución y el equipo de la plataforma. Los nombres están vacíos (`signedIn: false`) hasta que la persona ingresa por primera vez con ClaveÚnica; la dirección institucional dice si ya se confirmó.",
  auth: "session",
  params: ZInstitutionParams,
  response: ZMemberList,
  errors: ["forbidden"],
});

export const addMemberOp = defineOperation({
  operationId: "addMember",
  method: "POST",
  path: "/api/v1/institutions/{code}/members",
  tags: TAGS,
  summary: "Agrega una persona a la institución por su RUN, con un rol y una dirección institucional",
  description:
    "Un/a administrador/a de la institución o el equipo de la plataforma. El RUN se valida con su dígito verificador (422). Si la persona aún no ingresa al portal, recibe el rol cuando ingrese por primera vez con ClaveÚnica. A la dirección institucional se le envía un enlace para confirmarla; hasta entonces no recibe otros correos. Si la persona ya integra la institución: 409 `member_exists`.",
  auth: "session",
  params: ZInstitutionParams,
  body: ZMemberAdd,
  response: ZMember,
  successStatus: 201,
  errors: ["forbidden", "member_exists"],
});

export const updateMemberOp = defineOperation({
  operationId: "updateMember",
  method: "PATCH",
  path: "/api/v1/institutions/{code}/members/{run}",
  tags: TAGS,
  summary: "Cambia el rol o la dirección institucional de una persona de la institución",
  description:
    "Un/a administrador/a de la institución o el equipo de la plataforma. Rebajar al último administrador/a: 409 `last_admin`. Una dirección nueva queda por confirmar (se le envía el enlace). La persona recibe un aviso por correo.",
  auth: "session",
  params: ZMemberParams,
  body: ZMemberUpdate,
  response: ZMember,
  errors: ["forbidden", "last_admin"],
});

export const removeMemberOp = defineOperation({
  operationId: "removeMember",
  method: "DELETE",
  path: "/api/v1/institutions/{code}/members/{run}",
  tags: TAGS,
  summary: "Quita a una persona de la institución",
  description:
    "Un/a administrador/a de la institución o el equipo de la plataforma. Quitar al último administrador/a: 409 `last_admin`. La jefatura de servicio solo la quita el equipo de la plataforma (409 `head_of_service_member` para la institución). Responde la persona como estaba.",
  auth: "session",
  params: ZMemberParams,
  response: ZMember,
  errors: ["forbidden", "last_admin", "head_of_service_member"],
});

export const setHeadOfServiceOp = defineOperation({
  operationId: "setHeadOfService",
  method: "PUT",
  path: "/api/v1/institutions/{code}/head-of-service",
  tags: TAGS,
  summary: "Designa la jefatura de servicio de la institución (quien firma sus acuerdos)",
  description:
    "Solo el equipo de la plataforma, a petición de la institución, con un motivo (10 a 500 caracteres) que queda en el registro de auditoría. La persona debe integrar la institución (409 `not_a_member`); `run: null` la deja sin jefatura. Se avisa a ambas personas y a la institución.",
  auth: "session",
  params: ZInstitutionParams,
  body: ZHeadOfServiceSet,
  response: ZHeadOfService,
  errors: ["forbidden", "not_a_member"],
});

export const listPlatformAdminsOp = defineOperation({
  operationId: "listPlatformAdmins",
  method: "GET",
  path: "/api/v1/platform/admins",
  tags: TAGS,
  summary: "Los integrantes del equipo de la plataforma",
  description: "Solo el equipo de la plataforma.",
  auth: "session",
  response: z.object({ data: z.array(ZPlatformAdmin) }),
  errors: ["forbidden"],
});

export const addPlatformAdminOp = defineOperation({
  operationId: "addPlatformAdmin",
  method: "POST",
  path: "/api/v1/platform/admins",
  tags: TAGS,
  summary: "Nombra a una persona en el equipo de la plataforma, por su RUN",
  description:
    "Solo el equipo de la plataforma. El RUN se valida con su dígito verificador (422); si la persona aún no ingresa al portal, tendrá el rol cuando ingrese. Motivo opcional, en el registro de auditoría. Si ya integra el equipo: 409 `member_exists`.",
  auth: "session",
  body: ZPlatformAdminAdd,
  response: ZPlatformAdmin,
  successStatus: 201,
  errors: ["forbidden", "member_exists"],
});

export const removePlatformAdminOp = defineOperation({
  operationId: "removePlatformAdmin",
  method: "DELETE",
  path: "/api/v1/platform/admins/{run}",
  tags: TAGS,
  summary: "Quita a una persona del equipo de la plataforma",
  description: "Solo el equipo de la plataforma; nunca al último integrante (409 `last_admin`).",
  auth: "session",
  params: ZRunParams,
  response: ZPlatformAdmin,
  errors: ["forbidden", "last_admin"],
});
