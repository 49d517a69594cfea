/**
 * Catalog benchmark: 10,000 services and 40,000 data items (Italy's national platform listed
 * about 7,500 services in 2024), then, side by side in one run, with autocannon:
 *   - GET /api/health (the same-run baseline: no database work beyond SELECT 1)
 *   - the search API, GET /api/v1/services?q=… (varied queries and filters)
 *   - the server-rendered page, GET /catalogo?q=… (same queries)
 * Targets on this machine: search p95 < 50 ms, page p95 < 200 ms.
 */
import pg from "pg";
import { load, type LoadResult } from "./lib/load";
import { describeMachine } from "./lib/machine";
import { table, writeSection } from "./lib/report";
import { freePort } from "../scripts/lib/postgres";
import { startStack } from "../scripts/lib/stack";

const SERVICES = Number(process.env.BENCH_SERVICES ?? 10_000);
const DATA_ITEMS = Number(process.env.BENCH_DATA_ITEMS ?? 40_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
/** Light load (the latency targets) and a heavier one (to show saturation), in the same run. */
const LEVELS = (process.env.BENCH_CONNECTIONS ?? "4,16").split(",").map(Number);

const QUERIES = [
  "q=certificado",
  "q=pension%20vigente",
  "q=licen",
  "q=matricula%20comunal",
  "q=subsidio&classification=SENSIBLE",
  "q=registro&sensitive=true",
  "provider=SRCEI",
  "q=avaluo&sort=recent",
  "q=permiso%20transito",
  "classification=ESTADISTICO&page=3",
  "q=vehiculo&provider=MUN-SANTIAGO",
  "q=deuda%20historico",
  "q=nacionalidad&sort=provider",
  "",
];

const WORDS = `ARRAY['certificado','registro','padrón','licencia','subsidio','pensión','matrícula','permiso','patente','avalúo',
  'deuda','beneficio','inscripción','antecedentes','declaración','cotización','vivienda','salud','educación','tránsito',
  'agua potable','electricidad','propiedad','sociedad','vehículo','residencia','nacionalidad','defunción','matrimonio','discapacidad']`;
const QUALIFIERS = `ARRAY['vigente','histórico','anual','mensual','comunal','regional','nacional','consolidado','detallado','resumido']`;

async function fill(databaseUrl: string) {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const started = Date.now();
    await c.query("BEGIN");
    await c.query(`
      WITH v AS (SELECT ${WORDS} AS n, ${QUALIFIERS} AS q, (SELECT array_agg(code ORDER BY code) FROM institution) AS codes)
      INSERT INTO data_item (id, institution_code, code, name, description, attributes, classification, responsible_run,
                             update_frequency, nature, status, search_text, created_at, updated_at)
      SELECT codes[1 + g % cardinality(codes)] || '/bench-dato-' || g, codes[1 + g % cardinality(codes)], 'bench-dato-' || g,
             initcap(n[1 + g % 30]) || ' ' || q[1 + (g / 30) % 10] || ' ' || g,
             'Dato de carga sobre ' || n[1 + (g * 7) % 30] || ' ' || q[1 + g % 10] || ', para pruebas de rendimiento.',
             '[{"name":"valor","type":"string","description":""}]'::jsonb,
             (ARRAY['PERSONAL','SENSIBLE','ESTADISTICO','SECRETO','RESERVADO','OTRO'])[1 + g % 6]::"Classification",
             '12345678-5', 'DIARIA', 'MAESTRO', 'PUBLISHED',
             codes[1 + g % cardinality(codes)] || ' bench dato ' || n[1 + (g * 7) % 30] || ' ' || q[1 + g % 10],
             now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval
      FROM generate_series(1, ${DATA_ITEMS}) g, v`);
    await c.query(`
      WITH v AS (SELECT ${WORDS} AS n, ${QUALIFIERS} AS q, (SELECT array_agg(code ORDER BY code) FROM institution) AS codes)
      INSERT INTO service (id, institution_code, code, major, name, description, status, tps, availability, approval_policy,
                           responsible_run, environments, search_text, published_at, created_at, updated_at)
      SELECT codes[1 + (g * 13) % cardinality(codes)] || '/bench-servicio-' || g || '/v1', codes[1 + (g * 13) % cardinality(codes)],
             'bench-servicio-' || g, 1,
             initcap(n[1 + g % 30]) || ' ' || q[1 + (g / 30) % 10] || ' (servicio ' || g || ')',
             'Servicio de carga que entrega ' || n[1 + (g * 3) % 30] || ' y ' || n[1 + (g * 7) % 30] || ' ' || q[1 + g % 10] || '.',
             (CASE WHEN g % 20 = 0 THEN 'DEPRECATED' WHEN g % 20 = 1 THEN 'DRAFT' ELSE 'PUBLISHED' END)::"LifecycleStatus",
             1 + g % 100, 99.5, 'MANUAL', '12345678-5', '{dev,prod}',
             'bench servicio ' || codes[1 + (g * 13) % cardinality(codes)] || ' ' || n[1 + (g * 3) % 30] || ' ' || n[1 + (g * 7) % 30] || ' ' || q[1 + g % 10],
             now(), now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval
      FROM generate_series(1, ${SERVICES}) g, v`);
    // Each service: one input and two outputs from the directory.
    await c.query(`
      WITH v AS (SELECT (SELECT array_agg(code ORDER BY code) FROM institution) AS codes),
      links AS (
        SELECT g, k, dir FROM generate_series(1, ${SERVICES}) g,
          LATERAL (VALUES ((g * 11) % ${DATA_ITEMS} + 1, 'INPUT'), ((g * 3) % ${DATA_ITEMS} + 1, 'OUTPUT'), ((g * 7 + 1) % ${DATA_ITEMS} + 1, 'OUTPUT')) AS l(k, dir)
      )
      INSERT INTO service_data_item (service_id, data_item_id, direction)
      SELECT DISTINCT codes[1 + (g * 13) % cardinality(codes)] || '/bench-servicio-' || g || '/v1', codes[1 + k % cardinality(codes)] || '/bench-dato-' || k, dir::"DataDirection"
      FROM links, v`);
    await c.query("COMMIT");
    await c.query("VACUUM ANALYZE");
    const counts = await c.query<{ s: string; d: string; l: string }>(
      "SELECT (SELECT count(*) FROM service)::text s, (SELECT count(*) FROM data_item)::text d, (SELECT count(*) FROM service_data_item)::text l",
    );
    console.log(`Datos cargados en ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts.rows[0]!.s} servicios, ${counts.rows[0]!.d} datos, ${counts.rows[0]!.l} vínculos.`);
  } finally {
    await c.end();
  }
}

export async function runCatalogBench(): Promise<void> {
  const stack = await startStack({
    mode: "test",
    portalPort: await freePort(),
    emulatorPort: await freePort(),
    log: (l) => console.log(l),
    portalOutput: "ignore",
  });
  try {
    await fill(stack.databaseUrl);
    const results: (LoadResult & { connections: number })[] = [];
    for (const connections of LEVELS) {
      const opts = { connections, seconds: SECONDS, warmupSeconds: 5 };
      console.log(`Midiendo con ${connections} conexiones, ${SECONDS} s cada uno…`);
      for (const [label, paths] of [
        ["GET /api/health (base)", ["/api/health"]],
        ["GET /api/v1/services?q=… (búsqueda)", QUERIES.map((q) => `/api/v1/services${q ? `?${q}` : ""}`)],
        ["GET /catalogo?q=… (página)", QUERIES.map((q) => `/catalogo${q ? `?${q}` : ""}`)],
      ] as const) {
        const r = { ...(await load(label, stack.portalUrl, [...paths], opts)), connections };
        console.log(r);
        results.push(r);
      }
    }
    const light = results.filter((r) => r.connections === LEVELS[0]);
    const search = light[1]!;
    const page = light[2]!;
    const verdict = (v: number, target: number) => (v < target ? `✅ < ${target} ms` : `❌ ≥ ${target} ms`);
    writeSection(
      "catalog",
      `## Catálogo: búsqueda y página con ${SERVICES.toLocaleString("es-CL")} servicios y ${DATA_ITEMS.toLocaleString("es-CL")} datos

- Date: ${new Date().toISOString().slice(0, 10)} · machine: ${describeMachine()}
- Portal: production build (\`next start\`), one Node.js process; PostgreSQL 17 embedded on the same machine;
  autocannon in the benchmark's own process (all three share the 2 cores). ${SECONDS} s per line after a 5 s warm-up;
  ${QUERIES.length} query mixes cycled (full text with prefixes, filters by classification, sensitivity and provider,
  sorts, a deep page, no filter at all).
- Latencies are exact percentiles of every response time, in ms. The targets are read at light load
  (${LEVELS[0]} concurrent connections); ${LEVELS.slice(1).join(", ")} connections show how it saturates (throughput).

${table(
  ["Connections", "Request", "Requests", "Req/s", "p50 ms", "p95 ms", "p99 ms", "Errors / non-2xx"],
  results.map((r) => [r.connections, r.label, r.requests, r.rps, r.p50.toFixed(1), r.p95.toFixed(1), r.p99.toFixed(1), `${r.errors} / ${r.non2xx}`]),
)}

Targets (${LEVELS[0]} connections): search p95 ${search.p95.toFixed(1)} ms ${verdict(search.p95, 50)}; page p95 ${page.p95.toFixed(1)} ms ${verdict(page.p95, 200)}.
Reproduce: \`npm run bench -- catalog\` (\`BENCH_SERVICES\`, \`BENCH_DATA_ITEMS\`, \`BENCH_SECONDS\`, \`BENCH_CONNECTIONS=4,16\` adjust it).

What made it fast enough (measured with single requests and \`EXPLAIN ANALYZE\` on this data): the first version
computed the total with \`count(*) OVER ()\` and the sensitivity flags with joins per row, so every page sorted
every match (empty query: 53 ms per request at one connection; 44 ms with a classification filter). Now the page
(\`ORDER BY … LIMIT\`, served by the \`(name, id)\` index or the GIN text index) and the total are two small
queries run side by side, and \`service.classifications\` (kept by triggers) answers the classification filter
and the derived flags: 8–16 ms per request at one connection, about 1 ms of it in PostgreSQL. The embedded
cluster runs with \`random_page_cost = 1.1\` (local SSD, data in cache), so the planner uses the GIN index.`,
    );
  } finally {
    await stack.stop();
  }
}
