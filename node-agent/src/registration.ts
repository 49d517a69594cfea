import fs from "node:fs";
import path from "node:path";
import type { KeyObject } from "node:crypto";
import { request } from "undici";
import { importPublicJwk, type KeyPair } from "./crypto/suite.ts";
import { loadKeys, publicJwks } from "./keystore.ts";
import { readJsonFile, writeJsonFile } from "./files.ts";

/** What the portal answered at registration (dataDir/registration.json). */
export type Registration = { nodeId: string; environment: "dev" | "prod"; networkConfigUrl: string; tracesUrl: string; kids: string[] };

const REGISTRATION = "registration.json";
const ANCHOR = "anchor.json";

/**
 * The anchor's keys: public ES256 `sig` keys of the portal's configuration, never its consent keys
 * (a consent key in the anchor would let whoever holds it sign the network's configuration).
 */
function anchorKeys(anchor: unknown): { kid: string; key: KeyObject }[] {
  const keys = (anchor as { keys?: unknown[] } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0) throw new Error("El ancla debe ser un JWKS con las claves de configuración del portal.");
  return keys.map((k) => {
    const purpose = (k as { purpose?: unknown } | null)?.purpose;
    if (purpose === "consent") {
      const kid = String((k as { kid?: unknown }).kid ?? "");
      throw new Error(`El ancla solo admite claves de configuración del portal: la clave ${kid} es de consentimientos (purpose: consent). Descargue de nuevo el ancla desde el portal.`);
    }
    if (purpose !== undefined && purpose !== "config") throw new Error(`El ancla solo admite claves de configuración del portal (purpose: config), no ${JSON.stringify(purpose)}.`);
    return importPublicJwk(k, "sig"); // refuses private material, wrong curve or kid
  });
}

export function writeAnchor(dataDir: string, anchor: unknown): number {
  const keys = (anchor as { keys: unknown[] }).keys;
  anchorKeys(anchor);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeJsonFile(path.join(dataDir, ANCHOR), { keys });
  return keys.length;
}

/** The trust anchor: the portal's configuration keys, given at install (PROTOCOL.md §2). */
export function loadAnchor(dataDir: string): Map<string, KeyObject> {
  const file = path.join(dataDir, ANCHOR);
  if (!fs.existsSync(file)) throw new Error(`No hay ancla de confianza en ${dataDir}: ejecute "node-agent init --anchor archivo.json".`);
  try {
    return new Map(anchorKeys(readJsonFile<unknown>(file)).map(({ kid, key }) => [kid, key]));
  } catch (err) {
    throw new Error(`Ancla de confianza inválida en ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function loadRegistration(dataDir: string): Registration {
  const file = path.join(dataDir, REGISTRATION);
  if (!fs.existsSync(file)) throw new Error(`El nodo no está registrado: ejecute "node-agent register --portal URL --token T".`);
  return readJsonFile<Registration>(file);
}

/** Presents the one-time token and the node's public keys to the portal (`rotate` for a key rotation). */
export async function registerWithPortal(opts: { portalUrl: string; token: string; dataDir: string; rotate?: boolean; keys?: { sig: KeyPair; enc: KeyPair } }): Promise<Registration> {
  const keys = opts.keys ?? loadKeys(opts.dataDir);
  const r = await request(`${opts.portalUrl.replace(/\/+$/, "")}/api/v1/nodes/${opts.rotate ? "rotate-keys" : "register"}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token: opts.token, jwks: publicJwks(keys) }),
    headersTimeout: 15_000,
    bodyTimeout: 15_000,
  });
  const body = (await r.body.json()) as Registration & { error?: { code: string; message: string } };
  if (r.statusCode !== 200) throw new Error(`El portal rechazó el registro (${r.statusCode}): ${body.error?.message ?? "sin detalle"}`);
  writeJsonFile(path.join(opts.dataDir, REGISTRATION), body);
  return body;
}
