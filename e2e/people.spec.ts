import { computeRunCheckDigit } from "@pisee/node-agent/shared";
import { expect, expectAccessible, personPage, tabTo, test } from "./support/fixtures";

/**
 * The people of an institution, with the keyboard only: Patricia González, admin of the
 * Municipalidad de Santiago, adds a person by RUN and institutional address; the notice takes the
 * focus and the new row says the address is «Por confirmar». A RUN with a wrong check digit is
 * refused next to its field, and so is the same person a second time; then she makes them an
 * admin and removes them, each in its dialog. Each run uses a RUN of its own.
 */

/** A RUN no seeded person has, unique to this run, with its check digit (or a wrong one). */
function runOf(n: number, wrong = false): string {
  const dv = computeRunCheckDigit(n);
  return `${n}-${wrong ? (dv === "1" ? "2" : "1") : dv}`;
}
const number = 30_000_000 + (Date.now() % 9_000_000);
const formatted = (run: string) => {
  const [n, dv] = run.split("-");
  return `${Number(n).toLocaleString("es-CL").replace(/,/g, ".")}-${dv}`;
};


test("personas: una administradora agrega a una persona por su RUN, le cambia el rol y la quita, con el teclado; un dígito verificador equivocado se indica en su campo", async ({ browser }) => {
  const page = await personPage(browser, "Patricia González", "/institucion/MUN-SANTIAGO/personas");
  await expect(page.getByRole("heading", { level: 1, name: "Personas" })).toBeVisible();
  const submit = page.getByRole("button", { name: "Agregar persona", exact: true });
  await expect(submit).toBeEnabled();
  await expectAccessible(page);

  const run = page.getByRole("textbox", { name: "RUN", exact: true });
  const email = page.getByRole("textbox", { name: "Correo institucional", exact: true });

  // A wrong check digit: refused next to the field, and in the summary, which takes the focus.
  await tabTo(page, run);
  await page.keyboard.type(runOf(number, true));
  await tabTo(page, email);
  await page.keyboard.type("nueva.persona@munistgo.cl");
  await page.keyboard.press("Enter");
  await expect(page.locator("#persona-run-error")).toContainText("dígito verificador");
  await expect(run).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  // The right one: added, the notice has the focus, the row says the address awaits confirmation.
  const good = runOf(number);
  await tabTo(page, run);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(formatted(good));
  await tabTo(page, submit);
  await page.keyboard.press("Enter");
  await expect
    .poll(() => page.evaluate(() => ({ role: document.activeElement?.getAttribute("role") ?? "", text: document.activeElement?.textContent ?? "" })))
    .toMatchObject({ role: "status", text: expect.stringMatching(/Se agregó a .*cuando ingrese por primera vez con ClaveÚnica/) });
  const row = page.getByRole("row", { name: new RegExp(formatted(good).replace(/\./g, "\\.")) });
  await expect(row).toContainText("Aún no ingresa al portal");
  await expect(row).toContainText("nueva.persona@munistgo.cl");
  await expect(row).toContainText("Por confirmar");
  await expect(run).toHaveValue("");
  await expectAccessible(page);

  // Twice: the same person is already a member.
  await tabTo(page, run);
  await page.keyboard.type(good);
  await tabTo(page, email);
  await page.keyboard.type("otra@munistgo.cl");
  await page.keyboard.press("Enter");
  await expect(page.locator("#persona-run-error")).toContainText("ya integra");

  // Change the role in its dialog (arrow keys move the radio), then remove the person.
  await tabTo(page, row.getByRole("button", { name: "Cambiar", exact: true }));
  await page.keyboard.press("Enter");
  const change = page.getByRole("dialog", { name: "Cambiar el rol o el correo institucional" });
  await expect(change.getByRole("radio", { name: "Funcionario/a" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(change.getByRole("radio", { name: "Administrador/a" })).toBeChecked();
  await tabTo(page, change.getByRole("button", { name: "Guardar los cambios" }));
  await page.keyboard.press("Enter");
  await expect(change).toBeHidden();
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? "")).toMatch(/Ahora la persona de RUN .* es administrador\/a/);
  await expect(row.getByRole("cell", { name: "Administrador/a", exact: true })).toBeVisible();

  await tabTo(page, row.getByRole("button", { name: "Quitar", exact: true }));
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("dialog", { name: "¿Quitar a la persona de la institución?" });
  await expect(confirm.getByRole("button", { name: "Cancelar" })).toBeFocused();
  await tabTo(page, confirm.getByRole("button", { name: "Sí, quitar" }));
  await page.keyboard.press("Enter");
  await expect(confirm).toBeHidden();
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? "")).toMatch(/Se quitó a la persona de RUN/);
  await expect(row).toHaveCount(0);
  await expectAccessible(page);
  await page.context().close();
});

test("personas: el funcionario solo ve la lista; el equipo de la plataforma ve el formulario de la jefatura de servicio", async ({ browser }) => {
  const jose = await personPage(browser, "José Núñez", "/institucion/MUN-SANTIAGO/personas");
  await expect(jose.getByRole("row", { name: /Patricia/ })).toContainText("Jefatura de servicio");
  await expect(jose.getByRole("button", { name: "Agregar persona" })).toHaveCount(0);
  await expect(jose.getByRole("button", { name: "Quitar" })).toHaveCount(0);
  await jose.context().close();

  const platform = await personPage(browser, "Matías Tapia", "/institucion/MUN-SANTIAGO/personas");
  await expect(platform.getByRole("heading", { name: "Jefatura de servicio" })).toBeVisible();
  await expect(platform.getByRole("button", { name: "Agregar persona", exact: true })).toBeEnabled();
  await expectAccessible(platform);
  await platform.context().close();
});
