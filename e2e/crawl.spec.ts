import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./support/fixtures";
import { createPageData, DESKTOP, everyPage, PHONE, ROLES, roleContext, sidewaysOverflow } from "./support/pages";

/**
 * Every page, as every role, at desktop and at 375 px: no serious or critical axe-core violation
 * (WCAG 2.1 AA), and at 375 px no page scrolls sideways (the document is as wide as the window).
 * One signed-in context per role serves both widths. A page that answers as another already
 * scanned in the same pass (a redirect to /ingresar, a second 404) is checked for width only.
 */


const stamp = Date.now().toString(36);
let pages: string[] = [];
const contexts = new Map<string, { context: BrowserContext; page: Page }>();

async function contextFor(browser: Browser, person: string | null) {
  const key = person ?? "";
  if (!contexts.has(key)) contexts.set(key, await roleContext(browser, person));
  return contexts.get(key)!;
}

/** The routes of `app/**\/page.tsx`, each as a pattern its URLs match. */
function appRoutes(): { route: string; pattern: RegExp }[] {
  const app = path.join(import.meta.dirname, "..", "app");
  return fs
    .readdirSync(app, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "page.tsx")
    .map((file) => {
      const route = `/${path.dirname(file).split(path.sep).join("/")}`.replace(/^\/\.$/, "/");
      const pattern = new RegExp(`^${route.replace(/\[[^\]]+\]/g, "[^/]+")}$`);
      return { route, pattern };
    });
}

test("el recorrido visita cada ruta de app/**/page.tsx", () => {
  const urls = everyPage({ sent: "s", draft: "d", node: "n" }).map((url) => url.split("?")[0]!);
  const routes = appRoutes();
  expect(routes.length).toBeGreaterThan(20);
  expect(routes.filter(({ pattern }) => !urls.some((url) => pattern.test(url))).map(({ route }) => route)).toEqual([]);
});

test.describe("recorrido de todas las páginas", () => {
  test.describe.configure({ mode: "serial" });

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    pages = everyPage(await createPageData(browser, stamp));
  });

  test.afterAll(async () => {
    for (const { context } of contexts.values()) await context.close();
  });

  for (const { role, person } of ROLES) {
    for (const [width, viewport] of [["escritorio", DESKTOP], ["375 px", PHONE]] as const) {
      test(`${role}, ${width}: cada página sin violaciones de accesibilidad${viewport === PHONE ? " y sin desplazamiento lateral" : ""}`, async ({ browser }) => {
        test.setTimeout(15 * 60_000);
        const { page } = await contextFor(browser, person);
        await page.setViewportSize(viewport);
        const problems: string[] = [];
        const scanned = new Set<string>();
        for (const path of pages) {
          const response = await page.goto(path);
          const status = response?.status() ?? 0;
          const landed = new URL(page.url());
          if (status >= 500) problems.push(`${path}: respondió ${status}`);
          if (viewport === PHONE) {
            const overflow = await sidewaysOverflow(page);
            if (overflow > 0) problems.push(`${path}: el documento es ${overflow} px más ancho que la ventana`);
          }
          // The same page again: a 404 or 403 after another, the sign-in page with another `desde`.
          const same = status === 404 || status === 403 ? `estado ${status}` : landed.pathname === "/ingresar" ? landed.pathname : `${landed.pathname}${landed.search}`;
          if (scanned.has(same)) continue;
          scanned.add(same);
          try {
            await expectAccessible(page);
          } catch (error) {
            problems.push(`${path}: ${(error as Error).message.split("\n").slice(0, 12).join("\n")}`);
          }
        }
        expect(problems, `problemas como ${role} (${width})`).toEqual([]);
      });
    }
  }
});
