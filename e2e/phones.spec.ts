import { expect, test } from "./support/fixtures";
import { clippedOptions, DESKTOP, PHONE, roleContext, sidewaysOverflow } from "./support/pages";

/**
 * Phones (375 px): the header folds its menu behind a "Menú" button, wide tables scroll inside
 * their own box (which says so and takes the focus), and selects show their options whole. The
 * crawl (crawl.spec.ts) checks that no page at all scrolls sideways.
 */

const stamp = Date.now().toString(36);

test.describe("teléfonos (375 px)", () => {
  test("el encabezado pliega su menú tras «Menú» (divulgación, teclado, Escape) y muestra los nombres de las instituciones", async ({ browser }) => {
    const { context, page } = await roleContext(browser, "Carolina Muñoz");
    try {
      await page.setViewportSize(PHONE);
      await page.goto("/catalogo");
      const header = page.getByRole("banner");
      const menu = header.getByRole("button", { name: "Menú" });
      const area = header.getByRole("link", { name: "Área de Servicio de Registro Civil e Identificación (SRCEI)" });
      const catalog = header.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Catálogo" });
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await expect(area).toBeHidden();
      await expect(catalog).toBeHidden();
      const height = await header.evaluate((el) => el.getBoundingClientRect().height);
      test.info().annotations.push({ type: "alto del encabezado a 375 px", description: `${Math.round(height)} px` });
      expect(height, "el encabezado no ocupa un tercio de la pantalla").toBeLessThan(160);

      // The keyboard opens it, Tab goes on into it, Escape closes it and gives the focus back.
      await menu.focus();
      await page.keyboard.press("Enter");
      await expect(menu).toHaveAttribute("aria-expanded", "true");
      for (const id of (await menu.getAttribute("aria-controls"))!.split(" ")) await expect(page.locator(`[id="${id}"]`)).toBeVisible();
      await expect(area).toBeVisible();
      await expect(catalog).toBeVisible();
      await page.keyboard.press("Tab");
      await expect(area).toBeFocused();
      await page.keyboard.press("Escape");
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await expect(menu).toBeFocused();
      await expect(catalog).toBeHidden();

      // Going to another page closes it.
      await menu.click();
      await header.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Datos" }).click();
      await expect(page).toHaveURL(/\/datos$/);
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await expect(catalog).toBeHidden();

      // On a wide screen there is no button: everything is shown.
      await page.setViewportSize(DESKTOP);
      await expect(menu).toBeHidden();
      await expect(area).toBeVisible();
      await expect(catalog).toBeVisible();
    } finally {
      await context.close();
    }
  });

  test("una tabla más ancha que la pantalla se desplaza en su caja, lo dice y recibe el foco; el texto oculto no ensancha la página", async ({ browser }) => {
    const { context, page } = await roleContext(browser, "Carolina Muñoz");
    try {
      const created = await page.request.post("/api/v1/nodes", {
        headers: { Origin: new URL(page.url()).origin, "Content-Type": "application/json" },
        data: { institution: "SRCEI", name: `nodo-telefono-${stamp}`, environment: "dev", baseUrl: "https://nodo-telefono.srcei.example" },
      });
      expect(created.status(), await created.text()).toBe(201);

      await page.setViewportSize(PHONE);
      for (const path of ["/institucion/SRCEI/nodos", "/institucion/SRCEI/acuerdos?bandeja=enviadas"]) {
        await page.goto(path);
        expect(await sidewaysOverflow(page), `${path} no se desplaza hacia el lado`).toBe(0);
      }

      await page.goto("/institucion/SRCEI/nodos");
      const region = page.getByRole("region", { name: /Nodos de desarrollo/ });
      await expect(region).toBeVisible();
      await expect(page.locator("#nodos-dev").getByText("Deslice la tabla hacia el lado para ver todas sus columnas")).toBeVisible();
      await region.focus();
      await expect(region).toBeFocused();
      expect(await region.evaluate((el) => el.scrollLeft)).toBe(0);
      await page.keyboard.press("ArrowRight");
      await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);

      // Where the table fits, it is just a table: no region, no extra Tab stop, no hint.
      await page.setViewportSize(DESKTOP);
      await page.goto("/cuenta");
      await expect(page.getByRole("table", { name: "Roles en instituciones" })).toBeVisible();
      await expect(page.getByRole("region", { name: "Roles en instituciones" })).toHaveCount(0);
      await expect(page.getByText("Deslice la tabla hacia el lado")).toHaveCount(0);
    } finally {
      await context.close();
    }
  });

  test("las listas desplegables muestran sus opciones completas", async ({ browser }) => {
    const { context, page } = await roleContext(browser, "Carolina Muñoz");
    try {
      await page.setViewportSize(PHONE);
      for (const path of ["/catalogo", "/datos", "/instituciones", "/institucion/SRCEI/acuerdos", "/institucion/SRCEI/acuerdos?bandeja=enviadas", "/institucion/SRCEI/servicios/nuevo", "/institucion/SRCEI/datos/nuevo", "/institucion/SRCEI/nodos/nuevo"]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        expect(await clippedOptions(page), `opciones cortadas en ${path}`).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });
});
