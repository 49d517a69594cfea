import pg from "pg";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, signInAs, test } from "./support/fixtures";
import { errorWith } from "../test/support/errors";

const SESSION_COOKIE = "next-auth.session-token";

/** Starts a login and stops on the emulator's page where the person is chosen. */
async function startLogin(page: Page) {
  await page.goto("/ingresar?desde=%2Fcuenta");
  await page.getByRole("button", { name: "Iniciar sesión con ClaveÚnica" }).click();
  await page.waitForURL((url) => url.href.startsWith(process.env.E2E_ISSUER!));
  await expect(page.getByRole("button", { name: "Ana Pérez" })).toBeVisible();
}

async function cookie(page: Page, name: string) {
  const found = (await page.context().cookies()).find((c) => c.name === name);
  expect(found, `cookie ${name}`).toBeDefined();
  return found!;
}

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

  test("tras cerrar sesión, una copia de la cookie anterior ya no abre /cuenta ni la API", async ({ page }) => {
    const inbox = "/api/v1/notifications?institution=SRCEI";
    await signInAs(page, "Carolina Muñoz");
    await expect(page.getByTestId("run")).toHaveText("12.345.678-5");
    const old = await cookie(page, SESSION_COOKIE);
    expect((await page.request.get(inbox)).status()).toBe(200);
    expect((await (await page.request.get("/api/auth/session")).json()).user).toMatchObject({ run: "12345678-5" });

    await page.getByRole("button", { name: "Cerrar sesión" }).click();
    await expect(page.getByText("Cerró su sesión")).toBeVisible();
    expect((await page.context().cookies()).some((c) => c.name === SESSION_COOKIE)).toBe(false);

    // Someone who kept the cookie's value puts it back: the session ended on the server.
    await page.context().addCookies([old]);
    const api = await page.request.get(inbox);
    expect(api.status()).toBe(401);
    expect((await api.json())).toMatchObject(errorWith("unauthenticated"));
    // next-auth's own endpoint does not revive it either.
    expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
    await page.context().addCookies([old]);
    await page.goto("/cuenta");
    await expect(page).toHaveURL(/\/ingresar/);
  });

  // Each check binds the callback to the login that started it: a cookie from another login
  // attempt (state, PKCE code_verifier, nonce) makes the portal refuse it.
  for (const [check, name] of [
    ["state", "next-auth.state"],
    ["PKCE", "next-auth.pkce.code_verifier"],
    ["nonce", "next-auth.nonce"],
  ] as const) {
    test(`el portal rechaza la respuesta de ClaveÚnica si no corresponde a este inicio (${check})`, async ({ page }) => {
      await startLogin(page);
      const earlier = await cookie(page, name);
      await startLogin(page);
      expect((await cookie(page, name)).value).not.toBe(earlier.value);
      await page.context().addCookies([earlier]);
      await page.getByRole("button", { name: "Ana Pérez" }).click();
      // next-auth sends callback errors back to the sign-in page.
      await expect(page).toHaveURL(/\/ingresar\?.*error=OAuthCallback/);
      expect((await page.context().cookies()).some((c) => c.name === SESSION_COOKIE)).toBe(false);
      await page.goto("/cuenta");
      await expect(page).toHaveURL(/\/ingresar/);
    });
  }
});
