import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { CompactEncrypt, CompactSign, compactDecrypt, compactVerify, generateKeyPair, importJWK, type JWK } from "jose";
import { freePort } from "../scripts/lib/postgres";
import { ensureDemoAgreement, startDemoNetwork, type DemoNetwork } from "../scripts/lib/demo-network";
import type { APIRequestContext } from "@playwright/test";
import { expect, signInAs, test } from "./support/fixtures";

/**
 * Real processes on loopback: the portal (started by the global setup), two node-agent processes
 * registered through the portal with one-time tokens, and a provider backend. The consumer here
 * is MDSF; the agreement in force is made in the database as if both heads had signed.
 */
/** The portal's current network configuration for dev, as the nodes receive it (the JWS's payload). */
async function networkConfig(request: APIRequestContext) {
  const jws = await (await request.get(`${process.env.E2E_BASE_URL}/api/v1/network-config?env=dev`)).text();
  return JSON.parse(Buffer.from(jws.split(".")[1]!, "base64url").toString("utf8"));
}

test.describe("intercambio entre nodos (procesos reales)", () => {
  let net: DemoNetwork;
  let root: string;
  const SERVICE = "SRCEI/identidad/v1";
  /** Its data item is SENSIBLE (health): the configuration marks it sensitive. */
  const SENSITIVE = "SRCEI/discapacidad/v1";
  let backendPort: number;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    await ensureDemoAgreement(process.env.E2E_DATABASE_URL!, "MDSF", SERVICE);
    await ensureDemoAgreement(process.env.E2E_DATABASE_URL!, "MDSF", SENSITIVE);
    backendPort = await freePort();
    root = fs.mkdtempSync(path.join(os.tmpdir(), "pisee-e2e-nodes-"));
    net = await startDemoNetwork({
      portalUrl: process.env.E2E_BASE_URL!,
      databaseUrl: process.env.E2E_DATABASE_URL!,
      dataRoot: root,
      backendPort,
      services: [SERVICE, SENSITIVE],
      refreshSeconds: 1,
      timeouts: { backendMs: 2_000 },
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
    const payload = await networkConfig(request);
    const provider = payload.nodes.find((n: { id: string }) => n.id === "SRCEI/nodo-e2e");
    expect(provider.jwks.keys.map((k: { use: string }) => k.use).sort()).toEqual(["enc", "sig"]);
    const junk = await request.post(`${provider.url}/v1/exchange`, { headers: { "content-type": "application/jose" }, data: "a.b.c.d.e" });
    expect(junk.status()).toBe(401);
    expect(junk.headers()["pisee-error"]).toBe("provider.unauthenticated");
  });

  /**
   * Messages built here with jose, an independent implementation, signed with the consumer's own
   * keys (from its data folder), posted to the real provider process; its answers opened and verified.
   */
  async function messageKit(request: APIRequestContext) {
    const keysOf = (dir: string) => JSON.parse(fs.readFileSync(path.join(root, dir, "keys.json"), "utf8")) as { sig: JWK & { kid: string }; enc: JWK & { kid: string } };
    const consumer = keysOf("MDSF_nodo-e2e");
    const provider = keysOf("SRCEI_nodo-e2e");
    const publicOf = ({ d: _d, ...rest }: JWK) => rest;
    const signKey = await importJWK({ ...consumer.sig, alg: "ES256" }, "ES256");
    const consumerDecrypt = await importJWK({ ...consumer.enc, alg: "ECDH-ES+A256KW" }, "ECDH-ES+A256KW");
    const providerEnc = await importJWK({ ...publicOf(provider.enc), alg: "ECDH-ES+A256KW" }, "ECDH-ES+A256KW");
    const providerSig = await importJWK({ ...publicOf(provider.sig), alg: "ES256" }, "ES256");
    const payload = await networkConfig(request);
    const providerUrl = payload.nodes.find((n: { id: string }) => n.id === "SRCEI/nodo-e2e").url as string;
    const agreementOf = (svc: string) => {
      const agreement = payload.agreements.find((a: { consumer: string; service: string }) => a.consumer === "MDSF" && a.service === svc);
      expect(agreement, `acuerdo vigente para ${svc}`).toBeTruthy();
      return agreement.id as string;
    };

    const text = new TextEncoder();
    const build = async (o: { claims?: Record<string, unknown>; key?: CryptoKey | Uint8Array; apu?: string; apv?: string } = {}) => {
      const now = Math.floor(Date.now() / 1000);
      const claims = {
        iss: "MDSF/nodo-e2e", aud: "SRCEI/nodo-e2e", jti: crypto.randomUUID(), rid: crypto.randomUUID(), iat: now, exp: now + 60,
        env: "dev", svc: SERVICE, agr: agreementOf((o.claims?.svc as string | undefined) ?? SERVICE), proc: "CPAT-MDSF-0005",
        req: { method: "GET", path: "/certificados/12345678-5", query: "", headers: {}, body: "" },
        ...o.claims,
      };
      const jws = await new CompactSign(text.encode(JSON.stringify(claims))).setProtectedHeader({ alg: "ES256", kid: consumer.sig.kid, typ: "pisee-req+jwt" }).sign(o.key ?? signKey);
      return new CompactEncrypt(text.encode(jws))
        .setProtectedHeader({ alg: "ECDH-ES+A256KW", enc: "A256GCM", kid: provider.enc.kid, cty: "JWT" })
        .setKeyManagementParameters({ apu: text.encode(o.apu ?? "MDSF/nodo-e2e"), apv: text.encode(o.apv ?? "SRCEI/nodo-e2e") })
        .encrypt(providerEnc);
    };
    /** Posts a JWE; a 200 is the provider's signed, encrypted answer, opened and verified here. */
    const send = async (jwe: string) => {
      const r = await request.post(`${providerUrl}/v1/exchange`, { headers: { "content-type": "application/jose" }, data: jwe });
      if (r.status() !== 200) return { status: r.status(), code: r.headers()["pisee-error"] ?? null };
      const { plaintext } = await compactDecrypt(await r.text(), consumerDecrypt);
      const { payload: signed } = await compactVerify(new TextDecoder().decode(plaintext), providerSig);
      const answer = JSON.parse(new TextDecoder().decode(signed)) as { res: { status: number }; err?: string };
      return { status: answer.res.status, code: answer.err ?? null };
    };

    return { build, send };
  }

  test("mensajes fabricados contra el nodo proveedor real: cada regla de §3.3 con su estado y código", async ({ request }) => {
    const { build, send } = await messageKit(request);
    expect(await send(await build())).toEqual({ status: 200, code: null });
    const good = await build();
    const segments = good.split(".");
    const c = segments[3]!; // one character in the middle of the ciphertext: GCM's tag no longer matches
    segments[3] = `${c.slice(0, 10)}${c[10] === "A" ? "B" : "A"}${c.slice(11)}`;
    expect(await send(segments.join(".")), "texto cifrado alterado").toEqual({ status: 401, code: "provider.unauthenticated" });
    expect(await send(await build({ apv: "SRCEI/otro-nodo" })), "dirigido a otro nodo").toEqual({ status: 401, code: "provider.unauthenticated" });
    const forger = (await generateKeyPair("ES256")).privateKey;
    expect(await send(await build({ key: forger })), "firma falsificada con el kid del consumidor").toEqual({ status: 401, code: "provider.unauthenticated" });
    expect(await send(await build({ apu: "MDSF/desconocido", claims: { iss: "MDSF/desconocido" } })), "nodo consumidor desconocido").toEqual({ status: 401, code: "provider.unauthenticated" });
    const once = await build();
    expect(await send(once)).toEqual({ status: 200, code: null });
    expect(await send(once), "repetido").toEqual({ status: 401, code: "provider.replay_detected" });
    const rid = crypto.randomUUID();
    expect(await send(await build({ claims: { rid } }))).toEqual({ status: 200, code: null });
    expect(await send(await build({ claims: { rid } })), "reintento: mismo rid, jti nuevo").toEqual({ status: 200, code: null });
    const past = Math.floor(Date.now() / 1000) - 600;
    expect(await send(await build({ claims: { iat: past, exp: past + 60 } })), "vencido").toEqual({ status: 401, code: "provider.expired" });
    expect(await send(await build({ claims: { aud: "SRCEI/otro-nodo" } })), "otra audiencia").toEqual({ status: 403, code: "provider.access_denied" });
    // §3.3 step 2a: once authenticated, claims of another form are refused inside the signed answer.
    expect(await send(await build({ claims: { jti: `${crypto.randomUUID()}\nfalso` } })), "jti con salto de línea").toEqual({ status: 400, code: "provider.malformed" });
    expect(await send(await build({ claims: { proc: "P".repeat(129) } })), "trámite de más de 128 caracteres").toEqual({ status: 400, code: "provider.malformed" });
  });

  test("servicio sensible sin consentimiento: lo exigen el nodo consumidor y el proveedor", async ({ request }) => {
    const payload = await networkConfig(request);
    expect(payload.services.find((s: { id: string }) => s.id === SENSITIVE)?.sensitive).toBe(true);
    const url = `${net.consumerLocalUrl}/r1/${SENSITIVE}/discapacidad/12345678-5`;
    const viaConsumer = await request.get(url, { headers: { "Pisee-Subject": "12.345.678-5", "Pisee-Procedure": "CPAT-MDSF-0005" } });
    expect(viaConsumer.status()).toBe(403);
    expect(viaConsumer.headers()["pisee-error"]).toBe("consumer.consent_required");
    // A message that skips the consumer node's check: the provider refuses it on its own.
    const { build, send } = await messageKit(request);
    const direct = await build({ claims: { svc: SENSITIVE, sub: "12345678-5", req: { method: "GET", path: "/discapacidad/12345678-5", query: "", headers: {}, body: "" } } });
    expect(await send(direct)).toEqual({ status: 403, code: "provider.consent_required" });
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

  test("el sistema del proveedor no contesta a tiempo: 504 con el código del nodo proveedor", async ({ request }) => {
    await net.stopBackend();
    // On the backend's port, a server that accepts the request and never answers (the node waits 2 s).
    const silent = http.createServer(() => {});
    await new Promise<void>((r) => silent.listen(backendPort, "127.0.0.1", r));
    try {
      const r = await request.get(`${net.consumerLocalUrl}/r1/${SERVICE}/certificados/12345678-5`);
      expect(r.status()).toBe(504);
      expect(r.headers()["pisee-error"]).toBe("provider.backend_timeout");
    } finally {
      silent.closeAllConnections();
      await new Promise((r) => silent.close(r));
    }
  });
});
