import { expect, personPage, test } from "./support/fixtures";
import { createSrceiService, jsonHeaders } from "./support/services";

/**
 * Numbers as people in Chile type them (issue 12, point 1): a decimal comma in the availability
 * (ANS) of the service form and of the acceptance dialog ("99,9" was read as 999, "99,5" as 995),
 * dots between thousands in a count ("2.000"), and es-CL in what the fields prefill.
 */

const stamp = Date.now().toString(36);

test("números con coma decimal y puntos de miles: la ficha de un servicio, una solicitud y su aceptación", async ({ browser }) => {
  const code = `numeros-${stamp}`;
  const id = `SRCEI/${code}/v1`;
  const carolina = await personPage(browser, "Carolina Muñoz", "/institucion/SRCEI/servicios");
  await createSrceiService(carolina, code, { name: "Servicio de prueba de números", tps: 1500, availability: 99.9 });

  // The service form: prefilled in es-CL, and "99,5" is 99.5.
  await carolina.goto(`/institucion/SRCEI/servicios/${code}/v1/editar`);
  await expect(carolina.getByRole("button", { name: "Guardar cambios" })).toBeEnabled();
  const availability = carolina.getByLabel("Disponibilidad comprometida (%)");
  const tps = carolina.getByLabel("Transacciones por segundo (TPS)");
  await expect(availability).toHaveValue("99,9");
  await expect(tps).toHaveValue("1.500");
  await availability.fill("");
  await availability.pressSequentially("99,5");
  await tps.fill("");
  await tps.pressSequentially("2.000");
  await carolina.getByRole("button", { name: "Guardar cambios" }).click();
  await expect(carolina).toHaveURL(new RegExp(`/institucion/SRCEI/servicios/${code}/v1\\?aviso=guardado$`));
  const saved = (await (await carolina.request.get(`/api/v1/services/${id}`)).json()) as { availability: number; tps: number };
  expect(saved).toMatchObject({ availability: 99.5, tps: 2000 });

  const published = await carolina.request.post(`/api/v1/services/${id}/transitions`, { headers: jsonHeaders(carolina), data: { action: "publish" } });
  expect(published.status(), await published.text()).toBe(200);

  // A request: the monthly volume with a dot between thousands.
  const rodrigo = await personPage(browser, "Rodrigo Sepúlveda", `/acuerdos/nuevo?servicio=${id}`);
  await expect(rodrigo.getByRole("button", { name: "Enviar solicitud" })).toBeEnabled();
  await rodrigo.getByRole("radio", { name: "Permanente" }).check();
  await rodrigo.getByRole("checkbox", { name: /Registro Social de Hogares/ }).check();
  await rodrigo.getByLabel("Base legal").fill("Ley 20.379, artículo 5: caracterización socioeconómica del Registro Social de Hogares.");
  await rodrigo.getByLabel("Volumen mensual estimado").pressSequentially("2.000");
  await rodrigo.getByRole("button", { name: "Enviar solicitud" }).click();
  await rodrigo.getByRole("dialog", { name: "¿Enviar la solicitud?" }).getByRole("button", { name: "Sí, enviar" }).click();
  await expect(rodrigo).toHaveURL(/\/acuerdos\/[0-9a-f-]{36}/);
  const agreementId = /\/acuerdos\/([0-9a-f-]{36})/.exec(rodrigo.url())![1]!;
  const sent = (await (await rodrigo.request.get(`/api/v1/agreements/${agreementId}`)).json()) as { declaredVolume: number };
  expect(sent.declaredVolume).toBe(2000);

  // Accepting it: the ANS prefilled as "99,5"; "99,9" is 99.9 (it was 999, refused as over 100).
  const takenUp = await carolina.request.post(`/api/v1/agreements/${agreementId}/transitions`, { headers: jsonHeaders(carolina), data: { action: "take_up" } });
  expect(takenUp.status(), await takenUp.text()).toBe(200);
  await carolina.goto(`/acuerdos/${agreementId}`);
  await carolina.getByRole("button", { name: "Aceptar", exact: true }).click();
  const accept = carolina.getByRole("dialog", { name: "¿Aceptar la solicitud?" });
  const ans = accept.getByLabel("Disponibilidad (ANS %)");
  await expect(ans).toHaveValue("99,5");
  await ans.fill("");
  await ans.pressSequentially("99,9");
  await accept.getByRole("button", { name: "Sí, aceptar" }).click();
  await expect(accept).toBeHidden();
  const accepted = (await (await carolina.request.get(`/api/v1/agreements/${agreementId}`)).json()) as { status: string; grantedAvailability: number };
  expect(accepted).toMatchObject({ status: "PENDIENTE_FIRMA", grantedAvailability: 99.9 });
});
