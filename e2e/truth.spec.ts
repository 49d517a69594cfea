import type { Page } from "@playwright/test";
import { expect, expectAccessible, personPage, signInAs, test } from "./support/fixtures";

/**
 * Pages that tell the truth (issue 12): where an agreement stands and whose signature is missing,
 * a service page that leads to the request that already exists, what a citizen can do after
 * signing in, and the platform team reading any institution's area without acting for it. Each
 * test uses its own consumer and service, so none depends on another spec's leftovers.
 */

/** A call to the portal's API with the page's session. */
async function api(page: Page, method: "POST", path: string, data: unknown) {
  const res = await page.request.fetch(path, { method, headers: { Origin: new URL(page.url()).origin, "Content-Type": "application/json" }, data });
  const body = await res.text();
  expect(res.status(), body).toBeLessThan(300);
  return JSON.parse(body) as { id: string; number: string };
}

const REQUEST = {
  environment: "dev",
  type: "PERMANENTE",
  legalBasis: "Ley 20.379, artículo 5, que crea el Sistema Intersectorial de Protección Social.",
  declaredVolume: 800,
  mode: "EN_LINEA",
  requestedTps: 5,
};

test.describe("páginas que dicen la verdad", () => {
  test("el acuerdo muestra sus etapas y, tras una firma, de qué institución falta la otra y quién puede firmarla", async ({ browser }) => {
    // The Ministerio de Desarrollo Social asks the Registro Civil for birth certificates.
    const rodrigo = await personPage(browser, "Rodrigo Sepúlveda", "/cuenta");
    const { id } = await api(rodrigo, "POST", "/api/v1/agreements", {
      ...REQUEST,
      consumer: "MDSF",
      service: "SRCEI/certificado-nacimiento/v1",
      procedures: ["CPAT-MDSF-0005"],
      submit: true,
    });
    await rodrigo.goto(`/acuerdos/${id}`);
    const steps = rodrigo.getByRole("navigation", { name: "Etapas de la solicitud" }).getByRole("listitem");
    await expect(steps).toHaveText([/Enviada.*etapa actual/, /En revisión.*pendiente/, /Aceptada.*pendiente/, /Firmas.*pendiente/, /Vigente.*pendiente/]);
    await expect(rodrigo.locator('[aria-current="step"]')).toContainText("Enviada");
    const bar = rodrigo.getByRole("progressbar", { name: "Días hábiles del plazo transcurridos" });
    await expect(bar).toHaveAttribute("aria-valuemax", "15");
    await expect(bar).toHaveAttribute("aria-valuetext", /0 de 15 días hábiles transcurridos\. Quedan 15 días hábiles de 15/);
    await expectAccessible(rodrigo);

    // The Registro Civil takes it up, accepts it and its head of service signs.
    const carolina = await personPage(browser, "Carolina Muñoz", "/cuenta");
    await api(carolina, "POST", `/api/v1/agreements/${id}/transitions`, { action: "take_up" });
    await api(carolina, "POST", `/api/v1/agreements/${id}/transitions`, { action: "accept", grantedTps: 5, grantedAvailability: 99, terms: { kind: "STANDARD" } });
    await api(carolina, "POST", `/api/v1/agreements/${id}/transitions`, { action: "sign" });

    // Both sides read which signature is missing: the ministry's, by its head of service.
    for (const page of [carolina, rodrigo]) {
      await page.goto(`/acuerdos/${id}`);
      await expect(page.locator('[aria-current="step"]')).toContainText("Firmas");
      await expect(page.getByText("Falta la firma de Ministerio de Desarrollo Social y Familia", { exact: true })).toBeVisible();
      const missing = page.getByTestId("missing-signatures");
      await expect(missing).toContainText("1 de 2 firmas");
      await expect(missing).toContainText("Puede firmar la jefatura de servicio de Ministerio de Desarrollo Social y Familia (Rodrigo Andrés Sepúlveda Morales)");
      await expect(missing).not.toContainText("Servicio de Registro Civil");
    }
    await expect(rodrigo.getByText("Usted es la jefatura de servicio que puede firmar ahora.")).toBeVisible();
    await expect(carolina.getByText("Usted es la jefatura de servicio que puede firmar ahora.")).toHaveCount(0);
    await expectAccessible(rodrigo);
  });

  test("la página de un servicio lleva a la solicitud que ya existe, y la solicitud duplicada también", async ({ browser }) => {
    const service = "IPS/pension-invalidez/v1";
    const patricia = await personPage(browser, "Patricia González", `/catalogo/${service}`);
    const cta = patricia.getByRole("region", { name: "Solicitar acceso" });
    await expect(cta.getByRole("link", { name: "Solicitar acceso", exact: true })).toBeVisible();

    const { id, number } = await api(patricia, "POST", "/api/v1/agreements", { ...REQUEST, consumer: "MUN-SANTIAGO", service, procedures: ["CPAT-MUN-0101"], submit: true });
    await patricia.reload();
    await expect(cta.getByRole("link", { name: `Acuerdo ${number} de Municipalidad de Santiago` })).toHaveAttribute("href", `/acuerdos/${id}`);
    await expect(cta).toContainText("Desarrollo · Enviada");
    // Only the environment without a request is left to ask for.
    await expect(cta.getByRole("link", { name: "Solicitar acceso", exact: true })).toHaveCount(0);
    await expect(cta.getByRole("link", { name: "Solicitar acceso para otro ambiente" })).toBeVisible();
    await expectAccessible(patricia);

    // The form says so too, and a second request for the same environment leads to the first.
    await cta.getByRole("link", { name: "Solicitar acceso para otro ambiente" }).click();
    await expect(patricia.getByRole("heading", { level: 1, name: "Solicitar acceso" })).toBeVisible();
    await expect(patricia.getByRole("status").filter({ hasText: "Ya hay solicitudes para este servicio" }).getByRole("link", { name: new RegExp(number) })).toBeVisible();
    await expect(patricia.getByRole("button", { name: "Guardar borrador", exact: true })).toBeEnabled();
    await patricia.getByRole("radio", { name: "Desarrollo" }).check();
    await patricia.getByRole("radio", { name: "Permanente" }).check();
    await patricia.getByRole("checkbox", { name: /Obtención del permiso de circulación/ }).check();
    await patricia.getByLabel("Base legal").fill("Ley 18.695, Orgánica Constitucional de Municipalidades, artículo 4.");
    await patricia.getByLabel("Volumen mensual estimado").fill("200");
    await patricia.getByRole("button", { name: "Guardar borrador", exact: true }).click();
    const duplicate = patricia.getByRole("alert").filter({ hasText: "Ya existe una solicitud activa" });
    await expect(duplicate).toBeFocused();
    await duplicate.getByRole("link", { name: `Ver la solicitud ${number}` }).click();
    await expect(patricia).toHaveURL(new RegExp(`/acuerdos/${id}$`));
    await expect(patricia.getByRole("heading", { level: 1, name: `Acuerdo ${number}` })).toBeVisible();
  });

  test("la página pública de una institución: su región, su plazo vencido en palabras y sus etapas como pasos, no botones", async ({ page }) => {
    // Group A's deadline (2025) has passed and the Contraloría is not in production.
    await page.goto("/instituciones?q=Contralor%C3%ADa");
    await expect(page.getByRole("table").getByRole("row").filter({ hasText: "Contraloría" }).first()).toContainText("2025: vencido");
    await page.goto("/instituciones/MUN-SANTIAGO");
    const data = page.getByRole("region", { name: "Datos de la institución" });
    await expect(data).toContainText("Metropolitana de Santiago");
    await expect(data).not.toContainText("No aplica o no informada");
    const stages = page.getByRole("list", { name: "Etapas de incorporación" });
    await expect(stages.getByRole("listitem")).toHaveCount(6);
    await expect(stages.locator('[aria-current="step"]')).toContainText("etapa actual");
    await expect(stages.getByRole("button")).toHaveCount(0);
    await expectAccessible(page);
  });

  test("una persona sin roles en instituciones, al ingresar, ve qué puede hacer aquí", async ({ page }) => {
    await signInAs(page, "Ana Pérez");
    await expect(page).toHaveURL(/\/cuenta$/);
    const what = page.getByRole("region", { name: "Qué puede hacer aquí" });
    await expect(what.getByRole("link", { name: "Catálogo de Servicios" })).toHaveAttribute("href", "/catalogo");
    await expect(what.getByRole("link", { name: "Directorio de Datos" })).toHaveAttribute("href", "/datos");
    await expect(what).toContainText("Cada dato que circula por la red");
    await expect(what).toContainText("su consentimiento");
    await expect(what.getByRole("link", { name: "Mis instituciones" })).toHaveCount(0);
    await expectAccessible(page);
  });

  test("el equipo de la plataforma abre el área de cualquier institución en solo lectura; la ciudadanía no", async ({ browser }) => {
    const matias = await personPage(browser, "Matías Tapia", "/institucion");
    await matias.getByRole("main").getByRole("link", { name: "Instituciones", exact: true }).click();
    await expect(matias).toHaveURL(/\/instituciones$/);
    await matias.goto("/instituciones/SRCEI");
    await matias.getByRole("link", { name: "Abrir el área de la institución (solo lectura)" }).click();
    await expect(matias).toHaveURL(/\/institucion\/SRCEI$/);
    await expect(matias.getByRole("heading", { level: 1, name: "Servicio de Registro Civil e Identificación" })).toBeVisible();
    await expect(matias.getByText(/Solo lectura: el equipo de la plataforma ve el área de la institución/)).toBeVisible();
    await expect(matias.getByRole("link", { name: "Nuevo servicio" })).toHaveCount(0);
    await expect(matias.getByRole("link", { name: "Nuevo dato" })).toHaveCount(0);
    await expectAccessible(matias);

    await matias.goto("/institucion/SRCEI/servicios/identidad/v1");
    await expect(matias.getByRole("heading", { level: 1, name: "Datos de identidad" })).toBeVisible();
    await expect(matias.getByRole("link", { name: /^Editar/ })).toHaveCount(0);

    await matias.goto("/institucion/SRCEI/nodos");
    await expect(matias.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(matias.getByRole("link", { name: "Registrar un nodo" })).toHaveCount(0);
    await expectAccessible(matias);

    await matias.goto("/institucion/SRCEI/notificaciones");
    await expect(matias.getByRole("heading", { level: 1, name: "Notificaciones" })).toBeVisible();
    await expect(matias.getByRole("button", { name: /Marcar como leída/ })).toHaveCount(0);

    await matias.goto("/institucion/SRCEI/acuerdos");
    await expect(matias.getByRole("heading", { level: 1 })).toBeVisible();

    // Actions stay the institution's: a new service or node is not found for the platform team.
    for (const path of ["/institucion/SRCEI/servicios/nuevo", "/institucion/SRCEI/nodos/nuevo"]) {
      const res = await matias.goto(path);
      expect(res?.status(), path).toBe(404);
    }

    // Anyone else still finds nothing there.
    const ana = await personPage(browser, "Ana Pérez", "/cuenta");
    const res = await ana.goto("/institucion/SRCEI");
    expect(res?.status()).toBe(404);
  });
});
