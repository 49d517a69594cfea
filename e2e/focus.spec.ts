import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, personPage, tabTo, test } from "./support/fixtures";
import { minimalPdf } from "../test/support/pdf";
import { createSrceiService, jsonHeaders } from "./support/services";

/**
 * Focus and feedback after every action (issue 12, point 3), with the keyboard only: each action's
 * button is reached with Tab and pressed with Enter, its dialog answered the same way; afterwards
 * the focus is on a notice (role status, tabIndex -1) that says what happened and what comes next.
 * Agreements (two institutions and the platform team), the catalog and the nodes. Each flow uses
 * its own service or node, so none depends on another spec's leftovers.
 */

const stamp = Date.now().toString(36);


/** Reaches the button with Tab and presses Enter. */
async function pressButton(scope: Page | Locator, page: Page, name: string) {
  await tabTo(page, scope.getByRole("button", { name, exact: true }));
  await page.keyboard.press("Enter");
}

/** The element with the focus: its role, tabIndex and text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName.toLowerCase() ?? "", role: el?.getAttribute("role") ?? "", tabIndex: el?.tabIndex ?? 0, text: el?.textContent?.replace(/\s+/g, " ").trim() ?? "" };
  });

/** The focus is on a notice that says `what` happened and `next`, what comes next. */
async function expectNoticeFocused(page: Page, what: RegExp, next?: RegExp) {
  await expect.poll(() => focused(page)).toMatchObject({ role: expect.stringMatching(/^(status|alert)$/), tabIndex: -1, text: expect.stringMatching(what) });
  if (next) expect((await focused(page)).text).toMatch(next);
}

/**
 * An action of the page's action group, with the keyboard: its button, then its dialog (a reason
 * typed when asked), then its "Sí, …" button.
 */
async function act(page: Page, label: string, yes: string, reason?: string) {
  await pressButton(page.getByRole("main"), page, label);
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  if (reason) {
    await expect(dialog.getByLabel("Motivo")).toBeFocused();
    await page.keyboard.type(reason);
  }
  await pressButton(dialog, page, yes);
  await expect(dialog).toBeHidden();
}

test.describe("Foco y aviso después de cada acción, solo con el teclado", () => {
  test("acuerdos: enviar, revisar, adjuntar, aceptar, firmar (primera y segunda firma), suspender, reanudar, terminar", async ({ browser }) => {
    const carolina = await personPage(browser, "Carolina Muñoz", "/institucion/SRCEI");
    const service = await createSrceiService(carolina, `acuerdo-${stamp}`, {}, true);
    const rodrigo = await personPage(browser, "Rodrigo Sepúlveda", `/acuerdos/nuevo?servicio=${service}`);
    await expect(rodrigo.getByRole("button", { name: "Enviar solicitud" })).toBeEnabled();
    await rodrigo.getByRole("radio", { name: "Permanente" }).check();
    await rodrigo.getByRole("checkbox", { name: /Registro Social de Hogares/ }).check();
    await rodrigo.getByLabel("Base legal").fill("Ley 20.379, artículo 5: caracterización socioeconómica del Registro Social de Hogares.");
    await rodrigo.getByLabel("Volumen mensual estimado").fill("2.000");
    await pressButton(rodrigo.getByRole("main"), rodrigo, "Enviar solicitud");
    const send = rodrigo.getByRole("dialog", { name: "¿Enviar la solicitud?" });
    await pressButton(send, rodrigo, "Sí, enviar");
    await expect(rodrigo).toHaveURL(/\/acuerdos\/[0-9a-f-]{36}/);
    await expectNoticeFocused(rodrigo, /Se envió la solicitud/, /15 días hábiles/);
    const url = new URL(rodrigo.url()).pathname;

    await carolina.goto(url);
    await act(carolina, "Tomar en revisión", "Sí, tomar en revisión");
    await expectNoticeFocused(carolina, /En revisión/, /Aceptar o rechazar|acepte o rechace|aceptarla o rechazarla/i);

    await carolina.getByLabel("Documento PDF").setInputFiles({ name: "anexo.pdf", mimeType: "application/pdf", buffer: Buffer.from(minimalPdf()) });
    await pressButton(carolina.getByRole("main"), carolina, "Adjuntar documento");
    await expectNoticeFocused(carolina, /Se adjuntó «anexo.pdf»/, /términos|historial|Documentos/);

    await act(carolina, "Aceptar", "Sí, aceptar");
    await expectNoticeFocused(carolina, /Pendiente de firma/, /firma/);

    await act(carolina, "Firmar el acuerdo", "Sí, firmar");
    await expectNoticeFocused(carolina, /Se registró su firma/, /Falta la firma de/);

    await rodrigo.reload();
    await act(rodrigo, "Firmar el acuerdo", "Sí, firmar");
    await expectNoticeFocused(rodrigo, /Se registró su firma/, /vigente/);
    await expectAccessible(rodrigo);

    await act(rodrigo, "Suspender", "Sí, suspender", "Mantención de los sistemas del ministerio.");
    await expectNoticeFocused(rodrigo, /Suspendid/, /reanud/i);
    await act(rodrigo, "Reanudar", "Sí, reanudar", "Terminó la mantención.");
    await expectNoticeFocused(rodrigo, /Vigente/);
    await act(rodrigo, "Terminar", "Sí, terminar", "El ministerio ya no necesita este servicio.");
    await expectNoticeFocused(rodrigo, /Terminad/);
  });

  test("acuerdos: rechazar, pedir mediación y rechazar en forma definitiva", async ({ browser }) => {
    const carolina = await personPage(browser, "Carolina Muñoz", "/institucion/SRCEI");
    const service = await createSrceiService(carolina, `rechazo-${stamp}`, {}, true);
    const rodrigo = await personPage(browser, "Rodrigo Sepúlveda", "/institucion/MDSF");
    const res = await rodrigo.request.post("/api/v1/agreements", {
      headers: jsonHeaders(rodrigo),
      data: {
        consumer: "MDSF",
        service,
        environment: "dev",
        type: "PERMANENTE",
        procedures: ["CPAT-MDSF-0005"],
        legalBasis: "Ley 20.379, artículo 5, y Ley 20.422 sobre igualdad de oportunidades.",
        declaredVolume: 300,
        mode: "EN_LINEA",
        requestedTps: 2,
        submit: true,
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    const { id } = (await res.json()) as { id: string };

    await carolina.goto(`/acuerdos/${id}`);
    await act(carolina, "Tomar en revisión", "Sí, tomar en revisión");
    await expectNoticeFocused(carolina, /En revisión/);
    await act(carolina, "Rechazar", "Sí, rechazar", "La base legal no cubre datos de salud.");
    await expectNoticeFocused(carolina, /Rechazad/, /mediación/);

    await rodrigo.goto(`/acuerdos/${id}`);
    await act(rodrigo, "Pedir mediación", "Sí, pedir mediación", "La Ley 20.422 nos habilita; pedimos que la plataforma lo revise.");
    await expectNoticeFocused(rodrigo, /mediación/i, /plataforma/);

    const matias = await personPage(browser, "Matías Tapia", `/acuerdos/${id}`);
    await act(matias, "Rechazar en forma definitiva", "Sí, rechazar en forma definitiva", "La base legal invocada no habilita el acceso a datos sensibles.");
    await expectNoticeFocused(matias, /Rechazad/);
  });

  test("catálogo: publicar, declarar obsoleto y retirar un servicio; guardar su ficha", async ({ browser }) => {
    const code = `foco-${stamp}`;
    const carolina = await personPage(browser, "Carolina Muñoz", "/institucion/SRCEI/servicios");
    await createSrceiService(carolina, code, { name: "Servicio de prueba del foco" });

    await carolina.goto(`/institucion/SRCEI/servicios/${code}/v1/editar`);
    await expect(carolina.getByRole("button", { name: "Guardar cambios" })).toBeEnabled();
    await carolina.getByRole("textbox", { name: "Nombre", exact: true }).fill("Servicio de prueba del foco, editado");
    await pressButton(carolina.getByRole("main"), carolina, "Guardar cambios");
    await expect(carolina).toHaveURL(new RegExp(`/institucion/SRCEI/servicios/${code}/v1\\?aviso=guardado$`));
    await expectNoticeFocused(carolina, /Se guardaron los cambios/);

    await act(carolina, "Publicar", "Sí, publicar");
    await expectNoticeFocused(carolina, /Publicado/, /catálogo/);
    await act(carolina, "Declarar obsoleto", "Sí, declarar obsoleto", `Reemplazado por SRCEI/${code}/v2`);
    await expectNoticeFocused(carolina, /Obsoleto/);
    await act(carolina, "Retirar", "Sí, retirar", "Ya nadie lo usa.");
    await expectNoticeFocused(carolina, /Retirado/);
    await expectAccessible(carolina);
  });

  test("nodos: registrar, emitir un token nuevo y revocar", async ({ browser }) => {
    const name = `foco-${stamp}`;
    const carolina = await personPage(browser, "Carolina Muñoz", "/institucion/SRCEI/nodos/nuevo");
    await expect(carolina.getByRole("button", { name: "Registrar el nodo" })).toBeEnabled();
    await carolina.getByLabel("Nombre del nodo").fill(name);
    await carolina.getByLabel("URL de red del nodo").fill("http://127.0.0.1:9");
    await pressButton(carolina.getByRole("main"), carolina, "Registrar el nodo");
    await expectNoticeFocused(carolina, /Se dio de alta el nodo/, /token/);

    await carolina.goto(`/institucion/SRCEI/nodos/${name}`);
    await act(carolina, "Emitir un token de registro nuevo", "Sí, emitir el token");
    await expectNoticeFocused(carolina, /token de registro nuevo/, /una sola vez/);
    await expect(carolina.getByRole("region", { name: `Token de registro de SRCEI/${name}` })).toBeVisible();

    await act(carolina, "Revocar", "Sí, revocar", "Servidor dado de baja.");
    await expectNoticeFocused(carolina, /Se revocó el nodo/);
  });
});
