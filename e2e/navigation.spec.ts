import { expect, signInAs, test } from "./support/fixtures";

/**
 * After a client-side navigation the focus is on the new page's main heading (or the notice of
 * the step that led there) and the title is the new page's; a refused page's title does not name
 * the page that was refused (issue 12, point 4).
 */

const SITE = "Red de Interoperabilidad del Estado";
const REFUSED = `Página no encontrada · ${SITE}`;

/** The focused element: its tag and text. */
const focused = (page: import("@playwright/test").Page) =>
  page.evaluate(() => ({ tag: document.activeElement?.tagName.toLowerCase() ?? "", text: document.activeElement?.textContent?.trim() ?? "" }));

test.describe("Foco y título después de navegar", () => {
  test("following links moves the focus to the new page's heading, and the title follows", async ({ page }) => {
    await signInAs(page, "Carolina Muñoz", "/institucion/SRCEI");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    await page.getByRole("link", { name: "Ver servicios" }).press("Enter");
    await expect(page).toHaveURL(/\/institucion\/SRCEI\/servicios$/);
    await expect(page.getByRole("heading", { level: 1, name: "Servicios" })).toBeFocused();
    await expect(page).toHaveTitle(`Servicios de SRCEI · ${SITE}`);

    await page.getByRole("link", { name: "Nuevo servicio" }).first().press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Nuevo servicio" })).toBeFocused();
    await expect(page).toHaveTitle(`Nuevo servicio · SRCEI · ${SITE}`);

    await page.goBack();
    await expect(page.getByRole("heading", { level: 1, name: "Servicios" })).toBeFocused();
    await expect(page).toHaveTitle(`Servicios de SRCEI · ${SITE}`);
    expect((await focused(page)).tag).toBe("h1");
  });

  test("a refused page's title never names the page that was refused, also after a client navigation", async ({ page }) => {
    await signInAs(page, "Carolina Muñoz", "/cuenta");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    for (const url of ["/admin", "/institucion/SII", "/institucion/SII/servicios", "/institucion/SRCEI/nodos/no-existe", "/acuerdos/00000000-0000-4000-8000-000000000000"]) {
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1, name: "Página no encontrada" })).toBeVisible();
      await expect(page, url).toHaveTitle(REFUSED);
    }
    // From a refused page to a real one: the real one's title again.
    await page.getByRole("link", { name: "Mi cuenta" }).first().press("Enter");
    await expect(page).toHaveURL(/\/cuenta$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
    await expect(page).not.toHaveTitle(REFUSED);
  });
});
