/**
 * Every mail the portal sends has the same shape: a title, a few paragraphs, one link to the page
 * it is about, and a footer saying why the person receives it and how to stop (unless the mail is
 * about a legal deadline). Rendered twice: plain text and HTML (inline styles only, gob.cl colours,
 * no images or scripts), both in Spanish.
 */
export type MailBody = {
  title: string;
  paragraphs: string[];
  link?: { href: string; label: string };
  /** A digest's notices, each with its title, text and own link, after the paragraphs. */
  items?: { title: string; text: string; link?: { href: string; label: string } }[];
  /** Why this person receives it (e.g. "Recibe este correo como integrante de SRCEI."). */
  reason: string;
  /** The one-click unsubscribe page; absent for legal deadlines, which cannot be unsubscribed. */
  unsubscribeUrl?: string;
  /**
   * Without an unsubscribe link: a mail the reader's own request caused (a confirmation link)
   * says so; otherwise the footer says it is a legal deadline.
   */
  requested?: boolean;
};

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const FOOTER_LEGAL = "Este aviso se refiere a un plazo legal de un acuerdo de interoperabilidad: se envía aunque haya pedido no recibir correos.";
const FOOTER_REQUESTED = "Este correo responde a un registro hecho en el portal: se envía aunque haya pedido no recibir avisos.";

export function renderMail(body: MailBody): { text: string; html: string } {
  const lines = [body.title, "", ...body.paragraphs.flatMap((p) => [p, ""])];
  for (const [i, item] of (body.items ?? []).entries()) {
    lines.push(`${i + 1}. ${item.title}`, item.text);
    if (item.link) lines.push(`${item.link.label}: ${item.link.href}`);
    lines.push("");
  }
  if (body.link) lines.push(`${body.link.label}: ${body.link.href}`, "");
  lines.push("--", "Red de Interoperabilidad del Estado", body.reason);
  const fixedFooter = body.requested ? FOOTER_REQUESTED : FOOTER_LEGAL;
  lines.push(body.unsubscribeUrl ? `Para dejar de recibir estos correos (salvo los plazos legales): ${body.unsubscribeUrl}` : fixedFooter);
  const text = lines.join("\n") + "\n";

  const p = (t: string) => `<p style="margin:0 0 16px;font-size:16px;line-height:1.5;color:#111111">${escapeHtml(t)}</p>`;
  const button = body.link
    ? `<p style="margin:24px 0"><a href="${escapeHtml(body.link.href)}" style="display:inline-block;background:#0F69C4;color:#ffffff;padding:12px 20px;border-radius:4px;font-weight:bold;text-decoration:underline">${escapeHtml(body.link.label)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:14px;color:#4A4A4A">Si el botón no funciona, copie esta dirección en su navegador: ${escapeHtml(body.link.href)}</p>`
    : "";
  const items = body.items?.length
    ? `<ol style="margin:0 0 16px;padding-left:24px">\n${body.items
        .map(
          (item) =>
            `<li style="margin:0 0 16px"><h2 style="margin:0 0 4px;font-size:18px;color:#111111">${escapeHtml(item.title)}</h2>` +
            `<p style="margin:0 0 4px;font-size:16px;line-height:1.5;color:#111111">${escapeHtml(item.text)}</p>` +
            (item.link ? `<p style="margin:0"><a href="${escapeHtml(item.link.href)}" style="color:#0F69C4">${escapeHtml(item.link.label)}</a></p>` : "") +
            `</li>`,
        )
        .join("\n")}\n</ol>`
    : "";
  const footer = body.unsubscribeUrl
    ? `<a href="${escapeHtml(body.unsubscribeUrl)}" style="color:#0F69C4">Dejar de recibir estos correos</a> (los avisos de plazos legales se siguen enviando).`
    : escapeHtml(fixedFooter);
  const html = `<!doctype html>
<html lang="es-CL"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(body.title)}</title></head>
<body style="margin:0;padding:0;background:#F2F2F2;font-family:Roboto,Arial,sans-serif">
<div style="max-width:600px;margin:0 auto;background:#ffffff">
<div style="background:#0F69C4;color:#ffffff;padding:16px 24px;font-size:18px;font-weight:bold">Red de Interoperabilidad del Estado</div>
<div style="height:6px;background:linear-gradient(90deg,#0F69C4 50%,#EB3C46 50%)"></div>
<main style="padding:24px">
<h1 style="margin:0 0 16px;font-size:22px;color:#111111">${escapeHtml(body.title)}</h1>
${body.paragraphs.map(p).join("\n")}
${items}
${button}
</main>
<footer style="padding:16px 24px;border-top:1px solid #D6D6D6;font-size:13px;line-height:1.5;color:#4A4A4A">
<p style="margin:0 0 8px">${escapeHtml(body.reason)}</p>
<p style="margin:0">${footer}</p>
</footer>
</div>
</body></html>
`;
  return { text, html };
}
