import pg from "pg";
import { expect, expectAccessible, personPage, tabTo, test } from "./support/fixtures";

/**
 * The person's mail settings, with the keyboard only: José Núñez (no address in ClaveÚnica: the
 * «sin correo» path) chooses a daily digest for his municipality on /cuenta; a mail's
 * unsubscribe link leads to /correo/baja, whose button works from the keyboard.
 */

/** The run's own database, read directly (link tokens live only in the mails). */
async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}


test.describe("Mi cuenta: correos", () => {
  test("José Núñez, sin correo en ClaveÚnica, elige un resumen diario para su municipalidad con el teclado", async ({ browser }) => {
    const page = await personPage(browser, "José Núñez", "/cuenta");
    await expect(page.getByRole("heading", { name: "Sus direcciones de correo" })).toBeVisible();
    await expect(page.getByTestId("correo-propio")).toContainText("No tiene una dirección propia");
    await expect(page.getByTestId("correo-MUN-SANTIAGO")).toContainText("jose.nunez@munistgo.cl");
    await expect(page.getByTestId("modo-MUN-SANTIAGO")).toHaveText("Cada aviso al momento");
    await expectAccessible(page);

    const region = page.getByRole("region", { name: /Municipalidad de Santiago/ });
    const save = region.getByRole("button", { name: /^Guardar para / });
    await expect(save).toBeEnabled();
    // Into the radio group (its checked option), an arrow to the next one, Tab to the button, Enter.
    await region.getByRole("radio", { name: "Cada aviso al momento" }).focus();
    await page.keyboard.press("ArrowDown");
    await expect(region.getByRole("radio", { name: "Un resumen diario" })).toBeChecked();
    await page.keyboard.press("Tab");
    await expect(save).toBeFocused();
    await page.keyboard.press("Enter");

    const notice = region.getByRole("status").filter({ hasText: "Cambios guardados" });
    await expect(notice).toBeFocused();
    await expect(notice).toContainText("resumen diario de los avisos de Municipalidad de Santiago");
    await expect(page.getByTestId("modo-MUN-SANTIAGO")).toHaveText("Un resumen diario");
    await expectAccessible(page);

    // Back as it was, for the other specs (same keyboard path).
    await region.getByRole("radio", { name: "Un resumen diario" }).focus();
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("modo-MUN-SANTIAGO")).toHaveText("Cada aviso al momento");
    await page.context().close();
  });

  test("el enlace de baja de un correo: la página no cambia nada al abrirla; su botón funciona con el teclado", async ({ page }) => {
    // A mail with an unsubscribe link, to a person of the demo catalog (who never signs in): a
    // request from MDSF notifies the provider's members. An earlier run may have sent it already.
    const rodrigo = await personPage(page.context().browser()!, "Rodrigo Sepúlveda", "/cuenta");
    const res = await rodrigo.request.post("/api/v1/agreements", {
      headers: { Origin: new URL(rodrigo.url()).origin, "Content-Type": "application/json" },
      data: {
        consumer: "MDSF",
        service: "SII/situacion-tributaria/v1",
        environment: "dev",
        type: "PERMANENTE",
        procedures: ["CPAT-MDSF-0005"],
        legalBasis: "Ley 20.379, artículo 6.",
        declaredVolume: 100,
        mode: "EN_LINEA",
        requestedTps: 1,
        submit: true,
      },
    });
    expect([201, 409], await res.text()).toContain(res.status());
    await rodrigo.context().close();
    const [mail] = await sql<{ text: string; person_run: string }>(
      "SELECT text, person_run FROM mail_message WHERE institution_code = 'SII' AND text LIKE '%/correo/baja?t=%' ORDER BY created_at DESC LIMIT 1",
    );
    expect(mail, "un correo con enlace de baja").toBeTruthy();
    const token = /\/correo\/baja\?t=([A-Za-z0-9_.-]+)/.exec(mail!.text)![1]!;
    await sql("UPDATE person SET mail_opt_out_at = NULL WHERE run = $1", [mail!.person_run]);

    await page.goto(`/correo/baja?t=${token}`);
    await expect(page.getByRole("heading", { level: 1, name: "Dejar de recibir correos" })).toBeVisible();
    await expect(page.getByText("Los avisos de plazos legales le llegarán igual")).toBeVisible();
    await expectAccessible(page);
    // Opening the page changed nothing.
    expect((await sql<{ out: Date | null }>("SELECT mail_opt_out_at AS out FROM person WHERE run = $1", [mail!.person_run]))[0]!.out).toBeNull();

    await expect(page.getByRole("button", { name: "Dejar de recibir correos" })).toBeEnabled();
    await tabTo(page, page.getByRole("button", { name: "Dejar de recibir correos", exact: true }));
    await page.keyboard.press("Enter");
    const notice = page.getByRole("status").filter({ hasText: "Ya no recibirá correos del portal" });
    await expect(notice).toBeFocused();
    await expect(notice).toContainText("plazos legales");
    await expect(notice.getByRole("link", { name: "Mi cuenta" })).toBeVisible();
    await expectAccessible(page);
    expect((await sql<{ out: Date | null }>("SELECT mail_opt_out_at AS out FROM person WHERE run = $1", [mail!.person_run]))[0]!.out).not.toBeNull();

    // A link the portal did not make says so.
    await page.goto("/correo/baja?t=enlace-que-no-sirve");
    await expect(page.getByText("Este enlace no es válido")).toBeVisible();
    await expect(page.getByRole("button", { name: "Dejar de recibir correos" })).toHaveCount(0);
  });
});
