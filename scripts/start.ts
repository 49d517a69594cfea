/**
 * `npm start`: the whole local demo on this machine, nothing else to install or run.
 * Embedded PostgreSQL (data kept between runs), migrations, seed on first run, a production
 * build when the sources changed, the portal on http://localhost:3000 and the ClaveÚnica
 * emulator on http://127.0.0.1:4010. `npm run dev` does the same with `next dev`.
 */
import { formatRun } from "@pisee/node-agent/shared";
import { loadPersons } from "@pisee/claveunica-emulator";
import { isPortFree } from "./lib/postgres";
import { startStack } from "./lib/stack";

const PORTAL_PORT = Number(process.env.PORT ?? 3000);
const EMULATOR_PORT = Number(process.env.CLAVEUNICA_PORT ?? 4010);
const dev = process.argv.includes("--dev");
const log = (line: string) => console.log(line);

async function main() {
  for (const [port, what, variable] of [
    [PORTAL_PORT, "el portal", "PORT"],
    [EMULATOR_PORT, "el emulador de ClaveÚnica", "CLAVEUNICA_PORT"],
  ] as const) {
    if (!(await isPortFree(port))) throw new Error(`El puerto ${port} (${what}) está ocupado. Libérelo o elija otro con ${variable}=…`);
  }
  const stack = await startStack({ mode: "demo", portalPort: PORTAL_PORT, emulatorPort: EMULATOR_PORT, dev, log });
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log("\nDeteniendo…");
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
  Base de datos           ${stack.databaseUrl.replace(/:[^:@/]+@/, ":***@")}

  Personas de prueba (elija una en la página del emulador al ingresar):
${persons.map((p) => `    ${`${p.nombres[0]} ${p.apellidos[0]}`.padEnd(width)}  ${formatRun(p.run).padEnd(13)} ${p.descripcion}`).join("\n")}

  Ctrl+C para detener.
`);
}

main().catch((err) => {
  console.error(`\nNo se pudo iniciar la demo: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
