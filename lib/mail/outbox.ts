import "server-only";
import { serverEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MailMode, MailStatus } from "@/lib/generated/prisma/enums";
import { renderMail } from "@/lib/mail/render";
import { unsubscribeUrl } from "@/lib/mail/unsubscribe";

type Tx = Prisma.TransactionClient;

/**
 * The outbox's writing side. Every mail is written here, in the transaction of the change it
 * tells about, so it exists exactly when the change does; the job runner (lib/mail/dispatch.ts)
 * sends what is PENDIENTE and keeps retrying while the SMTP server is down.
 */

/** Notification kinds that are legal deadlines: sent at once, even to who unsubscribed. */
export const LEGAL_DEADLINE_KINDS: ReadonlySet<string> = new Set(["PLAZO_PROXIMO", "PLAZO_VENCIDO"]);

export const DISCARD_REASONS = {
  noAddress: "No tenía una dirección de correo confirmada.",
  optedOut: "Había pedido no recibir correos (salvo los plazos legales).",
} as const;

/** The portal's absolute URL of `path`. */
export function portalUrl(path: string): string {
  return `${serverEnv().NEXTAUTH_URL}${path}`;
}

type Recipient = {
  run: string;
  email: string | null;
  emailConfirmedAt: Date | null;
  mailOptOutAt: Date | null;
};

type Row = {
  person: Recipient;
  /** The address to use; null when there is none confirmed. */
  address: string | null;
  institutionCode: string | null;
  kind: string;
  legal: boolean;
  /** Caused by a registration (a confirmation link): sent even to who unsubscribed, without an unsubscribe link, yet not a legal deadline. */
  requested?: boolean;
  mode: MailMode;
  title: string;
  paragraphs: string[];
  link?: { path: string; label: string };
  reason: string;
  notificationId?: string;
};

function outboxRow(r: Row): Prisma.MailMessageCreateManyInput {
  const link = r.link ? { href: portalUrl(r.link.path), label: r.link.label } : undefined;
  const { text, html } = renderMail({
    title: r.title,
    paragraphs: r.paragraphs,
    link,
    reason: r.reason,
    unsubscribeUrl: r.legal || r.requested ? undefined : unsubscribeUrl(r.person.run),
    requested: r.requested,
  });
  const mustSend = r.legal || r.requested;
  let status: MailStatus = "PENDIENTE";
  let lastError: string | null = null;
  if (!r.address) [status, lastError] = ["DESCARTADO", DISCARD_REASONS.noAddress];
  else if (r.person.mailOptOutAt && !mustSend) [status, lastError] = ["DESCARTADO", DISCARD_REASONS.optedOut];
  else if (r.mode === "DIGEST" && !mustSend) status = "EN_RESUMEN";
  return {
    personRun: r.person.run,
    institutionCode: r.institutionCode,
    kind: r.kind,
    legal: r.legal,
    toAddress: r.address ?? "",
    subject: r.title,
    text,
    html,
    link: link?.href ?? null,
    status,
    lastError,
    notificationId: r.notificationId ?? null,
  };
}

function ownAddress(p: Recipient): string | null {
  return p.email && p.emailConfirmedAt ? p.email : null;
}

export type PersonalMail = {
  personRun: string;
  /** A personal kind: ROL_AGREGADO, ROL_CAMBIADO, ROL_RETIRADO, JEFATURA_DESIGNADA, ADMIN_PLATAFORMA, CORREO_CONFIRMAR… */
  kind: string;
  /** The institution the mail is about, if any: its confirmed institutional address is the fallback. */
  institutionCode?: string | null;
  title: string;
  paragraphs: string[];
  link?: { path: string; label: string };
  reason: string;
  /** Send to exactly this address, confirmed or not (the confirmation link itself). */
  toAddress?: string;
  /** Caused by a registration (a confirmation link): sent even to who unsubscribed. */
  requested?: boolean;
};

/**
 * One mail to one person, at their own confirmed address, else their confirmed institutional
 * address in `institutionCode`, else any confirmed one. Personal mail is never held for a digest.
 * Without an address (or unsubscribed) the row is kept as DESCARTADO with the reason, so the
 * person sees on /cuenta what the portal wanted to tell them.
 */
export async function enqueuePersonalMail(tx: Tx, mail: PersonalMail): Promise<void> {
  const person = await tx.person.findUniqueOrThrow({
    where: { run: mail.personRun },
    select: { run: true, email: true, emailConfirmedAt: true, mailOptOutAt: true, memberships: { select: { institutionCode: true, email: true, emailConfirmedAt: true } } },
  });
  const institutional = person.memberships
    .filter((m) => m.email && m.emailConfirmedAt)
    .sort((a, b) => Number(b.institutionCode === mail.institutionCode) - Number(a.institutionCode === mail.institutionCode));
  const address = mail.toAddress ?? ownAddress(person) ?? institutional[0]?.email ?? null;
  await tx.mailMessage.createMany({
    data: [outboxRow({ ...mail, person, address, institutionCode: mail.institutionCode ?? null, legal: false, mode: "IMMEDIATE" })],
  });
}

export type NotificationForMail = {
  id: string;
  institutionCode: string | null;
  agreementId: string | null;
  kind: string;
  title: string;
  body: string;
};

/**
 * The mails of in-app notifications: one per member of the notified institution (the platform
 * admins for the platform team's), at the membership's confirmed institutional address, else the
 * person's own; held for the daily digest when the person chose it for that inbox, except legal
 * deadlines.
 */
export async function enqueueNotificationMails(tx: Tx, notes: readonly NotificationForMail[]): Promise<void> {
  if (!notes.length) return;
  const person = { select: { run: true, email: true, emailConfirmedAt: true, mailOptOutAt: true } } as const;
  const codes = [...new Set(notes.map((n) => n.institutionCode).filter((c): c is string => c !== null))];
  // One after another: a transaction is one connection, which runs one query at a time.
  const members = codes.length
    ? await tx.membership.findMany({ where: { institutionCode: { in: codes } }, select: { institutionCode: true, email: true, emailConfirmedAt: true, mailMode: true, person } })
    : [];
  const institutions = codes.length ? await tx.institution.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } }) : [];
  const platform = notes.some((n) => n.institutionCode === null)
    ? await tx.person.findMany({ where: { isPlatformAdmin: true }, select: { ...person.select, platformMailMode: true } })
    : [];
  const names = new Map(institutions.map((i) => [i.code, i.name]));
  const rows: Prisma.MailMessageCreateManyInput[] = [];
  for (const n of notes) {
    const legal = LEGAL_DEADLINE_KINDS.has(n.kind);
    const link = n.agreementId
      ? { path: `/acuerdos/${n.agreementId}`, label: "Ver el acuerdo en el portal" }
      : n.institutionCode
        ? { path: `/institucion/${n.institutionCode}/notificaciones`, label: "Ver las notificaciones" }
        : { path: "/admin", label: "Abrir la consola de la plataforma" };
    const base = { institutionCode: n.institutionCode, kind: n.kind, legal, title: n.title, paragraphs: [n.body], link, notificationId: n.id };
    if (n.institutionCode === null) {
      for (const p of platform) {
        rows.push(outboxRow({ ...base, person: p, address: ownAddress(p), mode: p.platformMailMode, reason: "Recibe este correo como integrante del equipo de la plataforma." }));
      }
      continue;
    }
    const name = names.get(n.institutionCode) ?? n.institutionCode;
    for (const m of members.filter((x) => x.institutionCode === n.institutionCode)) {
      const address = m.email && m.emailConfirmedAt ? m.email : ownAddress(m.person);
      rows.push(outboxRow({ ...base, person: m.person, address, mode: m.mailMode, reason: `Recibe este correo como integrante de ${name}.` }));
    }
  }
  if (rows.length) await tx.mailMessage.createMany({ data: rows });
}
