import { describe, expect, it } from "vitest";
import { escapeHtml, renderMail } from "./render";

const base = {
  title: "Nueva solicitud de acceso",
  paragraphs: ["Municipalidad de Santiago solicita acceso a «Datos de identidad». Plazo de respuesta: 15 días hábiles."],
  link: { href: "http://localhost:3000/acuerdos/abc", label: "Ver el acuerdo en el portal" },
  reason: "Recibe este correo como integrante de SRCEI.",
};

describe("renderMail", () => {
  it("plain text and HTML, both in Spanish, with the link and the unsubscribe footer", () => {
    const { text, html } = renderMail({ ...base, unsubscribeUrl: "http://localhost:3000/correo/baja?t=abc.def" });
    expect(text).toContain("Nueva solicitud de acceso\n\nMunicipalidad de Santiago solicita acceso a «Datos de identidad».");
    expect(text).toContain("Ver el acuerdo en el portal: http://localhost:3000/acuerdos/abc");
    expect(text).toContain("Para dejar de recibir estos correos (salvo los plazos legales): http://localhost:3000/correo/baja?t=abc.def");
    expect(html).toMatch(/^<!doctype html>\n<html lang="es-CL">/);
    expect(html).toContain('<a href="http://localhost:3000/acuerdos/abc"');
    expect(html).toContain('<a href="http://localhost:3000/correo/baja?t=abc.def"');
    expect(html).toContain("<h1");
    expect(html).not.toMatch(/<script|<img/i);
  });

  it("escapes what people wrote", () => {
    const { text, html } = renderMail({ ...base, title: 'Motivo: <script>alert("x")</script> & más', paragraphs: ["<b>hola</b>"] });
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; más");
    expect(html).toContain("&lt;b&gt;hola&lt;/b&gt;");
    expect(text).toContain('Motivo: <script>alert("x")</script> & más'); // plain text is not HTML
    expect(escapeHtml(`'"<>&`)).toBe("&#39;&quot;&lt;&gt;&amp;");
  });

  it("a legal deadline has no unsubscribe link, and says why", () => {
    const { text, html } = renderMail({ ...base, title: "Plazo por vencer" });
    for (const part of [text, html]) {
      expect(part).not.toContain("/correo/baja");
      expect(part).toContain("se envía aunque haya pedido no recibir correos");
    }
    expect(html).not.toContain("Dejar de recibir");
  });

  it("a mail the reader's registration caused (a confirmation link) says so, and never that it is a legal deadline", () => {
    const { text, html } = renderMail({ ...base, title: "Confirme su dirección de correo", requested: true });
    for (const part of [text, html]) {
      expect(part).not.toContain("/correo/baja");
      expect(part).toContain("responde a un registro hecho en el portal");
      expect(part).not.toContain("plazo legal");
    }
  });

  it("a digest lists each notice with its title, text and link", () => {
    const { text, html } = renderMail({
      ...base,
      title: "Resumen diario: 2 avisos de SRCEI",
      items: [
        { title: "Nueva solicitud de acceso", text: "Primera <solicitud>", link: { href: "http://localhost:3000/acuerdos/1", label: "Ver en el portal" } },
        { title: "Plazo prorrogado", text: "Segunda", link: { href: "http://localhost:3000/acuerdos/2", label: "Ver en el portal" } },
      ],
      unsubscribeUrl: "http://localhost:3000/correo/baja?t=x.y",
    });
    expect(text).toContain("1. Nueva solicitud de acceso\nPrimera <solicitud>\nVer en el portal: http://localhost:3000/acuerdos/1");
    expect(text).toContain("2. Plazo prorrogado\nSegunda\nVer en el portal: http://localhost:3000/acuerdos/2");
    expect(html.match(/<li /g)).toHaveLength(2);
    expect(html).toContain("Primera &lt;solicitud&gt;");
    expect(html.indexOf("acuerdos/1")).toBeLessThan(html.indexOf("acuerdos/2"));
  });
});
