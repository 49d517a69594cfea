import { createPublicKey, generateKeyPairSync } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { calculateJwkThumbprint, exportJWK, type JWK } from "jose";
import { expect, expectAccessible, personPage, test } from "./support/fixtures";

/**
 * Node screens, end to end: an administrator registers a node and gets its one-time token (shown
 * once), the test plays the node (generates its keys and presents them with the token, as
 * `node-agent register` does), rotates its keys and revokes it, checking the signed network
 * configuration at each step; staff only read; another institution finds nothing.
 */

const stamp = Date.now().toString(36);
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Forms work once React has hydrated them: their button is enabled from then on. */
async function ready(page: Page, button: string) {
  await expect(page.getByRole("button", { name: button, exact: true })).toBeEnabled();
}

type PublicKeyJwk = JWK & { kid: string; use: "sig" | "enc"; alg: string };

/**
 * What a node presents: one P-256 key to sign (ES256) and one to encrypt (ECDH-ES+A256KW), public
 * parts only, each `kid` its RFC 7638 thumbprint. Generated as DER and imported again (exporting a
 * freshly generated KeyObject as JWK can hang on Node 20).
 */
async function nodeKeys(): Promise<PublicKeyJwk[]> {
  const keys: PublicKeyJwk[] = [];
  for (const use of ["sig", "enc"] as const) {
    const { publicKey } = generateKeyPairSync("ec", {
      namedCurve: "P-256",
      publicKeyEncoding: { type: "spki", format: "der" },
      privateKeyEncoding: { type: "pkcs8", format: "der" },
    });
    const jwk = await exportJWK(createPublicKey({ key: publicKey, format: "der", type: "spki" }));
    const kid = await calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, "sha256");
    keys.push({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, kid, use, alg: use === "sig" ? "ES256" : "ECDH-ES+A256KW" });
  }
  return keys;
}

/** The node's side: POSTs its token and public keys, with no session (as `node-agent register` does). */
async function presentKeys(request: APIRequestContext, path: "register" | "rotate-keys", token: string, keys: PublicKeyJwk[]) {
  const res = await request.post(`/api/v1/nodes/${path}`, { data: { token, jwks: { keys } } });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as { nodeId: string; environment: string; networkConfigUrl: string; kids: string[] };
}

/** The signed configuration of an environment, its payload decoded (the signature is the node-agent's business). */
async function networkConfig(request: APIRequestContext, env: "dev" | "prod") {
  const res = await request.get(`/api/v1/network-config?env=${env}`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/jose");
  const [, payload] = (await res.text()).split(".");
  return JSON.parse(Buffer.from(payload!, "base64url").toString("utf8")) as { env: string; nodes: { id: string; url: string; jwks: { keys: { kid: string; use: string }[] } }[] };
}

const status = (page: Page, label: string) => page.getByRole("main").locator("header").getByText(`Estado: ${label}`, { exact: true });

test.describe.configure({ mode: "serial" });

test.describe("Nodos", () => {
  test("la administradora registra un nodo, ve su token una sola vez; el nodo se registra, rota sus claves y se revoca", async ({ browser, request }) => {
    const name = `nodo-e2e-${stamp}`;
    const nodeId = `SRCEI/${name}`;
    const carolina = await personPage(browser, "Carolina Muñoz", "/institucion/SRCEI");
    await carolina.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    const card = carolina.getByRole("region", { name: "Nodos" });
    await expect(card).toContainText("Activos en desarrollo:");
    await expect(card).toContainText("Activos en producción:");
    await card.getByRole("link", { name: "Ver nodos" }).click();

    // The list, grouped by environment, with the admin's button.
    await expect(carolina).toHaveURL(/\/institucion\/SRCEI\/nodos$/);
    await expect(carolina.getByRole("heading", { level: 1, name: "Nodos" })).toBeVisible();
    await expect(carolina.getByRole("heading", { level: 2, name: "Desarrollo" })).toBeVisible();
    await expect(carolina.getByRole("heading", { level: 2, name: "Producción" })).toBeVisible();
    await expect(carolina.getByRole("link", { name: "Descargar el ancla de confianza (anchor.json)" })).toHaveAttribute("download", "anchor.json");
    await expectAccessible(carolina);
    await carolina.getByRole("link", { name: "Registrar un nodo" }).click();

    // The form: its own rules first (empty fields; production over http), in the summary.
    await expect(carolina).toHaveURL(/\/institucion\/SRCEI\/nodos\/nuevo$/);
    await expect(carolina.getByRole("heading", { level: 1, name: "Registrar un nodo" })).toBeVisible();
    await ready(carolina, "Registrar el nodo");
    await expect(carolina.getByRole("radio", { name: "Desarrollo" })).toBeChecked();
    await expectAccessible(carolina);
    await carolina.getByRole("button", { name: "Registrar el nodo" }).click();
    const summary = carolina.getByRole("alert").filter({ hasText: "Hay problemas con los datos ingresados" });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("Nombre del nodo: Complete este campo.");
    await expect(summary).toContainText("URL de red del nodo: Complete este campo.");
    await expect(carolina.getByLabel("Nombre del nodo")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(carolina);

    await carolina.getByLabel("Nombre del nodo").fill("Nodo Uno");
    await carolina.getByRole("radio", { name: "Producción" }).check();
    await carolina.getByLabel("URL de red del nodo").fill("http://127.0.0.1:9");
    await carolina.getByRole("button", { name: "Registrar el nodo" }).click();
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("Nombre del nodo: Nombre inválido");
    await expect(summary).toContainText("En producción la URL del nodo debe usar https://");
    await summary.getByRole("link", { name: /En producción la URL del nodo/ }).click();
    await expect(carolina.getByLabel("URL de red del nodo")).toBeFocused();

    // "nuevo" is this form's own address, so no node may take it.
    await carolina.getByLabel("Nombre del nodo").fill("nuevo");
    await carolina.getByRole("radio", { name: "Desarrollo" }).check();
    await carolina.getByRole("button", { name: "Registrar el nodo" }).click();
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("Nombre del nodo: «nuevo» es un nombre reservado");

    // Registered in development: the token, once.
    await carolina.getByLabel("Nombre del nodo").fill(name);
    await carolina.getByRole("button", { name: "Registrar el nodo" }).click();
    const panel = carolina.getByRole("region", { name: `Token de registro de ${nodeId}` });
    // The notice takes the focus: what happened, then the token below.
    await expect(carolina.getByRole("status").filter({ hasText: "Se dio de alta el nodo" })).toBeFocused();
    await expect(carolina.getByRole("status").filter({ hasText: "Se dio de alta el nodo" })).toContainText(`${nodeId} quedó pendiente de registro en desarrollo`);
    await expect(panel).toContainText("Este token se muestra una sola vez.");
    await expect(panel).toContainText(/Válido hasta el .+ \(24 horas\) y para un solo uso/);
    let token = await panel.getByLabel("Token de registro").inputValue();
    expect(token).toMatch(TOKEN);
    await panel.getByRole("button", { name: "Copiar el token" }).click();
    await expect(panel.getByRole("status")).toHaveText("Se copió el token al portapapeles.");
    expect(await carolina.evaluate(() => navigator.clipboard.readText())).toBe(token);

    const steps = carolina.getByRole("region", { name: "Instale el nodo en el servidor de la institución" });
    await expect(steps.getByRole("link", { name: "Descargar el ancla de confianza (anchor.json)" })).toHaveAttribute("href", "/api/v1/network-config/anchor");
    await expect(steps.getByRole("link", { name: "Descargar el ancla de confianza (anchor.json)" })).toHaveAttribute("download", "anchor.json");
    const commands = steps.getByRole("region", { name: "Comandos de instalación del nodo" });
    await expect(commands).toHaveText(
      [
        "node-agent init --data ./datos --anchor anchor.json",
        `node-agent register --portal ${process.env.E2E_BASE_URL} --token ${token} --data ./datos`,
        "node-agent start --config node-agent.json",
      ].join("\n"),
    );
    await expect(steps.getByRole("region", { name: "Ejemplo de node-agent.json" })).toContainText('"environment": "dev"');
    await expectAccessible(carolina);

    // The anchor is what node-agent init takes: the portal's configuration keys, public only.
    const anchor = (await (await request.get("/api/v1/network-config/anchor")).json()) as { keys: Record<string, unknown>[] };
    expect(anchor.keys.length).toBeGreaterThan(0);
    for (const k of anchor.keys) expect(k).not.toHaveProperty("d");

    // Reloading: the form again, the token nowhere.
    await carolina.reload();
    await expect(carolina.getByRole("heading", { level: 1, name: "Registrar un nodo" })).toBeVisible();
    await expect(carolina.getByLabel("Nombre del nodo")).toHaveValue("");
    expect(await carolina.content()).not.toContain(token);

    // The node's page while pending: the token's expiry, never the token.
    await carolina.goto(`/institucion/SRCEI/nodos/${name}`);
    await expect(carolina.getByRole("heading", { level: 1, name: `Nodo ${name}` })).toBeVisible();
    await expect(status(carolina, "Pendiente de registro")).toBeVisible();
    await expect(carolina.getByRole("region", { name: "Token pendiente" })).toContainText("Hay un token de registro sin usar, válido hasta el");
    await expect(carolina.getByRole("button", { name: "Rotar claves" })).toHaveCount(0);
    await expect(carolina.getByRole("button", { name: "Revocar" })).toBeVisible();
    expect(await carolina.content()).not.toContain(token);
    await expectAccessible(carolina);

    // The token was lost: a new one, confirmed in a dialog and shown once; the first stops working.
    await carolina.getByRole("button", { name: "Emitir un token de registro nuevo" }).click();
    const reissueDialog = carolina.getByRole("dialog", { name: "¿Emitir un token de registro nuevo?" });
    await expect(reissueDialog).toContainText("El token de registro anterior dejará de servir");
    await expectAccessible(carolina);
    await reissueDialog.getByRole("button", { name: "Sí, emitir el token" }).click();
    const reissuedPanel = carolina.getByRole("region", { name: `Token de registro de ${nodeId}` });
    await expect(reissuedPanel).toContainText("Este token se muestra una sola vez.");
    const lostToken = token;
    token = await reissuedPanel.getByLabel("Token de registro").inputValue();
    expect(token).toMatch(TOKEN);
    expect(token).not.toBe(lostToken);
    const lost = await request.post("/api/v1/nodes/register", { data: { token: lostToken, jwks: { keys: await nodeKeys() } } });
    expect(lost.status()).toBe(401);

    // The test plays the node: it presents its keys with the token (once).
    const first = await nodeKeys();
    const registered = await presentKeys(request, "register", token, first);
    expect(registered.nodeId).toBe(nodeId);
    expect(registered.environment).toBe("dev");
    expect(registered.kids).toEqual(first.map((k) => k.kid));
    const reused = await request.post("/api/v1/nodes/register", { data: { token, jwks: { keys: await nodeKeys() } } });
    expect(reused.status()).toBe(401);

    await carolina.reload();
    await expect(status(carolina, "Activo")).toBeVisible();
    const keysRegion = carolina.getByRole("region", { name: "Claves públicas" });
    for (const k of first) await expect(keysRegion.getByRole("row").filter({ hasText: k.kid })).toContainText("Vigente");
    await expect(carolina.getByRole("region", { name: "Token pendiente" })).toContainText("No hay tokens pendientes.");
    const history = carolina.getByRole("list", { name: "Historial" }).getByRole("listitem");
    await expect(history).toHaveCount(2);
    await expect(history.nth(0)).toContainText("Alta en el portal");
    await expect(history.nth(1)).toContainText("Registro del nodo");
    await expectAccessible(carolina);

    let config = await networkConfig(request, "dev");
    const listed = config.nodes.find((n) => n.id === nodeId);
    expect(listed, "el nodo figura en la configuración de desarrollo").toBeTruthy();
    expect(listed!.url).toBe("http://127.0.0.1:9");
    expect(listed!.jwks.keys.map((k) => k.kid).sort()).toEqual(first.map((k) => k.kid).sort());
    expect((await networkConfig(request, "prod")).nodes.some((n) => n.id === nodeId)).toBe(false);

    // Key rotation: confirmed in a dialog; the rotation token, once, with its command.
    const rotate = carolina.getByRole("button", { name: "Rotar claves" });
    await rotate.click();
    const rotateDialog = carolina.getByRole("dialog", { name: "¿Rotar las claves del nodo?" });
    await expect(rotateDialog).toContainText("una hora más");
    await expect(rotateDialog.getByRole("button", { name: "Cancelar" })).toBeFocused();
    await expectAccessible(carolina);
    await rotateDialog.getByRole("button", { name: "Sí, emitir el token" }).click();
    await expect(rotateDialog).toBeHidden();
    const rotationPanel = carolina.getByRole("region", { name: `Token de rotación de claves de ${nodeId}` });
    await expect(carolina.getByRole("status").filter({ hasText: "Se emitió un token de rotación de claves" })).toBeFocused();
    await expect(rotationPanel).toContainText("Este token se muestra una sola vez.");
    const rotationToken = await rotationPanel.getByLabel("Token de rotación de claves").inputValue();
    expect(rotationToken).toMatch(TOKEN);
    expect(rotationToken).not.toBe(token);
    await expect(carolina.getByRole("region", { name: "Comando de rotación de claves" })).toHaveText(
      `node-agent register --rotate --portal ${process.env.E2E_BASE_URL} --token ${rotationToken} --data ./datos`,
    );
    await expect(carolina.getByRole("region", { name: "Token pendiente" })).toContainText("Hay un token de rotación de claves sin usar");
    await expectAccessible(carolina);

    const second = await nodeKeys();
    await presentKeys(request, "rotate-keys", rotationToken, second);
    await carolina.reload();
    await expect(carolina.getByRole("region", { name: `Token de rotación de claves de ${nodeId}` })).toHaveCount(0);
    expect(await carolina.content()).not.toContain(rotationToken);
    for (const k of second) await expect(keysRegion.getByRole("row").filter({ hasText: k.kid })).toContainText("Vigente");
    for (const k of first) await expect(keysRegion.getByRole("row").filter({ hasText: k.kid })).toContainText(/En retiro hasta el/);
    await expect(history.filter({ hasText: "Rotación de claves" })).toHaveCount(1);
    await expectAccessible(carolina);

    config = await networkConfig(request, "dev");
    expect(config.nodes.find((n) => n.id === nodeId)!.jwks.keys.map((k) => k.kid).sort()).toEqual([...first, ...second].map((k) => k.kid).sort());

    // The list: active, current keys abbreviated (whole in the title), the old ones counted.
    await carolina.goto("/institucion/SRCEI/nodos");
    const row = carolina.getByRole("table", { name: /Nodos de desarrollo/ }).getByRole("row", { name: new RegExp(name) });
    await expect(row).toContainText("Activo");
    await expect(row).toContainText("http://127.0.0.1:9");
    await expect(row).toContainText("2 claves anteriores en retiro");
    for (const k of second) await expect(row.locator(`code[title="${k.kid}"]`)).toContainText(k.kid.slice(0, 10));
    await expectAccessible(carolina);

    // Revocation: a reason is required; Escape closes the dialog and gives the focus back.
    await row.getByRole("link", { name }).click();
    const revoke = carolina.getByRole("button", { name: "Revocar" });
    await revoke.click();
    const revokeDialog = carolina.getByRole("dialog", { name: "¿Revocar el nodo?" });
    await expect(revokeDialog).toContainText("saldrá de la configuración de la red");
    await expect(revokeDialog.getByLabel("Motivo")).toBeFocused();
    await carolina.keyboard.press("Escape");
    await expect(revokeDialog).toBeHidden();
    await expect(revoke).toBeFocused();
    await revoke.click();
    await revokeDialog.getByRole("button", { name: "Sí, revocar" }).click();
    await expect(revokeDialog.getByRole("alert")).toContainText("Motivo: Indique el motivo de la revocación.");
    await expect(revokeDialog.getByLabel("Motivo")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(carolina);
    await revokeDialog.getByLabel("Motivo").fill("Servidor de pruebas dado de baja.");
    await revokeDialog.getByRole("button", { name: "Sí, revocar" }).click();
    await expect(revokeDialog).toBeHidden();
    await expect(carolina.getByText("Se revocó el nodo.")).toBeVisible();
    await expect(status(carolina, "Revocado")).toBeVisible();
    await expect(carolina.getByRole("group", { name: "Acciones sobre el nodo" })).toHaveCount(0);
    const revoked = history.filter({ hasText: "Revocación" });
    await expect(revoked).toContainText("Motivo: Servidor de pruebas dado de baja.");
    await expectAccessible(carolina);

    config = await networkConfig(request, "dev");
    expect(config.nodes.some((n) => n.id === nodeId), "el nodo revocado sale de la configuración").toBe(false);
  });

  test("el funcionario solo lee; otra institución no encuentra los nodos; sin sesión se pide ingresar", async ({ browser, page }) => {
    // A pending node, registered by the administrator through the API.
    const name = `nodo-lectura-${stamp}`;
    const carolina = await personPage(browser, "Carolina Muñoz", "/institucion/SRCEI/nodos");
    const created = await carolina.request.post("/api/v1/nodes", {
      headers: { Origin: new URL(carolina.url()).origin, "Content-Type": "application/json" },
      data: { institution: "SRCEI", name, environment: "prod", baseUrl: "https://nodo-lectura.srcei.example" },
    });
    expect(created.status(), await created.text()).toBe(201);
    const duplicate = await carolina.request.post("/api/v1/nodes", {
      headers: { Origin: new URL(carolina.url()).origin, "Content-Type": "application/json" },
      data: { institution: "SRCEI", name, environment: "prod", baseUrl: "https://nodo-lectura.srcei.example" },
    });
    expect(duplicate.status()).toBe(409);

    // The same name again through the form: the conflict lands on the name field.
    await carolina.goto("/institucion/SRCEI/nodos/nuevo");
    await ready(carolina, "Registrar el nodo");
    await carolina.getByLabel("Nombre del nodo").fill(name);
    await carolina.getByRole("radio", { name: "Producción" }).check();
    await carolina.getByLabel("URL de red del nodo").fill("https://otro.srcei.example");
    await carolina.getByRole("button", { name: "Registrar el nodo" }).click();
    const conflict = carolina.getByRole("alert").filter({ hasText: "No se pudo registrar el nodo" });
    await expect(conflict).toBeFocused();
    await expect(conflict).toContainText(`Ya existe el nodo SRCEI/${name}.`);
    await expect(carolina.getByLabel("Nombre del nodo")).toHaveAttribute("aria-invalid", "true");

    // SRCEI staff: the list and the node, no admin controls.
    const jorge = await personPage(browser, "Jorge Rojas", "/institucion/SRCEI/nodos");
    await expect(jorge.getByText(/^Solo lectura/)).toBeVisible();
    await expect(jorge.getByRole("link", { name: "Registrar un nodo" })).toHaveCount(0);
    const row = jorge.getByRole("table", { name: /Nodos de producción/ }).getByRole("row", { name: new RegExp(name) });
    await expect(row).toContainText("Pendiente de registro");
    await expect(row).toContainText("Aún no presenta claves");
    await expectAccessible(jorge);
    await row.getByRole("link", { name }).click();
    await expect(jorge.getByRole("heading", { level: 1, name: `Nodo ${name}` })).toBeVisible();
    await expect(status(jorge, "Pendiente de registro")).toBeVisible();
    await expect(jorge.getByText(/^Solo lectura: solo un\/a administrador\/a/)).toBeVisible();
    await expect(jorge.getByRole("group", { name: "Acciones sobre el nodo" })).toHaveCount(0);
    for (const button of ["Rotar claves", "Revocar"]) await expect(jorge.getByRole("button", { name: button })).toHaveCount(0);
    await expectAccessible(jorge);
    const form = await jorge.goto("/institucion/SRCEI/nodos/nuevo");
    expect(form?.status()).toBe(404);
    await jorge.goto("/institucion/SRCEI");
    await expect(jorge.getByRole("region", { name: "Nodos" }).getByRole("link", { name: "Registrar un nodo" })).toHaveCount(0);

    // Another institution: nothing there.
    const rodrigo = await personPage(browser, "Rodrigo Sepúlveda", "/cuenta");
    for (const path of ["/institucion/SRCEI/nodos", `/institucion/SRCEI/nodos/${name}`, "/institucion/SRCEI/nodos/nuevo"]) {
      const res = await rodrigo.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(rodrigo.getByRole("heading", { level: 1, name: "Página no encontrada" })).toBeVisible();
      await expect(rodrigo.getByText(name)).toHaveCount(0);
    }
    await expectAccessible(rodrigo);

    // Signed out: sign in first.
    for (const path of ["/institucion/SRCEI/nodos", `/institucion/SRCEI/nodos/${name}`]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/ingresar\?desde=/);
    }
  });
});
