import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { serverEnv } from "@/lib/env";
import { oneClickUnsubscribeUrl } from "@/lib/mail/unsubscribe";

/**
 * The SMTP side of the outbox: one nodemailer transport per dispatch batch, from SMTP_URL
 * (smtp:// or smtps://, credentials in the URL), not pooled (a batch is a few mails; an idle
 * pooled connection would outlive the job), and every wait bounded, so a server that does not
 * answer costs seconds, not minutes.
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 15_000 } as const;

export type MailTransport = Transporter<SMTPTransport.SentMessageInfo>;

export function createMailTransport(smtpUrl: string = serverEnv().SMTP_URL): MailTransport {
  const options: SMTPTransport.Options & { url: string } = { url: smtpUrl, ...SMTP_TIMEOUTS };
  return nodemailer.createTransport(options);
}

/** What the transport needs of an outbox row. */
export type OutgoingMail = {
  id: string;
  personRun: string;
  legal: boolean;
  toAddress: string;
  subject: string;
  text: string;
  html: string;
};

/** The domain of MAIL_FROM's address (for Message-IDs). */
function senderDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.split("@")[1]?.trim().toLowerCase() || "localhost";
}

/**
 * The Message-ID of an outbox row: the same for every attempt at it, so that in the rare case the
 * portal sends a mail twice (it stopped after the server accepted it but before it wrote so, see
 * docs/architecture.md) mail clients can tell it is the same message.
 */
export function messageIdOf(id: string, from: string = serverEnv().MAIL_FROM): string {
  return `<${id}@${senderDomain(from)}>`;
}

/** The nodemailer message of an outbox row: text and HTML parts, auto-generated, unsubscribable unless legal. */
export function messageOf(mail: OutgoingMail): nodemailer.SendMailOptions {
  const from = serverEnv().MAIL_FROM;
  const headers: Record<string, string> = {
    // RFC 3834: an automatic message; auto-responders (vacation notices) should not answer it.
    "Auto-Submitted": "auto-generated",
    "X-Auto-Response-Suppress": "All",
  };
  if (!mail.legal) {
    headers["List-Unsubscribe"] = `<${oneClickUnsubscribeUrl(mail.personRun)}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  return {
    from,
    to: mail.toAddress,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: messageIdOf(mail.id, from),
    headers,
    // The text is Spanish (tildes, ñ): quoted-printable UTF-8 in both parts.
    textEncoding: "quoted-printable",
    // Nothing in a mail may make the portal read a file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/** Sends one row; resolves with the Message-ID the server accepted. */
export async function sendOutgoing(transport: MailTransport, mail: OutgoingMail): Promise<string> {
  const info = await transport.sendMail(messageOf(mail));
  if (info.rejected?.length) throw Object.assign(new Error("El servidor rechazó el destinatario."), { code: "EENVELOPE" });
  return info.messageId;
}
