import type { Locator, Page } from "@playwright/test";
import { expect, signInAs, test } from "./support/fixtures";

/**
 * Fewer Tab stops to what people come for (issue 12, point 5). Measured on the code before the
 * change: from the top of /catalogo to the first result 12 Tab presses signed out and 14 signed in
 * with the filters closed, 19 and 21 with them open (after filtering); to «Ver acuerdos» on the
 * institution dashboard, 21 for an administrator (each card's title repeated its "Ver …" link).
 */

/** Presses Tab (from where the focus is) until `target` has the focus; how many presses. Bounded. */
async function tabsTo(page: Page, target: Locator, limit = 80): Promise<number> {
  const handle = await target.elementHandle();
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((el) => document.activeElement === el, handle)) return presses;
  }
  return Infinity;
}

/** From the top of the page, as after loading it: nothing focused. */
const fromTheTop = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

const firstResult = (page: Page) => page.getByRole("main").getByRole("list").first().getByRole("heading", { level: 2 }).first().getByRole("link");

test.describe("Tab stops to what people come for", () => {
  test("from the top of /catalogo to the first result, with the filters open and signed in (21 before)", async ({ page }) => {
    await signInAs(page, "Carolina Muñoz", "/catalogo?status=PUBLISHED");
    await expect(page.getByRole("heading", { level: 1, name: "Catálogo de Servicios" })).toBeVisible();
    await expect(page.getByRole("group").or(page.locator("details[open]")).first()).toBeVisible();

    // With "Saltar a los resultados": Tab to it, Enter, one Tab.
    await fromTheTop(page);
    const toLink = await tabsTo(page, page.getByRole("link", { name: "Saltar a los resultados" }));
    await page.keyboard.press("Enter");
    await expect(page.locator("#resultados")).toBeFocused();
    const toResult = await tabsTo(page, firstResult(page));
    const presses = toLink + 1 + toResult;
    console.log(`Key presses from the top of /catalogo (filters open, signed in) to the first result: ${presses} (${toLink} Tab, Enter, ${toResult} Tab)`);
    expect(toResult).toBe(1);
    expect(presses).toBeLessThan(21);

    // With the skip links only: Tab, Enter (main), Tab, Enter (results), Tab: five presses, whatever the header holds.
    await fromTheTop(page);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Saltar al contenido principal" })).toBeFocused();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Saltar a los resultados" })).toBeFocused();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await expect(firstResult(page)).toBeFocused();
  });

  test("from the top of /catalogo to the first result, signed out (12 before)", async ({ page }) => {
    await page.goto("/catalogo");
    await fromTheTop(page);
    const toLink = await tabsTo(page, page.getByRole("link", { name: "Saltar a los resultados" }));
    await page.keyboard.press("Enter");
    const toResult = await tabsTo(page, firstResult(page));
    console.log(`Key presses from the top of /catalogo (signed out) to the first result: ${toLink + 1 + toResult} (${toLink} Tab, Enter, ${toResult} Tab)`);
    expect(toLink + 1 + toResult).toBeLessThan(12);
  });

  test("from the top of the institution dashboard to «Ver acuerdos» (21 before)", async ({ page }) => {
    await signInAs(page, "Carolina Muñoz", "/institucion/SRCEI");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // One link per card: each card's title no longer repeats its "Ver …" link.
    for (const title of ["Servicios", "Datos", "Acuerdos", "Notificaciones", "Nodos"]) {
      await expect(page.getByRole("heading", { level: 2, name: title, exact: true })).toBeVisible();
      await expect(page.getByRole("heading", { level: 2, name: title, exact: true }).getByRole("link")).toHaveCount(0);
    }
    await fromTheTop(page);
    const count = await tabsTo(page, page.getByRole("link", { name: "Ver acuerdos" }));
    console.log(`Tab presses from the top of /institucion/SRCEI (administrator) to «Ver acuerdos»: ${count}`);
    expect(count).toBeLessThanOrEqual(18);
  });
});
