import "server-only";
import { clock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { log } from "@/lib/log";
import { DISCARD_REASONS, portalUrl } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render";
import { unsubscribeUrl } from "@/lib/mail/unsubscribe";

/**
 * The daily digest (the `mail-digest` job, 08:00 in Santiago). The mails a person chose to
 * receive as a digest wait EN_RESUMEN; this gathers them per person, inbox (institution, or the
 * platform team's) and address into one RESUMEN mail written to the outbox as PENDIENTE, and
 * marks each gathered mail AGRUPADO with the digest's id, all in one transaction: the digest
 * exists exactly when its items are marked, so a second run (or a retried job) finds nothing to
 * gather. Rows are locked in one order (`FOR UPDATE`, by id): a concurrent run waits, then no
 * longer sees them EN_RESUMEN. Legal deadlines are never held (lib/mail/outbox.ts), so they never
 * reach a digest.
 */

/** Held mails gathered per run at most (a backlog is finished by the next run). */
const DIGEST_LIMIT = 5_000;

type Held = {
  id: string;
  personRun: string;
  institutionCode: string | null;
  toAddress: string;
  subject: string;
  link: string | null;
  body: string | null;
  optedOut: boolean;
  createdAt: Date;
};

export function digestSubject(count: number, inbox: string): string {
  return `Resumen diario: ${count === 1 ? "1 aviso" : `${count} avisos`} ${inbox}`;
}

export async function sendDigests(now: Date = clock.now()): Promise<{ digests: number; grouped: number; discarded: number }> {
  const result = await getDb().$transaction(
    async (tx) => {
      const held = await tx.$queryRaw<Held[]>`
        SELECT m.id, m.person_run AS "personRun", m.institution_code AS "institutionCode", m.to_address AS "toAddress",
               m.subject, m.link, n.body, (p.mail_opt_out_at IS NOT NULL) AS "optedOut", m.created_at AS "createdAt"
        FROM mail_message m
        JOIN person p ON p.run = m.person_run
        LEFT JOIN notification n ON n.id = m.notification_id
        WHERE m.status = 'EN_RESUMEN' AND m.created_at <= ${now}
        ORDER BY m.id LIMIT ${DIGEST_LIMIT} FOR UPDATE OF m`;
      const counts = { digests: 0, grouped: 0, discarded: 0 };
      if (!held.length) return counts;

      // Whoever unsubscribed after these were held: kept as DESCARTADO with the reason, not sent.
      const dropped = held.filter((h) => h.optedOut).map((h) => h.id);
      if (dropped.length) {
        await tx.mailMessage.updateMany({ where: { id: { in: dropped } }, data: { status: "DESCARTADO", lastError: DISCARD_REASONS.optedOut } });
        counts.discarded = dropped.length;
      }

      const groups = new Map<string, Held[]>();
      for (const h of held.filter((x) => !x.optedOut)) {
        const key = JSON.stringify([h.personRun, h.institutionCode, h.toAddress]);
        groups.set(key, [...(groups.get(key) ?? []), h]);
      }
      const codes = [...new Set([...groups.values()].map((g) => g[0]!.institutionCode).filter((c): c is string => c !== null))];
      const names = new Map((await tx.institution.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } })).map((i) => [i.code, i.name]));

      for (const items of groups.values()) {
        const { personRun, institutionCode, toAddress } = items[0]!;
        // The held rows come by id; the digest tells them in the order they happened.
        items.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
        const name = institutionCode ? (names.get(institutionCode) ?? institutionCode) : null;
        const inbox = name ? `de ${name}` : "del equipo de la plataforma";
        const subject = digestSubject(items.length, inbox);
        const link = institutionCode
          ? { href: portalUrl(`/institucion/${institutionCode}/notificaciones`), label: "Ver todas las notificaciones" }
          : { href: portalUrl("/admin"), label: "Abrir la consola de la plataforma" };
        const { text, html } = renderMail({
          title: subject,
          paragraphs: [`Estos son los avisos ${inbox} desde el resumen anterior.`],
          items: items.map((i) => ({
            title: i.subject,
            text: i.body ?? "",
            link: i.link ? { href: i.link, label: "Ver en el portal" } : undefined,
          })),
          link,
          reason: `Recibe este resumen porque eligió recibir los avisos ${inbox} una vez al día. Puede cambiarlo en su cuenta del portal.`,
          unsubscribeUrl: unsubscribeUrl(personRun),
        });
        const digest = await tx.mailMessage.create({
          data: { personRun, institutionCode, kind: "RESUMEN", legal: false, toAddress, subject, text, html, link: link.href, status: "PENDIENTE", createdAt: now, nextAttemptAt: now },
          select: { id: true },
        });
        await tx.mailMessage.updateMany({ where: { id: { in: items.map((i) => i.id) } }, data: { status: "AGRUPADO", digestId: digest.id } });
        counts.digests++;
        counts.grouped += items.length;
      }
      return counts;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  if (result.digests || result.discarded) log.info(result, "mail digests written");
  return result;
}
