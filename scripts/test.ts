/**
 * `npm test`: every test, in order, stopping at the first failure (non-zero exit).
 *   1. typecheck   portal (after `next typegen`) and node-agent
 *   2. lint        ESLint over the whole repository; the OpenAPI document with Redocly CLI
 *   3. unit        vitest: portal lib/, node-agent, ClaveÚnica emulator
 *   4. db          vitest: services and route handlers against a throwaway PostgreSQL
 *   5. e2e         Playwright in Chromium against the whole stack (throwaway database, emulator,
 *                  a production build of the portal)
 * `npm test -- unit db` runs only the named steps.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { projectRoot } from "./lib/paths";

const bin = (name: string) => path.join(projectRoot, "node_modules", ".bin", name);

const STEPS: Record<string, string[][]> = {
  typecheck: [
    [bin("next"), "typegen"],
    [bin("tsc"), "--noEmit", "-p", "tsconfig.json"],
    [bin("tsc"), "--noEmit", "-p", "node-agent/tsconfig.json"],
  ],
  lint: [
    [bin("eslint"), "--max-warnings", "0", "."],
    [bin("tsx"), "scripts/openapi-lint.ts"],
  ],
  unit: [[bin("vitest"), "run", "--project", "unit"]],
  db: [[bin("vitest"), "run", "--project", "db"]],
  e2e: [[bin("playwright"), "test"]],
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((s) => !(s in STEPS));
if (unknown.length) {
  console.error(`Pasos desconocidos: ${unknown.join(", ")}. Disponibles: ${Object.keys(STEPS).join(", ")}`);
  process.exit(2);
}
const steps = wanted.length ? wanted : Object.keys(STEPS);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
const timings: string[] = [];

for (const step of steps) {
  console.log(`\n━━ ${step} ━━`);
  const started = Date.now();
  for (const [cmd, ...args] of STEPS[step]!) {
    const r = spawnSync(cmd!, args, { cwd: projectRoot, stdio: "inherit", env });
    if (r.status !== 0) {
      console.error(`\n✗ ${step} falló (${[path.basename(cmd!), ...args].join(" ")}).`);
      process.exit(r.status ?? 1);
    }
  }
  timings.push(`${step} ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
console.log(`\n✓ Todas las pruebas pasaron (${timings.join(" · ")}).`);
