import type { Page } from "@playwright/test";
import { expect, expectAccessible, signInAs, test } from "./support/fixtures";

/** Unique per run: the stack's database lives for the whole run and tests share it. */
const stamp = Date.now().toString(36);

const VALID_YAML = (title: string) => `openapi: 3.1.0
info:
  title: ${title}
  version: 1.0.0
paths:
  /registros/{run}:
    get:
      operationId: obtenerRegistro
      summary: Registro de la persona
      parameters:
        - name: run
          in: path
          required: true
          schema:
            type: string
      responses:
        "200":
          description: Respuesta exitosa
`;

/** `info` without `version`: readable YAML, but not a valid OpenAPI document. */
const INVALID_YAML = `openapi: 3.1.0
info:
  title: Documento incompleto
paths: {}
`;

/** Forms work once React has hydrated them: their submit button is enabled from then on. */
async function formReady(page: Page, submit: string) {
  await expect(page.getByRole("button", { name: submit })).toBeEnabled();
}

/** Creates (and optionally publishes) a service through the API, as the signed-in admin. */
async function createServiceViaApi(page: Page, code: string, opts: { publish: boolean }) {
  const origin = new URL(page.url()).origin;
  const headers = { Origin: origin, "Content-Type": "application/json" };
  const created = await page.request.post("/api/v1/services", {
    headers,
    data: {
      institution: "SRCEI",
      code,
      name: `Servicio de apoyo ${code}`,
      description: "Servicio creado por la prueba de extremo a extremo.",
      tps: 5,
      availability: 99,
      approvalPolicy: "MANUAL",
      responsibleRun: "12345678-5",
      inputDataItems: ["SRCEI/run"],
      outputDataItems: ["SRCEI/fecha-nacimiento"],
      openapi: VALID_YAML(`Servicio ${code}`),
      environments: ["dev"],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  if (opts.publish) {
    const published = await page.request.post(`/api/v1/services/SRCEI/${code}/v1/transitions`, { headers, data: { action: "publish" } });
    expect(published.status(), await published.text()).toBe(200);
  }
}

test.describe("catálogo y directorio: pantallas de la institución", () => {
  test("sin sesión, el área de la institución lleva a ingresar", async ({ page }) => {
    await page.goto("/institucion/SRCEI/servicios");
    await expect(page).toHaveURL(/\/ingresar\?desde=(%2F|\/)institucion(%2F|\/)SRCEI(%2F|\/)servicios$/);
  });

  test("una administradora crea y publica un dato, luego un servicio que lo entrega, con su OpenAPI", async ({ page }) => {
    const itemCode = `e2e-dato-${stamp}`;
    const itemName = `Registro de prueba ${stamp}`;
    const serviceCode = `e2e-servicio-${stamp}`;
    const serviceName = `Consulta de prueba ${stamp}`;

    await signInAs(page, "Carolina Muñoz", "/institucion/SRCEI");
    await expect(page).toHaveURL(/\/institucion\/SRCEI$/);
    await expect(page.getByRole("heading", { level: 1, name: "Servicio de Registro Civil e Identificación" })).toBeVisible();
    await expect(page.getByText("Administrador/a de institución")).toBeVisible();
    await expectAccessible(page);

    // The data item.
    await page.getByRole("link", { name: "Ver datos" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Datos" })).toBeVisible();
    await expect(page.getByRole("row", { name: /Fecha de nacimiento/ })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Nuevo dato" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Nuevo dato" })).toBeVisible();
    await formReady(page, "Crear dato en borrador");
    await expectAccessible(page);

    await page.getByLabel("Código del dato").fill(itemCode);
    await page.getByRole("textbox", { name: "Nombre", exact: true }).first().fill(itemName);
    await page.getByRole("textbox", { name: "Descripción", exact: true }).first().fill("Dato creado por la prueba de extremo a extremo del directorio.");
    await page.getByRole("radio", { name: "Personal", exact: true }).check();
    const first = page.getByRole("group", { name: "Atributo 1" });
    await first.getByLabel("Nombre").fill("folio");
    await first.getByLabel("Descripción").fill("Folio del registro");
    await page.getByRole("button", { name: "Agregar atributo" }).click();
    const second = page.getByRole("group", { name: "Atributo 2" });
    await expect(second.getByLabel("Nombre")).toBeFocused();
    await second.getByLabel("Nombre").fill("emitidoEn");
    await second.getByLabel("Tipo").selectOption("date-time");
    await page.getByRole("combobox", { name: "Responsable" }).selectOption("12345678-5");
    await page.getByLabel("Frecuencia de actualización").selectOption("DIARIA");
    await page.getByLabel("Última actualización").fill("2026-11-20");
    await page.getByLabel("Naturaleza del dato").selectOption("TRANSACCIONAL");
    await page.getByRole("button", { name: "Crear dato en borrador" }).click();

    await expect(page).toHaveURL(new RegExp(`/institucion/SRCEI/datos/${itemCode}\\?aviso=creado$`));
    await expect(page.getByRole("heading", { level: 1, name: itemName })).toBeVisible();
    await expect(page.getByText("Se creó en borrador")).toBeVisible();
    await expect(page.getByRole("main").locator("header").getByText("Estado: Borrador", { exact: true })).toBeVisible();
    await expect(page.getByRole("row", { name: /emitidoEn/ })).toContainText("Fecha y hora");
    await expectAccessible(page);

    await page.getByRole("button", { name: "Publicar" }).click();
    const publishItem = page.getByRole("dialog", { name: "¿Publicar el dato?" });
    await expect(publishItem).toBeVisible();
    await expect(publishItem).toContainText("aparecerá en el Directorio de Datos");
    await expectAccessible(page);
    await publishItem.getByRole("button", { name: "Sí, publicar" }).click();
    await expect(publishItem).toBeHidden();
    await expect(page.getByText("quedó en estado Publicado")).toBeVisible();
    await expect(page.getByRole("main").locator("header").getByText("Estado: Publicado", { exact: true })).toBeVisible();
    await expect(page.getByRole("list", { name: "Historial" })).toContainText("Publicación");
    await expect(page.getByText("Se creó en borrador")).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`/institucion/SRCEI/datos/${itemCode}$`));

    // The service that delivers it.
    await page.goto("/institucion/SRCEI/servicios");
    await expect(page.getByRole("heading", { level: 1, name: "Servicios" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Nuevo servicio" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Nuevo servicio" })).toBeVisible();
    await formReady(page, "Crear servicio en borrador");
    await expectAccessible(page);

    await page.getByLabel("Código del servicio").fill(serviceCode);
    await page.getByRole("textbox", { name: "Nombre", exact: true }).fill(serviceName);
    await page.getByRole("textbox", { name: "Descripción", exact: true }).fill("Entrega el registro de prueba de una persona a partir de su RUN.");

    const inputs = page.getByRole("group", { name: "Datos de entrada" });
    await inputs.getByLabel("Buscar en el Directorio de Datos").fill("RUN de la persona");
    await expect(inputs.getByRole("status").filter({ hasText: /encontrado/ })).toBeVisible();
    await inputs.getByRole("listitem").filter({ hasText: "SRCEI/run" }).getByRole("button", { name: /Agregar/ }).click();
    await expect(inputs.getByRole("list", { name: /Elegidos/ })).toContainText("SRCEI/run");

    const outputs = page.getByRole("group", { name: "Datos de salida" });
    await outputs.getByLabel("Buscar en el Directorio de Datos").fill(itemName);
    await expect(outputs.getByRole("status").filter({ hasText: "1 dato encontrado." })).toBeVisible();
    const result = outputs.getByRole("listitem").filter({ hasText: `SRCEI/${itemCode}` });
    await expect(result).toContainText("Personal");
    await result.getByRole("button", { name: /Agregar/ }).click();
    await expect(outputs.getByRole("list", { name: /Elegidos/ })).toContainText(itemName);

    await page.getByLabel("Descripción OpenAPI (JSON o YAML)").fill(VALID_YAML(serviceName));
    const preview = page.getByRole("region", { name: "Endpoints (vista previa)" });
    await expect(preview.getByRole("row", { name: /\/registros\/\{run\}/ })).toContainText("GET");
    await expect(preview).toContainText("Registro de la persona");

    await page.getByLabel("Transacciones por segundo (TPS)").fill("20");
    await page.getByLabel("Disponibilidad comprometida (%)").fill("99.5");
    await page.getByRole("combobox", { name: "Responsable" }).selectOption("12345678-5");
    await page.getByRole("checkbox", { name: /Obtención del permiso de circulación/ }).check();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Crear servicio en borrador" }).click();

    await expect(page).toHaveURL(new RegExp(`/institucion/SRCEI/servicios/${serviceCode}/v1\\?aviso=creado$`));
    await expect(page.getByRole("heading", { level: 1, name: serviceName })).toBeVisible();
    await expect(page.getByRole("main").locator("header").getByText("Estado: Borrador", { exact: true })).toBeVisible();
    await expect(page.getByRole("table", { name: "Endpoints del servicio" })).toContainText("/registros/{run}");
    await expect(page.getByRole("table", { name: /Datos de entrada y de salida/ })).toContainText(itemName);
    await expect(page.getByText("CPAT-MUN-0101")).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Publicar" }).click();
    const publish = page.getByRole("dialog", { name: "¿Publicar el servicio?" });
    await expect(publish).toContainText("cualquier institución podrá verlo en el catálogo");
    await publish.getByRole("button", { name: "Sí, publicar" }).click();
    await expect(publish).toBeHidden();
    await expect(page.getByText("quedó en estado Publicado")).toBeVisible();
    await expect(page.getByRole("link", { name: "Ver en el catálogo público" })).toHaveAttribute("href", `/catalogo/SRCEI/${serviceCode}/v1`);

    const history = page.getByRole("list", { name: "Historial" });
    await expect(history.getByRole("listitem")).toHaveCount(2);
    await expect(history.getByRole("listitem").nth(0)).toContainText("Creación");
    await expect(history.getByRole("listitem").nth(0)).toContainText("Carolina Andrea Muñoz Fuentes");
    await expect(history.getByRole("listitem").nth(1)).toContainText("Publicación");
    await expect(history.getByRole("listitem").nth(1)).toContainText("Carolina Andrea Muñoz Fuentes");
    await expect(history.getByRole("listitem").nth(1)).toContainText(/Borrador\s*→.*Publicado/);

    // The data item now lists the service that uses it.
    await page.goto(`/institucion/SRCEI/datos/${itemCode}`);
    await expect(page.getByRole("region", { name: "Servicios que usan este dato" }).getByRole("row", { name: new RegExp(serviceName) })).toContainText("Salida");

    // Editing both, with the error summary shown along the way.
    await page.getByRole("link", { name: /^Editar/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Editar dato" })).toBeVisible();
    await formReady(page, "Guardar cambios");
    await expectAccessible(page);
    await page.getByRole("textbox", { name: "Nombre", exact: true }).first().fill("ab");
    await page.getByRole("group", { name: "Atributo 2" }).getByLabel("Nombre").fill("folio");
    await page.getByRole("button", { name: "Guardar cambios" }).click();
    const itemSummary = page.getByRole("alert").filter({ hasText: "Hay problemas con los datos ingresados" });
    await expect(itemSummary).toBeFocused();
    await expect(itemSummary).toContainText("Nombre: El nombre debe tener al menos 3 caracteres");
    await expect(itemSummary).toContainText("Atributos: Hay atributos con el mismo nombre");
    await expect(page.getByRole("textbox", { name: "Nombre", exact: true }).first()).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);
    await itemSummary.getByRole("link", { name: /Nombre: El nombre/ }).click();
    await expect(page.getByRole("textbox", { name: "Nombre", exact: true }).first()).toBeFocused();
    await page.getByRole("textbox", { name: "Nombre", exact: true }).first().fill(`${itemName} (editado)`);
    await page.getByRole("group", { name: "Atributo 2" }).getByLabel("Nombre").fill("emitidoEn");
    await page.getByRole("button", { name: "Guardar cambios" }).click();
    await expect(page).toHaveURL(new RegExp(`/institucion/SRCEI/datos/${itemCode}\\?aviso=guardado$`));
    await expect(page.getByText("Se guardaron los cambios.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: `${itemName} (editado)` })).toBeVisible();

    await page.goto(`/institucion/SRCEI/servicios/${serviceCode}/v1/editar`);
    await expect(page.getByRole("heading", { level: 1, name: "Editar servicio" })).toBeVisible();
    await formReady(page, "Guardar cambios");
    await expect(page.getByRole("group", { name: "Datos de salida" }).getByRole("list", { name: /Elegidos/ })).toContainText(`${itemName} (editado)`);
    await expectAccessible(page);
    await page.getByLabel("Transacciones por segundo (TPS)").fill("25");
    await page.getByRole("button", { name: "Guardar cambios" }).click();
    await expect(page).toHaveURL(new RegExp(`/institucion/SRCEI/servicios/${serviceCode}/v1\\?aviso=guardado$`));
    await expect(page.getByText("25 TPS")).toBeVisible();
  });

  test("una descripción OpenAPI inválida se informa con su ubicación y no se crea nada", async ({ page }) => {
    const code = `e2e-invalido-${stamp}`;
    await signInAs(page, "Carolina Muñoz", "/institucion/SRCEI/servicios/nuevo");
    await expect(page.getByRole("heading", { level: 1, name: "Nuevo servicio" })).toBeVisible();
    await formReady(page, "Crear servicio en borrador");

    // First, nothing filled in: the client-side validation (the API's own schema) speaks.
    await page.getByRole("button", { name: "Crear servicio en borrador" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Hay problemas con los datos ingresados" });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("Código del servicio");
    await expect(summary).toContainText("Responsable");
    await expectAccessible(page);

    await page.getByLabel("Código del servicio").fill(code);
    await page.getByRole("textbox", { name: "Nombre", exact: true }).fill(`Servicio inválido ${stamp}`);
    await page.getByRole("textbox", { name: "Descripción", exact: true }).fill("Servicio con una descripción OpenAPI incompleta.");
    await page.getByLabel("Transacciones por segundo (TPS)").fill("10");
    await page.getByLabel("Disponibilidad comprometida (%)").fill("99");
    await page.getByRole("combobox", { name: "Responsable" }).selectOption("12345678-5");
    await page.getByLabel("Descripción OpenAPI (JSON o YAML)").fill(INVALID_YAML);
    await expect(page.getByRole("region", { name: "Endpoints (vista previa)" })).toContainText("no declara operaciones");
    await page.getByRole("button", { name: "Crear servicio en borrador" }).click();

    const serverSummary = page.getByRole("alert").filter({ hasText: "openapi.info" });
    await expect(serverSummary).toBeVisible();
    await expect(serverSummary).toBeFocused();
    await expect(page.getByLabel("Descripción OpenAPI (JSON o YAML)")).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/institucion\/SRCEI\/servicios\/nuevo$/);
    await expectAccessible(page);

    const res = await page.request.get(`/api/v1/services/SRCEI/${code}/v1`);
    expect(res.status()).toBe(404);
  });

  test("declarar obsoleto exige un motivo; el diálogo se cierra con Escape", async ({ page }) => {
    const code = `e2e-obsoleto-${stamp}`;
    await signInAs(page, "Carolina Muñoz", "/institucion/SRCEI");
    await expect(page).toHaveURL(/\/institucion\/SRCEI$/);
    await createServiceViaApi(page, code, { publish: true });

    await page.goto(`/institucion/SRCEI/servicios/${code}/v1`);
    await expect(page.getByRole("main").locator("header").getByText("Estado: Publicado", { exact: true })).toBeVisible();
    const trigger = page.getByRole("button", { name: "Declarar obsoleto" });

    // Escape closes the dialog and gives the focus back.
    await trigger.click();
    const dialog = page.getByRole("dialog", { name: "¿Declarar obsoleto el servicio?" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel("Motivo")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(trigger).toBeFocused();

    // Without a reason: the API's 422, in the dialog's summary.
    await trigger.click();
    await dialog.getByRole("button", { name: "Sí, declarar obsoleto" }).click();
    const summary = dialog.getByRole("alert");
    await expect(summary).toContainText("Indique el motivo para declarar obsoleto un servicio");
    await expect(dialog.getByLabel("Motivo")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);

    await dialog.getByLabel("Motivo").fill(`Reemplazado por ${code}/v2`);
    await dialog.getByRole("button", { name: "Sí, declarar obsoleto" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("quedó en estado Obsoleto")).toBeVisible();
    await expect(page.getByRole("main").locator("header").getByText("Estado: Obsoleto", { exact: true })).toBeVisible();
    const last = page.getByRole("list", { name: "Historial" }).getByRole("listitem").last();
    await expect(last).toContainText("Declarado obsoleto");
    await expect(last).toContainText(`Motivo: Reemplazado por ${code}/v2`);
    await expect(last).toContainText("Carolina Andrea Muñoz Fuentes");
    // The next step is retiring.
    await expect(page.getByRole("button", { name: "Retirar" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Declarar obsoleto" })).toHaveCount(0);
  });

  test("un funcionario ve los servicios y borradores, sin controles de edición", async ({ page, browser }) => {
    // A draft of SRCEI, so there is one to see.
    const code = `e2e-borrador-${stamp}`;
    const adminContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
    const admin = await adminContext.newPage();
    await signInAs(admin, "Carolina Muñoz", "/institucion/SRCEI");
    await expect(admin).toHaveURL(/\/institucion\/SRCEI$/);
    await createServiceViaApi(admin, code, { publish: false });
    await adminContext.close();

    await signInAs(page, "Jorge Rojas", "/institucion/SRCEI/servicios");
    await expect(page.getByRole("heading", { level: 1, name: "Servicios" })).toBeVisible();
    await expect(page.getByText("Solo lectura")).toBeVisible();
    await expect(page.getByRole("link", { name: "Nuevo servicio" })).toHaveCount(0);
    await page.getByRole("navigation", { name: "Filtrar servicios por estado" }).getByRole("link", { name: /Borradores/ }).click();
    await expect(page).toHaveURL(/estado=borrador/);
    const row = page.getByRole("row", { name: new RegExp(`Servicio de apoyo ${code}`) });
    await expect(row).toContainText("Borrador");
    await expectAccessible(page);

    await row.getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name: `Servicio de apoyo ${code}` })).toBeVisible();
    await expect(page.getByText(/Solo lectura: solo un\/a administrador\/a/)).toBeVisible();
    await expect(page.getByRole("link", { name: /^Editar/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Publicar" })).toHaveCount(0);
    await expectAccessible(page);

    await page.goto("/institucion/SRCEI/servicios/identidad/v1");
    await expect(page.getByRole("heading", { level: 1, name: "Datos de identidad" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Declarar obsoleto" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /^Editar/ })).toHaveCount(0);

    await page.goto("/institucion/SRCEI/datos/fecha-nacimiento");
    await expect(page.getByRole("region", { name: "Servicios que usan este dato" })).toContainText("Datos de identidad");
    await expect(page.getByRole("link", { name: /^Editar/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Declarar obsoleto" })).toHaveCount(0);

    for (const path of ["/institucion/SRCEI/servicios/nuevo", "/institucion/SRCEI/datos/nuevo", "/institucion/SRCEI/servicios/identidad/v1/editar", "/institucion/SRCEI/datos/run/editar"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Página no encontrada" })).toBeVisible();
      await expect(page.getByRole("button", { name: /Crear servicio|Crear dato|Guardar cambios/ })).toHaveCount(0);
    }
    await expectAccessible(page);
  });

  test("una administradora de otra institución no ve el área ni los borradores de SRCEI", async ({ page }) => {
    await signInAs(page, "Patricia González", "/institucion/MUN-SANTIAGO/servicios?estado=borrador");
    // Her own drafts, yes.
    await expect(page.getByRole("row", { name: /Patentes comerciales vigentes/ })).toContainText("Borrador");

    for (const path of ["/institucion/SRCEI", "/institucion/SRCEI/servicios?estado=borrador", "/institucion/SRCEI/datos", "/institucion/SRCEI/servicios/identidad/v1"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Página no encontrada" })).toBeVisible();
      await expect(page.getByText("Servicio de Registro Civil e Identificación")).toHaveCount(0);
    }
    await expectAccessible(page);
  });
});
