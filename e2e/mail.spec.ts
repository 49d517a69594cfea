import pg from "pg";
import { expect, expectAccessible, personPage, test } from "./support/fixtures";
import { clearMails, mailsTo, portalLinkOf, waitForMail } from "./support/mail";

// Mail in the running stack: the portal sends through the stack's catcher (maildev) within
// seconds of a mail being written, and "Ejecutar ahora" on the console sends the daily digest.

const PLATFORM_ADMIN = "Matías Tapia"; // 10987654-2

async function withDb<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Outbox rows as notify() writes them (status PENDIENTE or EN_RESUMEN), for one person. */
async function writeMails(to: string, rows: { subject: string; status: "PENDIENTE" | "EN_RESUMEN" }[]) {
  await withDb(async (c) => {
    for (const r of rows) {
      await c.query(
        `INSERT INTO mail_message (id, person_run, institution_code, kind, to_address, subject, text, html, link, status)
         VALUES (gen_random_uuid(), '10987654-2', 'SRCEI', 'SOLICITUD_NUEVA', $1, $2, $3, '<p>aviso</p>', $4, $5::"MailStatus")`,
        [to, r.subject, `${r.subject}\n\nVer: ${process.env.E2E_BASE_URL}/admin\n`, `${process.env.E2E_BASE_URL}/admin`, r.status],
      );
    }
  });
}

test.describe("correo", () => {
  test.beforeEach(async () => {
    await clearMails();
  });

  test("un correo escrito en el buzón de salida llega en segundos al receptor", async () => {
    const to = `inmediato-${Date.now()}@prueba.gob.cl`;
    await writeMails(to, [{ subject: "Aviso inmediato de prueba", status: "PENDIENTE" }]);
    const mail = await waitForMail((m) => m.to.some((t) => t.address === to), 15_000);
    expect(mail.subject).toBe("Aviso inmediato de prueba");
    expect(portalLinkOf(mail)).toBe(`${process.env.E2E_BASE_URL}/admin`);
    expect(mail.headers["auto-submitted"]).toBe("auto-generated");
  });

  test("«Ejecutar ahora» envía el resumen diario, y la consola muestra el estado del correo", async ({ browser }) => {
    const to = `resumen-${Date.now()}@prueba.gob.cl`;
    await writeMails(to, [
      { subject: "Primer aviso del resumen", status: "EN_RESUMEN" },
      { subject: "Segundo aviso del resumen", status: "EN_RESUMEN" },
    ]);
    const page = await personPage(browser, PLATFORM_ADMIN, "/admin");
    await expect(page.getByRole("heading", { level: 2, name: "Correo" })).toBeVisible();
    await expect(page.getByText("Esperando el resumen diario")).toBeVisible();

    const run = page.getByRole("button", { name: /^Ejecutar ahora\s*: Correo: el resumen diario/ });
    await run.focus();
    await page.keyboard.press("Enter");
    const notice = page.getByRole("status").filter({ hasText: "Trabajo encolado" });
    await expect(notice).toBeVisible();
    await expect(notice).toBeFocused();
    await expectAccessible(page);

    const digest = await waitForMail((m) => m.to.some((t) => t.address === to), 20_000);
    expect(digest.subject).toBe("Resumen diario: 2 avisos de Servicio de Registro Civil e Identificación");
    expect(digest.text).toContain("Primer aviso del resumen");
    expect(digest.text).toContain("Segundo aviso del resumen");
    // One digest: the two notices are not sent one by one.
    expect((await mailsTo(to)).map((m) => m.subject)).toEqual([digest.subject]);
  });
});
