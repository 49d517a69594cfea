/**
 * `npm start`: the whole local demo on this machine, nothing else to install or run.
 * Embedded PostgreSQL (data kept between runs), migrations, seed on first run, a production
 * build when the sources changed, the portal on http://localhost:3000, the ClaveÚnica
 * emulator on http://127.0.0.1:4010 and a mail catcher whose web inbox is http://127.0.0.1:1080
 * (SMTP on 1025; not started when SMTP_URL names a real server). `npm run dev` does the same with `next dev`.
 */
import path from "node:path";
import { formatRun } from "@pisee/node-agent/shared";
import { loadPersons } from "@pisee/claveunica-emulator";
import { DEMO_SERVICE, ensureDemoAgreement, startDemoNetwork } from "./lib/demo-network";
import { dataDir } from "./lib/paths";
import { isPortFree } from "./lib/postgres";
import { startStack } from "./lib/stack";

const PORTAL_PORT = Number(process.env.PORT ?? 3000);
const EMULATOR_PORT = Number(process.env.CLAVEUNICA_PORT ?? 4010);
/** The local mail catcher (maildev): SMTP and its web inbox; unused when SMTP_URL is set. */
const MAIL_PORTS = { smtp: Number(process.env.MAIL_SMTP_PORT ?? 1025), web: Number(process.env.MAIL_WEB_PORT ?? 1080) };
const realSmtp = Boolean(process.env.SMTP_URL);
/** The demo network: consumer node (Municipalidad de Santiago), provider node (SRCEI), SRCEI's backend. */
const NODE_PORTS = { consumerLocal: 8081, consumerNetwork: 8441, providerLocal: 8082, providerNetwork: 8442, backend: 7001 };
const dev = process.argv.includes("--dev");
const log = (line: string) => console.log(line);

async function main() {
  for (const [port, what, variable] of [
    [PORTAL_PORT, "el portal", "PORT"],
    [EMULATOR_PORT, "el emulador de ClaveÚnica", "CLAVEUNICA_PORT"],
    ...Object.values(NODE_PORTS).map((p) => [p, "la red de demostración", null] as const),
    ...(realSmtp
      ? []
      : ([
          [MAIL_PORTS.smtp, "el receptor de correo (SMTP)", "MAIL_SMTP_PORT"],
          [MAIL_PORTS.web, "el buzón web de correo", "MAIL_WEB_PORT"],
        ] as const)),
  ] as const) {
    if (!(await isPortFree(port))) throw new Error(`El puerto ${port} (${what}) está ocupado.${variable ? ` Libérelo o elija otro con ${variable}=…` : " Libérelo."}`);
  }
  const stack = await startStack({ mode: "demo", portalPort: PORTAL_PORT, emulatorPort: EMULATOR_PORT, mailPorts: MAIL_PORTS, dev, log });
  log("Iniciando la red de demostración (dos nodos y el sistema del Registro Civil)…");
  await ensureDemoAgreement(stack.databaseUrl);
  const net = await startDemoNetwork({
    portalUrl: stack.portalUrl,
    databaseUrl: stack.databaseUrl,
    dataRoot: path.join(dataDir, "nodes"),
    backendPort: NODE_PORTS.backend,
    nodes: [
      { id: "SRCEI/nodo-demo", role: "provider", localPort: NODE_PORTS.providerLocal, networkPort: NODE_PORTS.providerNetwork },
      { id: "MUN-SANTIAGO/nodo-demo", role: "consumer", localPort: NODE_PORTS.consumerLocal, networkPort: NODE_PORTS.consumerNetwork },
    ],
    log,
  }).catch(async (err) => {
    await stack.stop();
    throw err;
  });
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log("\nDeteniendo…");
    await net.stop();
    await stack.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);

  const persons = await loadPersons();
  const width = Math.max(...persons.map((p) => `${p.nombres[0]} ${p.apellidos[0]}`.length));
  console.log(`
  Red de Interoperabilidad del Estado: demo local lista
  ─────────────────────────────────────────────────────
  Portal                  ${stack.portalUrl}
  Documentación de la API ${stack.portalUrl}/api/docs
  ClaveÚnica (emulador)   ${stack.issuer}
  ${stack.mailWebUrl ? `Correo (maildev)        ${stack.mailWebUrl}   (todo correo del portal llega aquí; SMTP ${stack.smtpUrl})` : `Correo (SMTP)           ${stack.smtpUrl}   (SMTP_URL)`}
  Base de datos           ${stack.databaseUrl.replace(/:[^:@/]+@/, ":***@")}

  Red de demostración (acuerdo vigente Municipalidad de Santiago → SRCEI, ${DEMO_SERVICE}):
    Nodo de la Municipalidad ${net.consumerLocalUrl}   (puerto local; /health, /status, /metrics)
    Nodo del Registro Civil  ${net.providerLocalUrl}
    Pruebe un intercambio firmado y cifrado:
      curl -i ${net.consumerLocalUrl}/r1/${DEMO_SERVICE}/certificados/12345678-5

  Personas de prueba (elija una en la página del emulador al ingresar):
${persons.map((p) => `    ${`${p.nombres[0]} ${p.apellidos[0]}`.padEnd(width)}  ${formatRun(p.run).padEnd(13)} ${p.descripcion}`).join("\n")}

  Ctrl+C para detener.
`);
}

main().catch((err) => {
  console.error(`\nNo se pudo iniciar la demo: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
