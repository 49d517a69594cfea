import { expect, expectAccessible, personPage, tabTo, test } from "./support/fixtures";
import { mailsTo, portalLinkOf, waitForMail, type CaughtMail } from "./support/mail";
import { createSrceiService, sendMunicipalityRequest } from "./support/services";

/**
 * Issue 13 end to end, with the keyboard and the mail catcher the stack runs (maildev):
 * 1. Patricia González, admin of the Municipalidad de Santiago, adds Camila Torres by RUN and
 *    institutional address; a confirmation mail reaches that address;
 * 2. Camila signs in for the first time and sees her role; she confirms the address from the mail;
 * 3. a request from the municipality for a Registro Civil service mails the Registro Civil's
 *    admin, and the mail's link opens the request;
 * 4. once the admin chooses a daily digest, the next two requests wait for it, and the digest
 *    (run now from the platform console) carries both in one mail.
 */

const CAMILA = { name: "Camila Torres", run: "19.283.746-4", address: "camila.torres@munistgo.cl" };
const CAROLINA = { name: "Carolina Muñoz", address: "carolina.munoz@registrocivil.gob.cl" };



const suffix = Date.now().toString(36).slice(-5);

test.describe.serial("Personas y correo", () => {
  test("1-2. una administradora agrega a una funcionaria por RUN y correo; ella ingresa por primera vez, ve su rol y confirma la dirección", async ({ browser }) => {
    const patricia = await personPage(browser, "Patricia González", "/institucion/MUN-SANTIAGO/personas");
    const submit = patricia.getByRole("button", { name: "Agregar persona", exact: true });
    await expect(submit).toBeEnabled();
    await tabTo(patricia, patricia.getByRole("textbox", { name: "RUN", exact: true }));
    await patricia.keyboard.type(CAMILA.run);
    await tabTo(patricia, patricia.getByRole("textbox", { name: "Correo institucional", exact: true }));
    await patricia.keyboard.type(CAMILA.address);
    await tabTo(patricia, submit);
    await patricia.keyboard.press("Enter");
    await expect(patricia.getByRole("status").filter({ hasText: "Se agregó a" })).toBeFocused();
    const row = patricia.getByRole("row", { name: /19\.283\.746-4/ });
    await expect(row).toContainText("Aún no ingresa al portal");
    await expect(row).toContainText("Por confirmar");
    await expectAccessible(patricia);
    await patricia.context().close();

    // The confirmation mail: to the address Patricia typed, in Spanish, text and HTML, with its link.
    const confirmation = await waitForMail((m) => m.to.some((t) => t.address === CAMILA.address) && m.subject.includes("Confirme su dirección"));
    expect(confirmation.text).toContain("Municipalidad de Santiago");
    expect(confirmation.html).toContain('lang="es-CL"');
    const link = portalLinkOf(confirmation);
    expect(link).toContain("/correo/confirmar?t=");

    // Camila's first sign-in: the role was waiting for her.
    const camila = await personPage(browser, CAMILA.name, "/cuenta");
    await expect(camila.getByRole("main")).toContainText("Municipalidad de Santiago");
    await expect(camila.getByRole("main")).toContainText("Funcionario/a de institución");
    await expect(camila.getByTestId("correo-MUN-SANTIAGO")).toContainText(CAMILA.address);
    await expectAccessible(camila);

    // The link only shows a button (mail scanners open links); the button confirms, once.
    await camila.goto(link);
    const confirm = camila.getByRole("button", { name: "Confirmar la dirección" });
    await expect(confirm).toBeEnabled();
    await expectAccessible(camila);
    await tabTo(camila, confirm);
    await camila.keyboard.press("Enter");
    await expect(camila.getByRole("status")).toContainText(CAMILA.address);
    await camila.goto("/cuenta");
    await expect(camila.getByTestId("correo-MUN-SANTIAGO")).not.toContainText("Por confirmar");
    await camila.context().close();
  });

  test("3. una solicitud de otra institución llega por correo al Registro Civil, con un enlace que abre la solicitud", async ({ browser }) => {
    const carolina = await personPage(browser, CAROLINA.name, "/cuenta");
    const service = await createSrceiService(carolina, `correo-${suffix}-1`, {}, true);
    const patricia = await personPage(browser, "Patricia González", "/cuenta");
    const request = await sendMunicipalityRequest(patricia, service, ["CPAT-MDSF-0005"]);
    await patricia.context().close();

    const mail = await waitForMail((m) => m.to.some((t) => t.address === CAROLINA.address) && m.subject.includes(request.number));
    expect(mail.text).toContain("Municipalidad de Santiago");
    expect(mail.html).toContain(request.number);
    const link = portalLinkOf(mail);
    expect(link).toContain(`/acuerdos/${request.id}`);
    await carolina.goto(link);
    await expect(carolina.getByRole("heading", { level: 1 })).toContainText(request.number);
    await carolina.context().close();
  });

  test("4. con el resumen diario, las dos solicitudes siguientes llegan juntas en un solo correo", async ({ browser }) => {
    const carolina = await personPage(browser, CAROLINA.name, "/cuenta");
    const region = carolina.getByRole("region", { name: /Registro Civil/ });
    await region.getByRole("radio", { name: "Cada aviso al momento" }).focus();
    await carolina.keyboard.press("ArrowDown");
    await expect(region.getByRole("radio", { name: "Un resumen diario" })).toBeChecked();
    await carolina.keyboard.press("Tab");
    await carolina.keyboard.press("Enter");
    await expect(carolina.getByTestId("modo-SRCEI")).toHaveText("Un resumen diario");

    const services = [await createSrceiService(carolina, `correo-${suffix}-2`, {}, true), await createSrceiService(carolina, `correo-${suffix}-3`, {}, true)];
    const patricia = await personPage(browser, "Patricia González", "/cuenta");
    const requests = [await sendMunicipalityRequest(patricia, services[0]!, ["CPAT-MDSF-0005"]), await sendMunicipalityRequest(patricia, services[1]!, ["CPAT-MDSF-0005"])];
    await patricia.context().close();

    // Held: no mail of its own for either, while the immediate ones of other members go out.
    await waitForMail((m) => m.to.some((t) => t.address === "jorge.rojas@registrocivil.gob.cl") && m.subject.includes(requests[1]!.number));
    const own = (mails: CaughtMail[]) => mails.filter((m) => requests.some((r) => m.subject.includes(r.number)));
    expect(own(await mailsTo(CAROLINA.address))).toEqual([]);

    // The platform team runs the digest now, from the console, with the keyboard.
    const matias = await personPage(browser, "Matías Tapia", "/admin");
    const run = matias.getByRole("button", { name: /^Ejecutar ahora\s*: Correo: el resumen diario/ });
    await expect(run).toBeEnabled();
    await tabTo(matias, run, 200);
    await matias.keyboard.press("Enter");
    await expect(matias.getByRole("status").filter({ hasText: "Trabajo encolado" })).toBeVisible();
    await matias.context().close();

    const digest = await waitForMail((m) => m.to.some((t) => t.address === CAROLINA.address) && m.subject.startsWith("Resumen diario") && requests.every((r) => m.text.includes(r.number)), 60_000);
    expect(digest.html).toContain(requests[0]!.number);
    expect(own(await mailsTo(CAROLINA.address)).filter((m) => !m.subject.startsWith("Resumen diario"))).toEqual([]);

    // Back to immediate mail, for the specs that follow.
    await carolina.reload();
    await region.getByRole("radio", { name: "Un resumen diario" }).focus();
    await carolina.keyboard.press("ArrowUp");
    await carolina.keyboard.press("Tab");
    await carolina.keyboard.press("Enter");
    await expect(carolina.getByTestId("modo-SRCEI")).toHaveText("Cada aviso al momento");
    await carolina.context().close();
  });
});
