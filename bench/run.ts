/**
 * `npm run bench [-- name…]`: runs the benchmarks and rewrites their sections of
 * docs/benchmarks.md. Each starts its own stack on free loopback ports and stops it.
 */
import { runCatalogBench } from "./catalog";
import { runExchangeBench } from "./exchange";

const BENCHES: Record<string, () => Promise<void>> = { catalog: runCatalogBench, exchange: runExchangeBench };

const wanted = process.argv.slice(2);
const names = wanted.length ? wanted : Object.keys(BENCHES);
for (const n of names) {
  const run = BENCHES[n];
  if (!run) {
    console.error(`Benchmark desconocido: ${n}. Disponibles: ${Object.keys(BENCHES).join(", ")}`);
    process.exit(2);
  }
  console.log(`\n━━ bench ${n} ━━`);
  await run();
}
