import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../scripts/lib/postgres";
import { ensureDemoAgreement, startDemoNetwork, type DemoNetwork } from "../scripts/lib/demo-network";
import { expect, signInAs, test } from "./support/fixtures";

/**
 * Real processes on loopback: the portal (started by the global setup), two node-agent processes
 * registered through the portal with one-time tokens, and a provider backend. The consumer here
 * is MDSF; the agreement in force is made in the database as if both heads had signed.
 */
test.describe("intercambio entre nodos (procesos reales)", () => {
  let net: DemoNetwork;
  let root: string;
  const SERVICE = "SRCEI/identidad/v1";

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    await ensureDemoAgreement(process.env.E2E_DATABASE_URL!, "MDSF", SERVICE);
    root = fs.mkdtempSync(path.join(os.tmpdir(), "pisee-e2e-nodes-"));
    net = await startDemoNetwork({
      portalUrl: process.env.E2E_BASE_URL!,
      databaseUrl: process.env.E2E_DATABASE_URL!,
      dataRoot: root,
      backendPort: await freePort(),
      services: [SERVICE],
      refreshSeconds: 1,
      nodes: [
        { id: "SRCEI/nodo-e2e", role: "provider", localPort: await freePort(), networkPort: await freePort() },
        { id: "MDSF/nodo-e2e", role: "consumer", localPort: await freePort(), networkPort: await freePort() },
      ],
      log: () => {},
    });
  });

  test.afterAll(async () => {
    await net?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test("una consulta del ministerio llega al Registro Civil y vuelve verificada", async ({ request }) => {
    const rid = crypto.randomUUID();
    const r = await request.get(`${net.consumerLocalUrl}/r1/${SERVICE}/certificados/12345678-5`, { headers: { "Pisee-Request-Id": rid, "Pisee-Procedure": "CPAT-MDSF-0005" } });
    expect(r.status()).toBe(200);
    expect(r.headers()["pisee-request-id"]).toBe(rid);
    const body = await r.json();
    expect(body).toMatchObject({ run: "12345678-5", solicitadoPor: "MDSF", tramite: "CPAT-MDSF-0005", idSolicitud: rid });
  });

  test("sin acuerdo: el nodo consumidor lo dice con su código", async ({ request }) => {
    const r = await request.get(`${net.consumerLocalUrl}/r1/SRCEI/certificado-nacimiento/v1/certificados/12345678-5`);
    expect(r.status()).toBe(403);
    expect(r.headers()["pisee-error"]).toBe("consumer.no_agreement");
  });

  test("cualquier mensaje que no autentica recibe el mismo 401 del nodo proveedor", async ({ request }) => {
    const status = await (await request.get(`${net.providerLocalUrl}/status`)).json();
    expect(status.config.state).toBe("valid");
    const config = await (await request.get(`${process.env.E2E_BASE_URL}/api/v1/network-config?env=dev`)).text();
    const payload = JSON.parse(Buffer.from(config.split(".")[1]!, "base64url").toString("utf8"));
    const provider = payload.nodes.find((n: { id: string }) => n.id === "SRCEI/nodo-e2e");
    expect(provider.jwks.keys.map((k: { use: string }) => k.use).sort()).toEqual(["enc", "sig"]);
    const junk = await request.post(`${provider.url}/v1/exchange`, { headers: { "content-type": "application/jose" }, data: "a.b.c.d.e" });
    expect(junk.status()).toBe(401);
    expect(junk.headers()["pisee-error"]).toBe("provider.unauthenticated");
  });

  test("métricas y salud del nodo", async ({ request }) => {
    const health = await request.get(`${net.consumerLocalUrl}/health`);
    expect(health.status()).toBe(200);
    const metrics = await (await request.get(`${net.consumerLocalUrl}/metrics`)).text();
    expect(metrics).toMatch(/pisee_exchanges_total\{role="consumer",outcome="ok",code=""\} [1-9]/);
    expect(metrics).toContain("pisee_config_age_seconds");
  });

  test("un acuerdo suspendido en el portal deja de permitir el intercambio tras la siguiente actualización", async ({ page, request }) => {
    test.setTimeout(90_000);
    const url = `${net.consumerLocalUrl}/r1/${SERVICE}/certificados/12345678-5`;
    expect((await request.get(url)).status()).toBe(200);
    await signInAs(page, "Rodrigo Sepúlveda", "/cuenta");
    await expect(page.getByText("17.654.321-3")).toBeVisible();
    const origin = new URL(page.url()).origin;
    const list = await page.request.get(`/api/v1/agreements?institution=MDSF&direction=outgoing&status=VIGENTE&environment=dev&pageSize=100`);
    expect(list.status()).toBe(200);
    const agreement = (await list.json()).data.find((a: { service: { id: string } }) => a.service.id === SERVICE);
    expect(agreement).toBeTruthy();
    const transition = (action: string, reason: string) =>
      page.request.post(`/api/v1/agreements/${agreement.id}/transitions`, { headers: { Origin: origin, "Content-Type": "application/json" }, data: { action, reason } });

    expect((await transition("suspend", "Prueba de suspensión desde el portal")).status()).toBe(200);
    // The portal publishes a new configuration version; the consumer node refuses once it has it.
    await expect
      .poll(async () => (await request.get(url)).headers()["pisee-error"] ?? "ok", { timeout: 20_000, intervals: [500] })
      .toBe("consumer.no_agreement");

    expect((await transition("resume", "Fin de la prueba")).status()).toBe(200);
    await expect.poll(async () => (await request.get(url)).status(), { timeout: 20_000, intervals: [500] }).toBe(200);
  });

  test("más solicitudes por segundo que las que concede el acuerdo: 429 del nodo proveedor", async ({ request }) => {
    // The agreement grants 20 TPS (a token bucket of 20): 80 at once cannot all pass.
    const answers = await Promise.all(
      Array.from({ length: 80 }, () => request.get(`${net.consumerLocalUrl}/r1/${SERVICE}/certificados/12345678-5`)),
    );
    const statuses = answers.map((r) => r.status());
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    const limited = answers.filter((r) => r.status() === 429);
    expect(limited.length).toBeGreaterThanOrEqual(20);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    for (const r of limited) expect(r.headers()["pisee-error"]).toBe("provider.rate_limited");
  });

  test("el sistema del proveedor caído: 502 con el código del nodo proveedor", async ({ request }) => {
    await net.stopBackend();
    const r = await request.get(`${net.consumerLocalUrl}/r1/${SERVICE}/certificados/12345678-5`);
    expect(r.status()).toBe(502);
    expect(r.headers()["pisee-error"]).toBe("provider.backend_unreachable");
  });
});
