import { expect, type Page } from "@playwright/test";

/** A minimal valid OpenAPI document (a service needs one to be published). */
export const openapiOf = (title: string) => ({
  openapi: "3.1.0",
  info: { title, version: "1.0.0" },
  paths: { "/registros/{run}": { get: { operationId: "obtenerRegistro", summary: "Registro de la persona", parameters: [{ name: "run", in: "path", required: true, schema: { type: "string" } }], responses: { "200": { description: "Respuesta exitosa" } } } } },
});

export const jsonHeaders = (page: Page) => ({ Origin: new URL(page.url()).origin, "Content-Type": "application/json" });

/**
 * A draft service of SRCEI, created through the API with the signed-in administrator's session
 * (its own code, so a test never depends on another's leftovers); published when asked.
 */
export async function createSrceiService(page: Page, code: string, fields: Record<string, unknown> = {}, publish = false): Promise<string> {
  const name = (fields.name as string | undefined) ?? `Servicio de prueba ${code}`;
  const res = await page.request.post("/api/v1/services", {
    headers: jsonHeaders(page),
    data: {
      institution: "SRCEI",
      code,
      name,
      description: "Un servicio de prueba de los recorridos de la interfaz.",
      tps: 5,
      availability: 99,
      approvalPolicy: "MANUAL",
      responsibleRun: "12345678-5",
      environments: ["dev"],
      procedures: ["CPAT-MDSF-0005"],
      inputDataItems: ["SRCEI/run"],
      outputDataItems: ["SRCEI/nombre-completo"],
      openapi: openapiOf(name),
      ...fields,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const id = `SRCEI/${code}/v1`;
  if (publish) {
    const published = await page.request.post(`/api/v1/services/${id}/transitions`, { headers: jsonHeaders(page), data: { action: "publish" } });
    expect(published.status(), await published.text()).toBe(200);
  }
  return id;
}

/** A request of the Municipalidad de Santiago sent through the API (the signed-in admin's session). */
export async function sendMunicipalityRequest(page: Page, service: string, procedures: string[]): Promise<{ id: string; number: string }> {
  const res = await page.request.post("/api/v1/agreements", {
    headers: jsonHeaders(page),
    data: {
      consumer: "MUN-SANTIAGO",
      service,
      environment: "dev",
      type: "PERMANENTE",
      procedures,
      legalBasis: "Ley 18.695, Orgánica Constitucional de Municipalidades, artículo 4.",
      declaredVolume: 500,
      mode: "EN_LINEA",
      requestedTps: 5,
      submit: true,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; number: string };
}
