import type { Page } from "@playwright/test";
import pg from "pg";
import { expect, expectAccessible, personPage, test } from "./support/fixtures";
import { sendMunicipalityRequest } from "./support/services";
import { minimalPdf } from "../test/support/pdf";

/**
 * Gestor de Acuerdos, end to end: a request from the catalog to an agreement in force (both
 * institutions' screens, signatures, history, notifications), a request left unanswered until its
 * deadline passes and then mediated by the platform team, what each role may see and do, and
 * documents. Each test uses its own service, so none depends on another's leftovers.
 */

const NAMES = {
  patricia: "Patricia Isabel González Vera",
  carolina: "Carolina Andrea Muñoz Fuentes",
  jose: "José Miguel Núñez Castro",
  matias: "Matías Sebastián Tapia Olivares",
};

/** Forms work once React has hydrated them: their button is enabled from then on. */
async function ready(page: Page, button: string) {
  await expect(page.getByRole("button", { name: button, exact: true })).toBeEnabled();
}

/** The agreement's id (from the URL) and number (from the page's heading). */
async function agreementOnPage(page: Page): Promise<{ id: string; number: string }> {
  await expect(page).toHaveURL(/\/acuerdos\/[0-9a-f-]{36}/);
  const id = /\/acuerdos\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  const heading = await page.getByRole("heading", { level: 1 }).textContent();
  const number = /ACU-\d{4}-\d{6}/.exec(heading ?? "")?.[0];
  expect(number, "número del acuerdo en el título").toBeTruthy();
  return { id, number: number! };
}


/** How the tests make time pass: the run's own database, written directly. */
async function sql(text: string, params: unknown[]) {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return await client.query(text, params);
  } finally {
    await client.end();
  }
}

const status = (page: Page, label: string) => page.getByRole("main").locator("header").getByText(`Estado: ${label}`, { exact: true });

test.describe("Gestor de Acuerdos", () => {
  test("una municipalidad solicita un servicio del Registro Civil; se acepta, ambas jefaturas firman y queda vigente", async ({ browser }) => {
    // The request, from the service's page in the catalog.
    const patricia = await personPage(browser, "Patricia González", "/catalogo/SRCEI/certificado-nacimiento/v1");
    const cta = patricia.getByRole("region", { name: "Solicitar acceso" });
    await expect(cta).toContainText("15 días hábiles");
    await cta.getByRole("link", { name: "Solicitar acceso" }).click();
    await expect(patricia).toHaveURL(/\/acuerdos\/nuevo\?servicio=SRCEI(%2F|\/)certificado-nacimiento(%2F|\/)v1$/);
    await expect(patricia.getByRole("heading", { level: 1, name: "Solicitar acceso" })).toBeVisible();
    await expect(patricia.getByRole("region", { name: "El servicio que solicita" })).toContainText("Servicio de Registro Civil e Identificación");
    await ready(patricia, "Guardar borrador");
    // Prefilled from the service: development, 10 TPS; the municipality's own procedures listed first, and none of
    // another institution's ticked (the service's are MDSF's and JUNAEB's).
    await expect(patricia.getByRole("radio", { name: "Desarrollo" })).toBeChecked();
    await expect(patricia.getByLabel("Transacciones por segundo (TPS) solicitadas")).toHaveValue("10");
    const procedureBoxes = patricia.getByRole("group", { name: /Trámites/ }).getByRole("checkbox");
    await expect(procedureBoxes.first()).toHaveAccessibleName(/Obtención del permiso de circulación|Otorgamiento de patente comercial/);
    await expect(patricia.getByRole("checkbox", { name: /Registro Social de Hogares/ })).not.toBeChecked();
    await expect(patricia.getByRole("checkbox", { name: /Beca de Alimentación/ })).not.toBeChecked();
    await expectAccessible(patricia);

    // Sending it incomplete: the API's own schema speaks, in the summary.
    await patricia.getByRole("button", { name: "Enviar solicitud" }).click();
    const summary = patricia.getByRole("alert").filter({ hasText: "Hay problemas con los datos ingresados" });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("Tipo de acuerdo");
    await expect(summary).toContainText("Base legal");
    await expect(summary).toContainText("Volumen mensual estimado");
    await expect(patricia.getByRole("dialog")).toHaveCount(0);
    await expectAccessible(patricia);

    await patricia.getByRole("radio", { name: "Permanente" }).check();
    await patricia.getByRole("checkbox", { name: /Registro Social de Hogares/ }).check();
    await patricia.getByLabel("Base legal").fill("Ley 20.379, artículo 5, y convenio de colaboración para la aplicación del Registro Social de Hogares.");
    await patricia.getByLabel("Volumen mensual estimado").fill("1500");
    await patricia.getByRole("button", { name: "Enviar solicitud" }).click();
    const send = patricia.getByRole("dialog", { name: "¿Enviar la solicitud?" });
    await expect(send).toContainText("15 días hábiles");
    await expectAccessible(patricia);
    await send.getByRole("button", { name: "Sí, enviar" }).click();

    const { id, number } = await agreementOnPage(patricia);
    await expect(patricia.getByText("Se envió la solicitud.")).toBeVisible();
    await expect(status(patricia, "Enviada")).toBeVisible();
    const deadline = patricia.getByRole("region", { name: /Plazo de respuesta/ });
    await expect(deadline).toContainText("Quedan 15 días hábiles");
    await expect(deadline).toContainText("23:59");
    await expectAccessible(patricia);

    // The provider sees it among the received requests, with its deadline.
    const carolina = await personPage(browser, "Carolina Muñoz", "/institucion/SRCEI/acuerdos");
    await expect(carolina.getByRole("heading", { level: 1, name: "Acuerdos" })).toBeVisible();
    await expect(carolina.getByRole("link", { name: /Recibidas/, exact: false })).toHaveAttribute("aria-current", "page");
    const row = carolina.getByRole("row", { name: new RegExp(number) });
    await expect(row).toContainText("Municipalidad de Santiago");
    await expect(row).toContainText("Certificado de nacimiento");
    await expect(row).toContainText("Enviada");
    await expect(row).toContainText("15 días hábiles");
    await expectAccessible(carolina);

    await row.getByRole("link", { name: number }).click();
    await expect(carolina).toHaveURL(new RegExp(`/acuerdos/${id}$`));
    await expect(carolina.getByRole("button", { name: "Prorrogar 5 días hábiles" })).toBeVisible();
    await carolina.getByRole("button", { name: "Tomar en revisión" }).click();
    const takeUp = carolina.getByRole("dialog", { name: "¿Tomar en revisión la solicitud?" });
    await takeUp.getByRole("button", { name: "Sí, tomar en revisión" }).click();
    await expect(takeUp).toBeHidden();
    await expect(carolina.getByText("quedó en estado En revisión")).toBeVisible();
    await expect(status(carolina, "En revisión")).toBeVisible();

    // Accepting: more than the service commits is refused, then 20 TPS with the standard terms.
    await carolina.getByRole("button", { name: "Aceptar", exact: true }).click();
    const accept = carolina.getByRole("dialog", { name: "¿Aceptar la solicitud?" });
    await expect(accept.getByLabel("TPS otorgadas")).toBeFocused();
    await expect(accept.getByRole("radio", { name: /Términos y condiciones estándar de la Red, versión 1/ })).toBeChecked();
    await accept.getByLabel("TPS otorgadas").fill("60");
    await accept.getByRole("button", { name: "Sí, aceptar" }).click();
    await expect(accept.getByRole("alert")).toContainText("No puede exceder las 50 TPS");
    await expect(accept.getByLabel("TPS otorgadas")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(carolina);
    await accept.getByLabel("TPS otorgadas").fill("20");
    await accept.getByRole("button", { name: "Sí, aceptar" }).click();
    await expect(accept).toBeHidden();
    await expect(status(carolina, "Pendiente de firma")).toBeVisible();
    const terms = carolina.getByRole("region", { name: "Niveles otorgados y términos" });
    await expect(terms).toContainText("20 transacciones por segundo");
    await expect(terms.locator("code")).toHaveText(/^[0-9a-f]{64}$/);
    const termsHash = (await terms.locator("code").textContent())!;
    await expectAccessible(carolina);

    // The head of the provider signs first.
    await carolina.getByRole("button", { name: "Firmar el acuerdo" }).click();
    const signP = carolina.getByRole("dialog", { name: "¿Firmar el acuerdo?" });
    await expect(signP).toContainText(termsHash);
    await signP.getByRole("button", { name: "Sí, firmar" }).click();
    await expect(carolina.getByText("Falta la firma de la otra institución.")).toBeVisible();
    const signatures = carolina.getByRole("region", { name: "Firmas" });
    await expect(signatures.getByRole("listitem").filter({ hasText: "Institución proveedora" })).toContainText(`Firmado por ${NAMES.carolina}`);
    await expect(signatures.getByRole("listitem").filter({ hasText: "Institución solicitante" })).toContainText("Pendiente");
    await expect(carolina.getByRole("button", { name: "Firmar el acuerdo" })).toHaveCount(0);

    // The standard terms can be read, with the same hash.
    await terms.getByRole("link", { name: /Leer los términos estándar/ }).click();
    await expect(carolina).toHaveURL(/\/acuerdos\/terminos\/1$/);
    await expect(carolina.getByRole("heading", { level: 1, name: "Términos y condiciones estándar de la Red de Interoperabilidad del Estado" })).toBeVisible();
    await expect(carolina.getByText(termsHash)).toBeVisible();
    await expect(carolina.getByText("Datos personales y sensibles.")).toBeVisible();
    await expectAccessible(carolina);

    // The head of the municipality signs: in force.
    await patricia.reload();
    await expect(status(patricia, "Pendiente de firma")).toBeVisible();
    await patricia.getByRole("button", { name: "Firmar el acuerdo" }).click();
    const signC = patricia.getByRole("dialog", { name: "¿Firmar el acuerdo?" });
    await expectAccessible(patricia);
    await signC.getByRole("button", { name: "Sí, firmar" }).click();
    await expect(patricia.getByText("el acuerdo está vigente")).toBeVisible();
    await expect(status(patricia, "Vigente")).toBeVisible();
    await expect(patricia.getByRole("region", { name: "Firmas" }).getByRole("listitem").filter({ hasText: "Institución solicitante" })).toContainText(
      `Firmado por ${NAMES.patricia}`,
    );

    // The whole history, with who did what.
    for (const p of [patricia, carolina]) {
      await p.goto(`/acuerdos/${id}`);
      await expect(status(p, "Vigente")).toBeVisible();
      const items = p.getByRole("list", { name: "Historial" }).getByRole("listitem");
      const expected: [string, string][] = [
        ["Creación de la solicitud", NAMES.patricia],
        ["Envío de la solicitud", NAMES.patricia],
        ["Tomada en revisión", NAMES.carolina],
        ["Aceptación", NAMES.carolina],
        ["En espera de las firmas", "por el sistema"],
        ["Firma", NAMES.carolina],
        ["Firma", NAMES.patricia],
        ["Entrada en vigencia", "por el sistema"],
      ];
      await expect(items).toHaveCount(expected.length);
      for (const [i, [label, who]] of expected.entries()) {
        await expect(items.nth(i)).toContainText(label);
        await expect(items.nth(i)).toContainText(who);
      }
      await expect(items.nth(3)).toContainText("TPS otorgadas: 20");
      await expect(items.nth(7)).toContainText(/Pendiente de firma\s*→.*Vigente/);
    }
    await expectAccessible(patricia);

    // Both institutions were notified; a notification is marked read.
    await patricia.goto("/institucion/MUN-SANTIAGO");
    await expect(patricia.getByRole("region", { name: "Notificaciones" })).toContainText("sin leer");
    await patricia.getByRole("link", { name: "Ver notificaciones" }).click();
    await expect(patricia.getByRole("heading", { level: 1, name: "Notificaciones" })).toBeVisible();
    for (const title of ["Solicitud en revisión", "Firma requerida", "Falta su firma", "Acuerdo vigente"]) {
      await expect(patricia.getByRole("heading", { name: new RegExp(`${title} · ${number}`) })).toBeVisible();
    }
    await expectAccessible(patricia);
    const inForce = patricia.getByRole("listitem").filter({ has: patricia.getByRole("heading", { name: new RegExp(`Acuerdo vigente · ${number}`) }) });
    await expect(inForce).toContainText("No leída");
    await inForce.getByRole("button", { name: /Marcar como leída/ }).click();
    await expect(inForce.getByRole("button", { name: /Marcar como leída/ })).toHaveCount(0);
    await expect(inForce).not.toContainText("No leída");
    await expect(inForce).toContainText("Leída");
    await inForce.getByRole("link", { name: /Ver el acuerdo/ }).click();
    await expect(patricia).toHaveURL(new RegExp(`/acuerdos/${id}$`));

    await carolina.goto("/institucion/SRCEI/notificaciones");
    for (const title of ["Nueva solicitud de acceso", "Firma requerida", "Acuerdo vigente"]) {
      await expect(carolina.getByRole("heading", { name: new RegExp(`${title} · ${number}`) })).toBeVisible();
    }
    await carolina.goto("/institucion/SRCEI/acuerdos");
    const done = carolina.getByRole("row", { name: new RegExp(number) });
    await expect(done).toContainText("Vigente");
    await expect(done).toContainText("Sin plazo en curso");
  });

  test("una solicitud sin respuesta vence, la municipalidad pide mediación y la plataforma decide", async ({ browser }) => {
    // Staff prepare the draft: they may save it, not send it.
    const jose = await personPage(browser, "José Núñez", "/catalogo/SII/situacion-tributaria/v1");
    await jose.getByRole("region", { name: "Solicitar acceso" }).getByRole("link", { name: "Solicitar acceso" }).click();
    await ready(jose, "Guardar borrador");
    await expect(jose.getByRole("button", { name: "Enviar solicitud" })).toHaveCount(0);
    await expect(jose.getByText(/Solo un\/a administrador\/a de Municipalidad de Santiago puede enviar la solicitud/)).toBeVisible();
    await jose.getByRole("radio", { name: "Por servicio" }).check();
    await expect(jose.getByRole("checkbox", { name: /Otorgamiento de patente comercial/ })).toBeChecked();
    await jose.getByLabel("Base legal").fill("Decreto Ley 3.063, de Rentas Municipales, artículo 26.");
    await jose.getByLabel("Volumen mensual estimado").fill("300");
    await jose.getByLabel("Transacciones por segundo (TPS) solicitadas").fill("3");
    await jose.getByRole("button", { name: "Guardar borrador" }).click();
    const { id, number } = await agreementOnPage(jose);
    await expect(jose.getByText("Se guardó la solicitud como borrador.")).toBeVisible();
    await expect(status(jose, "Borrador")).toBeVisible();
    await expect(jose.getByRole("group", { name: "Acciones sobre el acuerdo" })).toHaveCount(0);
    await expectAccessible(jose);

    // …and edit it while it is a draft.
    await jose.getByRole("link", { name: "Editar borrador" }).click();
    await expect(jose.getByRole("heading", { level: 1, name: "Editar solicitud" })).toBeVisible();
    await ready(jose, "Guardar cambios");
    await expectAccessible(jose);
    await jose.getByLabel("Volumen mensual estimado").fill("450");
    await jose.getByRole("button", { name: "Guardar cambios" }).click();
    await expect(jose).toHaveURL(new RegExp(`/acuerdos/${id}\\?aviso=guardado$`));
    await expect(jose.getByRole("region", { name: "La solicitud" })).toContainText("450 consultas al mes");

    // The administrator sends it.
    const patricia = await personPage(browser, "Patricia González", `/acuerdos/${id}`);
    await patricia.getByRole("button", { name: "Enviar solicitud" }).click();
    const send = patricia.getByRole("dialog", { name: "¿Enviar la solicitud?" });
    await expect(send).toContainText("15 días hábiles");
    await send.getByRole("button", { name: "Sí, enviar" }).click();
    await expect(status(patricia, "Enviada")).toBeVisible();

    // Another request, whose deadline is close: the platform watches it.
    const close = await sendMunicipalityRequest(patricia, "MINEDUC/matricula-escolar/v1", ["CPAT-JUNAEB-0012"]);
    await sql("UPDATE agreement SET due_at = now() + interval '2 days' WHERE id = $1", [close.id]);

    // Nobody answers; the deadline passes.
    await sql("UPDATE agreement SET due_at = now() - interval '1 day' WHERE id = $1", [id]);
    await patricia.reload();
    await expect(status(patricia, "Vencida")).toBeVisible();
    await expect(patricia.getByText("El plazo de respuesta venció")).toBeVisible();
    const last = patricia.getByRole("list", { name: "Historial" }).getByRole("listitem").last();
    await expect(last).toContainText("Vencimiento del plazo");
    await expect(last).toContainText("por el sistema");
    await expectAccessible(patricia);

    // Mediation needs a reason; Escape closes the dialog and gives the focus back.
    const ask = patricia.getByRole("button", { name: "Pedir mediación" });
    await ask.click();
    const mediation = patricia.getByRole("dialog", { name: "¿Pedir la mediación de la plataforma?" });
    await expect(mediation.getByLabel("Motivo")).toBeFocused();
    await patricia.keyboard.press("Escape");
    await expect(mediation).toBeHidden();
    await expect(ask).toBeFocused();
    await ask.click();
    await mediation.getByRole("button", { name: "Sí, pedir mediación" }).click();
    await expect(mediation.getByRole("alert")).toContainText("Motivo");
    await expect(mediation.getByLabel("Motivo")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(patricia);
    await mediation.getByLabel("Motivo").fill("El SII no respondió en el plazo legal y necesitamos verificar el inicio de actividades para otorgar patentes.");
    await mediation.getByRole("button", { name: "Sí, pedir mediación" }).click();
    await expect(mediation).toBeHidden();
    await expect(status(patricia, "En mediación")).toBeVisible();

    // The platform team finds it in its queue and decides.
    const matias = await personPage(browser, "Matías Tapia", "/admin");
    await expect(matias.getByRole("heading", { level: 1, name: "Consola de la plataforma" })).toBeVisible();
    // Scheduled work is visible: the portal's job runner has done each job at least once.
    const jobs = matias.getByRole("table", { name: /Trabajos programados/ });
    await expect(jobs.getByRole("row", { name: /Plazos legales de los acuerdos/ })).toBeVisible();
    await expect(jobs.getByRole("row", { name: /Configuración firmada de la red/ }).getByRole("cell").first()).not.toHaveText("Nunca", { timeout: 30_000 });
    await expectAccessible(matias);
    await matias.getByRole("link", { name: "Ver la cola de mediación" }).click();
    await expect(matias).toHaveURL(/\/admin\/mediaciones/);
    const queue = matias.getByRole("table", { name: "Solicitudes en mediación" });
    await expect(queue.getByRole("row", { name: new RegExp(number) })).toContainText("Municipalidad de Santiago");
    await expect(matias.getByRole("region", { name: "Notificaciones de la plataforma" }).getByRole("heading", { name: new RegExp(`Mediación solicitada · ${number}`) })).toBeVisible();
    const nearRow = matias.getByRole("table", { name: "Solicitudes con el plazo de respuesta por vencer" }).getByRole("row", { name: new RegExp(close.number) });
    await expect(nearRow).toContainText("Matrícula escolar");
    await expect(nearRow).toContainText(/vence hoy|[012] días? hábil/);
    await expectAccessible(matias);

    await queue.getByRole("link", { name: number }).click();
    await expect(matias.getByRole("button", { name: "Rechazar en forma definitiva" })).toBeVisible();
    await matias.getByRole("button", { name: "Aceptar (mediación)" }).click();
    const decide = matias.getByRole("dialog", { name: "¿Aceptar la solicitud en mediación?" });
    await decide.getByLabel("TPS otorgadas").fill("3");
    await decide.getByLabel("Motivo").fill("La base legal es suficiente y el servicio tiene capacidad; se acepta en mediación.");
    await expectAccessible(matias);
    await decide.getByRole("button", { name: "Sí, aceptar" }).click();
    await expect(decide).toBeHidden();
    await expect(status(matias, "Pendiente de firma")).toBeVisible();
    const decided = matias.getByRole("list", { name: "Historial" }).getByRole("listitem").filter({ hasText: "Aceptación en mediación" });
    await expect(decided).toContainText(NAMES.matias);
    await expect(decided).toContainText("Motivo: La base legal es suficiente");

    await matias.goto("/admin/mediaciones");
    await expect(matias.getByRole("table", { name: "Solicitudes en mediación" }).getByRole("row", { name: new RegExp(number) })).toHaveCount(0);
  });

  test("permisos: el funcionario solo lee, otra institución no ve el acuerdo, la ciudadanía no ve la consola", async ({ page, browser }) => {
    // Signed out: the catalog invites to sign in; private areas ask for it.
    await page.goto("/catalogo/SRCEI/identidad/v1");
    await expect(page.getByRole("region", { name: "Solicitar acceso" }).getByRole("link", { name: "Ingrese para solicitar acceso" })).toHaveAttribute(
      "href",
      `/ingresar?desde=${encodeURIComponent("/acuerdos/nuevo?servicio=SRCEI/identidad/v1")}`,
    );
    for (const path of ["/admin", "/institucion/SRCEI/acuerdos", "/acuerdos/nuevo?servicio=SRCEI/identidad/v1"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/ingresar\?desde=/);
    }

    const patricia = await personPage(browser, "Patricia González", "/institucion/MUN-SANTIAGO/acuerdos?bandeja=enviadas");
    const { id, number } = await sendMunicipalityRequest(patricia, "SRCEI/identidad/v1", ["CPAT-MUN-0101"]);
    await patricia.reload();
    await expect(patricia.getByRole("row", { name: new RegExp(number) })).toContainText("Servicio de Registro Civil e Identificación");
    await expectAccessible(patricia);

    // SRCEI staff: sees the request received, with no action to take.
    const jorge = await personPage(browser, "Jorge Rojas", "/institucion/SRCEI/acuerdos?estado=ENVIADA");
    const row = jorge.getByRole("row", { name: new RegExp(number) });
    await expect(row).toContainText("Enviada");
    await expectAccessible(jorge);
    await row.getByRole("link", { name: number }).click();
    await expect(status(jorge, "Enviada")).toBeVisible();
    await expect(jorge.getByText(/^Solo lectura/)).toBeVisible();
    await expect(jorge.getByRole("group", { name: "Acciones sobre el acuerdo" })).toHaveCount(0);
    for (const name of ["Tomar en revisión", "Prorrogar 5 días hábiles", "Aceptar", "Rechazar"]) {
      await expect(jorge.getByRole("button", { name, exact: true })).toHaveCount(0);
    }
    await expect(jorge.getByRole("button", { name: "Adjuntar documento" })).toHaveCount(0);
    const refused = await jorge.request.post(`/api/v1/agreements/${id}/transitions`, {
      headers: { Origin: new URL(jorge.url()).origin, "Content-Type": "application/json" },
      data: { action: "take_up" },
    });
    expect(refused.status()).toBe(403);

    // Another institution: the agreement does not exist for it.
    const rodrigo = await personPage(browser, "Rodrigo Sepúlveda", "/cuenta");
    for (const path of [`/acuerdos/${id}`, "/institucion/SRCEI/acuerdos", "/institucion/MUN-SANTIAGO/notificaciones", "/admin"]) {
      const res = await rodrigo.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(rodrigo.getByRole("heading", { level: 1, name: "Página no encontrada" })).toBeVisible();
      await expect(rodrigo.getByText(number)).toHaveCount(0);
    }
    await expectAccessible(rodrigo);

    // A citizen: no console, and the catalog says who may request.
    const ana = await personPage(browser, "Ana Pérez", "/cuenta");
    for (const path of ["/admin", "/admin/mediaciones"]) {
      const res = await ana.goto(path);
      expect(res?.status(), path).toBe(404);
    }
    await expectAccessible(ana);
    await ana.goto("/catalogo/SRCEI/identidad/v1");
    await expect(ana.getByRole("region", { name: "Solicitar acceso" })).toContainText("Solo los funcionarios/as de instituciones públicas pueden solicitar acceso");
    await expect(ana.getByRole("link", { name: "Solicitar acceso" })).toHaveCount(0);
  });

  test("documentos: un archivo que no es PDF se rechaza con un resumen claro; un PDF adjunto puede ser los términos", async ({ browser }) => {
    // Production first is refused (409): the conflict lands in the form's summary.
    const patricia = await personPage(browser, "Patricia González", "/acuerdos/nuevo?servicio=SRCEI/discapacidad/v1");
    await ready(patricia, "Guardar borrador");
    await patricia.getByRole("radio", { name: "Producción" }).check();
    await patricia.getByRole("radio", { name: "Por única vez" }).check();
    await patricia.getByLabel("Base legal").fill("Ley 20.422, sobre igualdad de oportunidades e inclusión social de personas con discapacidad.");
    await patricia.getByLabel("Volumen mensual estimado").fill("50");
    // The service's procedures are MDSF's: none is ticked for the municipality, which chooses its own.
    await patricia.getByRole("checkbox", { name: /Obtención del permiso de circulación/ }).check();
    await patricia.getByRole("button", { name: "Enviar solicitud" }).click();
    await patricia.getByRole("dialog", { name: "¿Enviar la solicitud?" }).getByRole("button", { name: "Sí, enviar" }).click();
    const conflict = patricia.getByRole("alert").filter({ hasText: "No se pudo registrar la solicitud" });
    await expect(conflict).toContainText("primero debe estar vigente un acuerdo en desarrollo");
    await expect(conflict).toBeFocused();
    await expect(patricia.getByRole("dialog")).toHaveCount(0);
    await expect(patricia).toHaveURL(/\/acuerdos\/nuevo\?/);
    await expectAccessible(patricia);

    const { id, number } = await sendMunicipalityRequest(patricia, "SRCEI/discapacidad/v1", ["CPAT-MDSF-0005"]);
    await patricia.goto(`/acuerdos/${id}`);
    const documents = patricia.getByRole("region", { name: "Documentos" });
    await expect(documents).toContainText("No hay documentos adjuntos.");
    await ready(patricia, "Adjuntar documento");

    // Not a PDF by its type: refused before sending.
    await documents.getByLabel("Documento PDF").setInputFiles({ name: "nota.txt", mimeType: "text/plain", buffer: Buffer.from("Hola, esto no es un PDF.\n") });
    await documents.getByRole("button", { name: "Adjuntar documento" }).click();
    const summary = documents.getByRole("alert").filter({ hasText: "No se pudo adjuntar el documento" });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("Documento PDF: Solo se aceptan documentos PDF");
    await expect(documents.getByLabel("Documento PDF")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(patricia);

    // Called .pdf, but its content is not a PDF: the server refuses it, into the same summary.
    await documents.getByLabel("Documento PDF").setInputFiles({ name: "falso.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html>no es un PDF</html>") });
    await documents.getByRole("button", { name: "Adjuntar documento" }).click();
    await expect(summary).toContainText("Solo se aceptan documentos PDF.");
    await expect(summary).toBeFocused();

    // A PDF header in front of nothing is not a PDF either.
    await documents.getByLabel("Documento PDF").setInputFiles({ name: "vacio.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n" + " ".repeat(4096)) });
    await documents.getByRole("button", { name: "Adjuntar documento" }).click();
    await expect(summary).toContainText("El archivo no es un PDF legible con al menos una página.");

    // A real PDF.
    const pdf = Buffer.from(minimalPdf(["Términos propios del acuerdo"]));
    await documents.getByLabel("Documento PDF").setInputFiles({ name: "terminos-propios.pdf", mimeType: "application/pdf", buffer: pdf });
    await documents.getByRole("button", { name: "Adjuntar documento" }).click();
    await expect(documents.getByText("Se adjuntó «terminos-propios.pdf».")).toBeVisible();
    await expect(summary).toHaveCount(0);
    const file = documents.getByRole("row", { name: /terminos-propios\.pdf/ });
    await expect(file).toContainText(NAMES.patricia);
    await expectAccessible(patricia);

    // The provider takes it up and accepts with that PDF as the terms.
    const carolina = await personPage(browser, "Carolina Muñoz", `/acuerdos/${id}`);
    // First, the deadline is extended once (with a reason), and cannot be extended again.
    await carolina.getByRole("button", { name: "Prorrogar 5 días hábiles" }).click();
    const extend = carolina.getByRole("dialog", { name: "¿Prorrogar el plazo de respuesta?" });
    await extend.getByLabel("Motivo").fill("Revisión de la base legal por el área jurídica.");
    await extend.getByRole("button", { name: "Sí, prorrogar" }).click();
    await expect(carolina.getByText("Se prorrogó el plazo de respuesta por 5 días hábiles.")).toBeVisible();
    const deadline = carolina.getByRole("region", { name: /Plazo de respuesta/ });
    await expect(deadline).toContainText("Quedan 20 días hábiles");
    await expect(deadline).toContainText("Plazo prorrogado");
    await expect(carolina.getByRole("button", { name: "Prorrogar 5 días hábiles" })).toHaveCount(0);
    await expect(carolina.getByRole("list", { name: "Historial" }).getByRole("listitem").last()).toContainText("Motivo: Revisión de la base legal");
    await carolina.getByRole("button", { name: "Tomar en revisión" }).click();
    await carolina.getByRole("dialog", { name: "¿Tomar en revisión la solicitud?" }).getByRole("button", { name: "Sí, tomar en revisión" }).click();
    await expect(status(carolina, "En revisión")).toBeVisible();
    await carolina.getByRole("button", { name: "Aceptar", exact: true }).click();
    const accept = carolina.getByRole("dialog", { name: "¿Aceptar la solicitud?" });
    await accept.getByRole("radio", { name: "Documento adjunto: terminos-propios.pdf" }).check();
    await accept.getByRole("button", { name: "Sí, aceptar" }).click();
    await expect(status(carolina, "Pendiente de firma")).toBeVisible();
    const terms = carolina.getByRole("region", { name: "Niveles otorgados y términos" });
    await expect(terms).toContainText("terminos-propios.pdf");
    const download = terms.getByRole("link", { name: /Descargar el PDF de los términos/ });
    const res = await carolina.request.get((await download.getAttribute("href"))!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    expect(Buffer.from(await res.body()).equals(pdf)).toBe(true);
    // Fixed terms: no more documents.
    await expect(carolina.getByRole("button", { name: "Adjuntar documento" })).toHaveCount(0);
    await expect(carolina.getByRole("region", { name: "Documentos" })).toContainText("Los términos ya están fijados");
    await expect(carolina.getByRole("region", { name: "Documentos" }).getByText("Términos del acuerdo")).toBeVisible();
    expect(number).toMatch(/^ACU-/);
  });
});
