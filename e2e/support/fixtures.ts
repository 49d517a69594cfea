import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Browser, type Locator, type Page } from "@playwright/test";

/** Tests run against the stack started by global-setup.ts. */
export const test = base.extend({
  baseURL: async ({}, use) => {
    await use(process.env.E2E_BASE_URL);
  },
});

export { expect };

/** WCAG 2.1 AA with axe-core: no serious or critical violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  // After a client refresh, Next.js streams the page's metadata back in: wait for the title
  // (which must exist: axe's document-title rule checks it) before looking at the page.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    blocking.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    `violaciones de accesibilidad en ${page.url()}`,
  ).toEqual([]);
}

/**
 * Signs in through the real authorization-code flow: the portal's sign-in page, the ClaveÚnica
 * emulator's login page (choosing the person by name), and back to the portal.
 */
export async function signInAs(page: Page, personName: string, returnTo = "/cuenta") {
  await page.goto(`/ingresar?desde=${encodeURIComponent(returnTo)}`);
  await page.getByRole("button", { name: "Iniciar sesión con ClaveÚnica" }).click();
  await page.waitForURL((url) => url.href.startsWith(process.env.E2E_ISSUER!));
  await page.getByRole("button", { name: personName }).click();
}

/** A page signed in as `person` in its own browser context (its own session cookie), at `returnTo`. */
export async function personPage(browser: Browser, person: string, returnTo: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "es-CL", timezoneId: "America/Santiago" });
  const page = await context.newPage();
  await signInAs(page, person, returnTo);
  await expect(page).toHaveURL((url) => url.pathname === returnTo.split("?")[0]);
  return page;
}

/** Tab (from wherever the focus is) until `target` has it, as a keyboard user would; bounded. */
export async function tabTo(page: Page, target: Locator, limit = 200) {
  await expect(target).toBeEnabled();
  const handle = await target.elementHandle();
  for (let presses = 0; presses < limit; presses++) {
    if (await page.evaluate((el) => document.activeElement === el, handle)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Con ${limit} pulsaciones de Tab no se llegó a ${String(target)}`);
}
