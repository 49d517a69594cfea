#!/usr/bin/env node
// Command line entry point of the ClaveÚnica emulator (development only).
import { parseArgs } from "node:util";
import { resolve } from "node:path";

import { startEmulator } from "./index.mjs";

const USAGE = `Uso: claveunica-emulator [opciones]

  --port <n>                        puerto (por omisión 4010; env CLAVEUNICA_PORT)
  --host <ip>                       interfaz (por omisión 127.0.0.1)
  --client-id <id>                  env CLAVEUNICA_CLIENT_ID
  --client-secret <secreto>         env CLAVEUNICA_CLIENT_SECRET
  --redirect-uri <url>              repetible; env CLAVEUNICA_REDIRECT_URI (separadas por coma)
  --post-logout-redirect-uri <url>  repetible; env CLAVEUNICA_POST_LOGOUT_REDIRECT_URI (separadas por coma)
  --persons <archivo.json>          personas de prueba (por omisión persons.json)
  --pkce-optional                   el cliente puede omitir PKCE (para un portal con
                                    CLAVEUNICA_PKCE=off); env CLAVEUNICA_PKCE=off
  -h, --help                        esta ayuda`;

function list(values, envValue) {
  if (values?.length) return values;
  return (envValue ?? "").split(",").map((value) => value.trim()).filter(Boolean);
}

function fail(message) {
  process.stderr.write(`claveunica-emulator: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

let args;
try {
  ({ values: args } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string", default: "127.0.0.1" },
      "client-id": { type: "string" },
      "client-secret": { type: "string" },
      "redirect-uri": { type: "string", multiple: true },
      "post-logout-redirect-uri": { type: "string", multiple: true },
      persons: { type: "string" },
      "pkce-optional": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  fail(error.message);
}

if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const { env } = process;
const portText = args.port ?? env.CLAVEUNICA_PORT ?? "4010";
const port = Number(portText);
if (!/^\d+$/.test(portText) || port > 65535) fail(`puerto inválido: ${portText}`);

const clientId = args["client-id"] ?? env.CLAVEUNICA_CLIENT_ID;
const clientSecret = args["client-secret"] ?? env.CLAVEUNICA_CLIENT_SECRET;
const redirectUris = list(args["redirect-uri"], env.CLAVEUNICA_REDIRECT_URI);
const postLogoutUris = list(args["post-logout-redirect-uri"], env.CLAVEUNICA_POST_LOGOUT_REDIRECT_URI);
if (!clientId) fail("falta --client-id (o CLAVEUNICA_CLIENT_ID)");
if (!clientSecret) fail("falta --client-secret (o CLAVEUNICA_CLIENT_SECRET)");
if (redirectUris.length === 0) fail("falta --redirect-uri (o CLAVEUNICA_REDIRECT_URI)");

let emulator;
try {
  emulator = await startEmulator({
    port,
    host: args.host,
    clients: [{
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: redirectUris,
      post_logout_redirect_uris: postLogoutUris,
      pkce_required: !(args["pkce-optional"] || env.CLAVEUNICA_PKCE === "off"),
    }],
    personsFile: args.persons ? resolve(args.persons) : undefined,
    log: (line) => process.stderr.write(`${line}\n`),
  });
} catch (error) {
  process.stderr.write(`claveunica-emulator: no se pudo iniciar: ${error.message}\n`);
  process.exit(1);
}

process.stdout.write(`ClaveÚnica (emulador de desarrollo) escuchando en ${emulator.issuer}\n`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  try {
    await emulator.close();
    process.exit(0);
  } catch (error) {
    process.stderr.write(`claveunica-emulator: error al cerrar: ${error.message}\n`);
    process.exit(1);
  }
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
