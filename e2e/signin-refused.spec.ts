import { expect, signInAs, test } from "./support/fixtures";

/**
 * A refused sign-in (ClaveÚnica gave a RUN with a wrong check digit) ends the ClaveÚnica
 * session too: "Volver a intentar" asks who is signing in, so someone else can, on the same
 * browser, without clearing cookies.
 */
test("tras un ingreso rechazado, «Volver a intentar» deja ingresar a otra persona en el mismo navegador", async ({ page }) => {
  await signInAs(page, "Pedro Ramírez");
  await expect(page).toHaveURL(/\/ingresar\/error\?error=RunInvalido$/);
  await expect(page.getByText("El RUN informado por ClaveÚnica no es válido")).toBeVisible();

  await page.getByRole("link", { name: "Volver a intentar" }).click();
  await page.getByRole("button", { name: "Iniciar sesión con ClaveÚnica" }).click();
  await page.waitForURL((url) => url.href.startsWith(process.env.E2E_ISSUER!));
  // ClaveÚnica asks again who is signing in (before the fix it signed the refused person in
  // again at once, and the browser landed on the same error).
  await page.getByRole("button", { name: "Ana Pérez" }).click();
  await expect(page).toHaveURL(/\/cuenta$/);
  await expect(page.getByTestId("run")).toHaveText("11.111.111-1");
});
