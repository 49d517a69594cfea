import pg from "pg";
import { expect, expectAccessible, signInAs, test } from "./support/fixtures";

test.describe("ingreso con ClaveÚnica", () => {
  test("/cuenta sin sesión lleva a ingresar", async ({ page }) => {
    await page.goto("/cuenta");
    await expect(page).toHaveURL(/\/ingresar\?desde=(%2F|\/)cuenta$/);
    await expect(page.getByRole("button", { name: "Iniciar sesión con ClaveÚnica" })).toBeVisible();
    await expectAccessible(page);
  });

  test("una ciudadana ingresa y ve su RUN en /cuenta; luego cierra sesión también en ClaveÚnica", async ({ page }) => {
    await signInAs(page, "Ana Pérez");
    await expect(page).toHaveURL(/\/cuenta$/);
    await expect(page.getByRole("heading", { level: 1, name: "Mi cuenta" })).toBeVisible();
    await expect(page.getByTestId("run")).toHaveText("11.111.111-1");
    await expect(page.getByText("Ana María", { exact: true })).toBeVisible();
    await expect(page.getByText("Pérez Soto", { exact: true })).toBeVisible();
    await expect(page.getByText("No tiene roles en instituciones")).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Cerrar sesión" }).click();
    await expect(page.getByText("Cerró su sesión")).toBeVisible();
    await expect(page.getByRole("link", { name: "Ingresar" })).toBeVisible();
    await page.goto("/cuenta");
    await expect(page).toHaveURL(/\/ingresar/);
    // The ClaveÚnica session ended too: signing in again asks who you are.
    await page.getByRole("button", { name: "Iniciar sesión con ClaveÚnica" }).click();
    await expect(page.getByRole("button", { name: "Ana Pérez" })).toBeVisible();
  });

  test("una administradora ve sus roles en la institución", async ({ page }) => {
    await signInAs(page, "Carolina Muñoz");
    await expect(page.getByTestId("run")).toHaveText("12.345.678-5");
    const row = page.getByRole("row", { name: /Servicio de Registro Civil e Identificación/ });
    await expect(row).toContainText("Administrador/a de institución");
    await expect(row).toContainText("Sí, jefatura de servicio");
  });

  test("el equipo de la plataforma se identifica como tal", async ({ page }) => {
    await signInAs(page, "Matías Tapia");
    await expect(page.getByText("Equipo de la plataforma (administración)")).toBeVisible();
  });

  test("un RUN con dígito verificador inválido se rechaza sin guardar nada", async ({ page }) => {
    await signInAs(page, "Pedro Ramírez");
    await expect(page).toHaveURL(/\/ingresar\/error\?error=RunInvalido/);
    await expect(page.getByText("El RUN informado por ClaveÚnica no es válido")).toBeVisible();
    await expectAccessible(page);
    await page.goto("/cuenta");
    await expect(page).toHaveURL(/\/ingresar/);

    const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
    await db.connect();
    try {
      const persons = await db.query("SELECT run FROM person WHERE run LIKE '14141414%'");
      expect(persons.rows).toEqual([]);
      const events = await db.query("SELECT id FROM audit_event WHERE actor_run LIKE '14141414%' OR target_id LIKE '14141414%'");
      expect(events.rows).toEqual([]);
    } finally {
      await db.end();
    }
  });
});
