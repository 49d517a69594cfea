import { expect, expectAccessible, test } from "./support/fixtures";
import { errorBody, errorWith } from "../test/support/errors";

test.describe("sitio público", () => {
  test("inicio: la red, sus servicios centrales y la gradualidad", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveTitle(/Red de Interoperabilidad del Estado/);
    await expect(page.locator("html")).toHaveAttribute("lang", "es-CL");
    await expect(page.getByRole("heading", { level: 1, name: "Red de Interoperabilidad del Estado" })).toBeVisible();
    const servicios = page.getByRole("region", { name: "Servicios centrales" });
    await expect(servicios.getByRole("listitem")).toHaveCount(8);
    await expect(servicios.getByRole("listitem").filter({ hasText: "Instituciones y plazos" })).toContainText("Disponible");
    await expect(servicios.getByRole("listitem").filter({ hasText: "Nodos y configuración de la red" })).toContainText("Disponible");
    await expect(servicios.getByRole("listitem").filter({ hasText: "Registro de Trazabilidad" })).toContainText("En desarrollo");
    // Every available service links to where it lives.
    for (const item of await servicios.getByRole("listitem").filter({ hasText: "Disponible" }).all()) {
      await expect(item.getByRole("heading").getByRole("link")).toHaveAttribute("href", /^\/\S+/);
    }
    await expect(servicios.getByRole("link", { name: "Gestor de Acuerdos" })).toHaveAttribute("href", "/institucion");
    await expect(servicios.getByRole("link", { name: "Nodos y configuración de la red" })).toHaveAttribute("href", "/institucion");
    // The favicon, in the portal's colours.
    const icon = page.locator('head link[rel="icon"][type="image/svg+xml"]');
    await expect(icon).toHaveCount(1);
    const iconResponse = await page.request.get((await icon.getAttribute("href"))!);
    expect(iconResponse.status()).toBe(200);
    expect(iconResponse.headers()["content-type"]).toContain("image/svg+xml");
    const gradualidad = page.getByRole("region", { name: "Gradualidad de la Ley 21.464" });
    await expect(gradualidad.getByRole("heading", { name: "Grupo C" })).toBeVisible();
    await expect(gradualidad.getByRole("link", { name: /261 instituciones/ })).toBeVisible();
    await expectAccessible(page);
  });

  test("el enlace para saltar al contenido es lo primero del teclado", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Saltar al contenido principal" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#contenido")).toBeFocused();
  });

  test("instituciones: filtrar el grupo C y encontrar Mariquina", async ({ page }) => {
    await page.goto("/instituciones");
    await expect(page.getByRole("status").filter({ hasText: "429 instituciones encontradas" })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Grupo").selectOption("C");
    await page.getByRole("button", { name: "Buscar" }).click();
    await expect(page).toHaveURL(/group=C/);
    await expect(page.getByRole("status").filter({ hasText: "261 instituciones encontradas" })).toBeVisible();

    await page.getByLabel("Buscar por nombre o código").fill("Mariquina");
    await page.getByRole("button", { name: "Buscar" }).click();
    await expect(page.getByRole("status").filter({ hasText: "1 institución encontrada" })).toBeVisible();
    const row = page.getByRole("row", { name: /Municipalidad de Mariquina/ });
    await expect(row).toContainText("2026");
    await expect(row).toContainText("expedientes electrónicos");
    await row.getByRole("link", { name: "Municipalidad de Mariquina" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Municipalidad de Mariquina" })).toBeVisible();
    await expect(page.getByText("MUN-MARIQUINA")).toBeVisible();
    await expect(page.locator("[aria-current=step]")).toContainText("No iniciado");
    await expectAccessible(page);
  });

  test("la búsqueda no distingue tildes y la paginación conserva los filtros", async ({ page }) => {
    await page.goto("/instituciones?q=maria+pinto");
    await expect(page.getByRole("link", { name: "Municipalidad de María Pinto" })).toBeVisible();
    await page.goto("/instituciones?group=B");
    await page.getByRole("navigation", { name: "Paginación" }).getByRole("link", { name: "Siguiente" }).click();
    await expect(page).toHaveURL(/group=B.*page=2|page=2.*group=B/);
    await expect(page.getByRole("status")).toContainText("página 2 de 5");
  });

  test("filtros inválidos se informan en un resumen de errores", async ({ page }) => {
    await page.goto("/instituciones?page=abc&group=Z");
    const summary = page.getByRole("alert", { name: /Algunos filtros no son válidos/ });
    await expect(summary).toContainText("Algunos filtros no son válidos");
    await expect(summary).toContainText("Grupo");
    await expect(page.getByRole("status").filter({ hasText: "429 instituciones encontradas" })).toBeVisible();
    await expectAccessible(page);
  });

  test("una institución inexistente responde 404 con una página clara", async ({ page }) => {
    const res = await page.goto("/instituciones/NO-EXISTE");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Página no encontrada" })).toBeVisible();
    await expectAccessible(page);
  });

  test("documentación de la API: dentro del portal, todas las operaciones en la primera respuesta, accesible también en un teléfono", async ({ page, request }) => {
    // The longest page of the portal, checked by axe twice.
    test.setTimeout(180_000);
    // Every operation is in the server's first answer: nothing waits for a script to load it.
    const spec = (await (await request.get("/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, { operationId: string }>> };
    const html = await (await request.get("/api/docs")).text();
    const operations = Object.entries(spec.paths).flatMap(([path, item]) => Object.values(item).map((op) => ({ path, id: op.operationId })));
    expect(operations.length).toBeGreaterThan(30);
    for (const op of operations) {
      expect(html, op.id).toContain(`id="op-${op.id.toLowerCase()}"`);
      expect(html, op.id).toContain(`>${op.path}</code>`);
    }

    const external: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(process.env.E2E_BASE_URL!) && !r.url().startsWith("data:")) external.push(r.url());
    });
    const csp: string[] = [];
    page.on("console", (m) => m.text().includes("Content Security Policy") && csp.push(m.text()));
    const res = await page.goto("/api/docs");
    expect(res?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
    await expect(page).toHaveTitle("Documentación de la API · Red de Interoperabilidad del Estado");
    // The portal's layout: skip link, header, footer.
    await expect(page.getByRole("link", { name: "Saltar al contenido principal" })).toBeAttached();
    await expect(page.getByRole("banner")).toBeVisible();
    await expect(page.getByRole("contentinfo")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Documentación de la API" })).toBeVisible();

    // In Spanish, with each operation's parameters, rules and errors.
    const article = page.getByRole("article", { name: "Una institución por su código" });
    await expect(article.getByText("/api/v1/institutions/{code}", { exact: true })).toBeVisible();
    await expect(article.getByText("Pública: no requiere sesión.")).toBeVisible();
    await expect(article.getByRole("table", { name: "Errores de GET /api/v1/institutions/{code}" }).getByRole("row", { name: /not_found/ })).toBeVisible();
    // The index takes the keyboard to an operation.
    await page.getByRole("navigation", { name: "Índice" }).getByRole("link", { name: "POST /api/v1/services", exact: true }).press("Enter");
    await expect(page).toHaveURL(/#op-createservice$/);
    await expect(page.getByRole("article", { name: /Crea un servicio en borrador/ })).toBeInViewport();
    await expectAccessible(page);
    expect(external).toEqual([]);
    expect(csp).toEqual([]);

    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto("/api/docs");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(375);
    await expectAccessible(page);
  });
});

test.describe("API y cabeceras", () => {
  test("errores con la forma única y cabeceras de seguridad", async ({ request }) => {
    const notFound = await request.get("/api/v1/institutions/NO-EXISTE");
    expect(notFound.status()).toBe(404);
    expect(await notFound.json()).toEqual(errorBody("not_found", "No existe una institución con el código NO-EXISTE."));
    expect(notFound.headers()["x-content-type-options"]).toBe("nosniff");
    expect(notFound.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");

    const bad = await request.get("/api/v1/institutions?pageSize=0");
    expect(bad.status()).toBe(422);
    expect((await bad.json()).error.issues[0].path).toBe("pageSize");

    const page = await request.get("/");
    const csp = page.headers()["content-security-policy"]!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(page.headers()["x-powered-by"]).toBeUndefined();

    const spec = await request.get("/api/v1/openapi.json");
    const doc = await spec.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/institutions", "/api/v1/institutions/{code}", "/api/health"]));
  });

  test("una solicitud que cambia estado desde otro origen se rechaza", async ({ request }) => {
    const res = await request.post("/salir", { headers: { Origin: "https://sitio-malicioso.example" }, maxRedirects: 0 });
    expect(res.status()).toBe(403);
    expect((await res.json())).toMatchObject(errorWith("forbidden_origin"));
    // Prefetch headers once exempted a request from the check (and pages from the CSP).
    for (const headers of [{ Purpose: "prefetch" }, { "Next-Router-Prefetch": "1" }, { "Sec-Purpose": "prefetch" }] as Record<string, string>[]) {
      const prefetch = await request.post("/api/v1/agreements", { headers: { Origin: "https://sitio-malicioso.example", ...headers }, data: {} });
      expect(prefetch.status(), JSON.stringify(headers)).toBe(403);
      expect((await prefetch.json())).toMatchObject(errorWith("forbidden_origin"));
      const page = await request.get("/instituciones", { headers });
      expect(page.headers()["content-security-policy"], JSON.stringify(headers)).toMatch(/script-src 'self' 'nonce-[^']+'/);
    }
  });

  test("una dirección mal codificada responde 400: JSON en la API, una página en español en el sitio", async ({ page, request }) => {
    for (const path of ["/api/v1/institutions/%ff", "/api/v1/institutions/%E0%A4%A", "/api/v1/services/SRCEI/%zz/v1"]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(400);
      expect(await res.json()).toEqual(errorBody("bad_request", "La dirección solicitada no es válida."));
      expect(res.headers()["x-content-type-options"]).toBe("nosniff");
      expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    }
    const res = await page.goto("/instituciones/%E0%A4%A");
    expect(res?.status()).toBe(400);
    await expect(page.getByRole("heading", { level: 1, name: "Dirección no válida" })).toBeVisible();
    await expect(page).toHaveTitle(/Dirección no válida/);
    expect(res?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(res?.headers()["x-frame-options"]).toBe("DENY");
    await expectAccessible(page);
  });
});
