import { expect, expectAccessible, signInAs, test } from "./support/fixtures";

test.describe("catálogo público", () => {
  test("buscar sin tildes, filtrar y abrir un servicio", async ({ page }) => {
    await page.goto("/catalogo");
    await expect(page.getByRole("heading", { level: 1, name: "Catálogo de Servicios" })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Buscar servicios").fill("inscripcion discapacidad");
    await page.getByRole("button", { name: "Buscar" }).click();
    await expect(page.getByRole("status")).toHaveText("1 servicio encontrado");
    const result = page.getByRole("listitem").filter({ hasText: "Inscripción en el Registro Nacional de la Discapacidad" });
    await expect(result).toContainText("Sensible: requiere consentimiento");

    await page.goto("/catalogo");
    await page.getByText("Filtros y orden").click();
    await page.getByLabel("Proveedor").selectOption("IPS");
    await page.getByLabel("Estado").selectOption("DEPRECATED");
    await page.getByRole("button", { name: "Buscar" }).click();
    await expect(page.getByRole("status")).toHaveText("1 servicio encontrado");
    await page.getByRole("link", { name: "Estado de la Pensión Garantizada Universal" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Estado de la Pensión Garantizada Universal" })).toBeVisible();
    await expect(page.getByText("Servicio obsoleto")).toBeVisible();
    await expect(page.getByText("Reemplazado por IPS/pgu/v2")).toHaveCount(2); // the notice and the history
    await expectAccessible(page);
  });

  test("página de un servicio: datos, niveles de servicio, operaciones y cómo solicitarlo", async ({ page }) => {
    await page.goto("/catalogo/SRCEI/certificado-nacimiento/v1");
    const entrega = page.getByRole("region", { name: "Datos que entrega" });
    await expect(entrega.getByRole("row", { name: /Filiación/ })).toContainText("Personal");
    await expect(page.getByRole("region", { name: "Niveles de servicio" })).toContainText("50 transacciones por segundo");
    await expect(page.getByRole("region", { name: "Niveles de servicio" })).toContainText("99,5 % de disponibilidad");
    await expect(page.getByRole("region", { name: "Operaciones (OpenAPI)" }).getByRole("row", { name: /certificados/ })).toContainText("GET");
    await expect(page.getByRole("region", { name: "Solicitar acceso" })).toContainText("15 días hábiles");
    await expect(page.getByRole("region", { name: "Responsable" })).toContainText("Carolina Andrea Muñoz Fuentes");
    await entrega.getByRole("link", { name: "Filiación" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Filiación" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Servicios que lo usan" }).getByRole("row", { name: /Certificado de nacimiento/ })).toContainText("Lo entrega (salida)");
    await expectAccessible(page);
  });

  test("un borrador no existe para el público", async ({ page }) => {
    const res = await page.goto("/catalogo/MUN-SANTIAGO/patentes-comerciales/v1");
    expect(res?.status()).toBe(404);
  });

  test("directorio de datos: filtrar por clasificación", async ({ page }) => {
    await page.goto("/datos");
    await expectAccessible(page);
    await page.getByLabel("Clasificación").selectOption("SENSIBLE");
    await page.getByRole("button", { name: "Buscar" }).click();
    await expect(page.getByRole("status")).toHaveText("3 datos encontrados");
    await expect(page.getByRole("row", { name: /Tramo de FONASA/ })).toBeVisible();
    await page.goto("/datos?q=autopsia");
    await expect(page.getByRole("row", { name: /Informe de autopsia/ })).toContainText("Secreto");
  });
});

test.describe("de la institución al público", () => {
  test("una administradora publica un servicio y una visita sin sesión lo encuentra buscando sin tilde", async ({ page }) => {
    const stamp = Date.now().toString(36);
    const name = `Certificado de matrimonio electrónico ${stamp}`;
    const code = `matrimonio-${stamp}`;
    await signInAs(page, "Carolina Muñoz", "/institucion/SRCEI/servicios/nuevo");
    await expect(page.getByRole("heading", { level: 1, name: "Nuevo servicio" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Crear servicio en borrador" })).toBeEnabled();
    await page.getByLabel("Código del servicio").fill(code);
    await page.getByRole("textbox", { name: "Nombre", exact: true }).fill(name);
    await page.getByRole("textbox", { name: "Descripción", exact: true }).fill("Entrega el certificado de matrimonio de una persona, firmado electrónicamente.");
    const outputs = page.getByRole("group", { name: "Datos de salida" });
    await outputs.getByLabel("Buscar en el Directorio de Datos").fill("nombre completo");
    await outputs.getByRole("listitem").filter({ hasText: "SRCEI/nombre-completo" }).getByRole("button", { name: /Agregar/ }).click();
    await page
      .getByLabel("Descripción OpenAPI (JSON o YAML)")
      .fill(`{"openapi":"3.1.0","info":{"title":"Matrimonio","version":"1.0.0"},"paths":{"/matrimonios/{run}":{"get":{"summary":"Certificado","responses":{"200":{"description":"ok"}}}}}}`);
    await page.getByLabel("Transacciones por segundo (TPS)").fill("15");
    await page.getByLabel("Disponibilidad comprometida (%)").fill("99");
    await page.getByRole("combobox", { name: "Responsable" }).selectOption("12345678-5");
    await page.getByRole("button", { name: "Crear servicio en borrador" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

    // Not public while it is a draft.
    const anonymous = await page.context().browser()!.newContext({ baseURL: process.env.E2E_BASE_URL });
    const visitor = await anonymous.newPage();
    await visitor.goto(`/catalogo?q=electronico+${stamp}`);
    await expect(visitor.getByRole("status")).toHaveText("0 servicios encontrados");

    await page.getByRole("button", { name: "Publicar" }).click();
    await page.getByRole("dialog", { name: "¿Publicar el servicio?" }).getByRole("button", { name: "Sí, publicar" }).click();
    await expect(page.getByText("quedó en estado Publicado")).toBeVisible();

    // A visitor without a session finds it typing the word without its accent.
    await visitor.goto("/catalogo");
    await visitor.getByLabel("Buscar servicios").fill(`electronico ${stamp}`);
    await visitor.getByRole("button", { name: "Buscar" }).click();
    await expect(visitor.getByRole("status")).toHaveText("1 servicio encontrado");
    await visitor.getByRole("link", { name }).click();
    await expect(visitor.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(visitor.getByRole("region", { name: "Responsable" })).toContainText("Carolina Andrea Muñoz Fuentes");
    await expectAccessible(visitor);
    await anonymous.close();
  });
});
