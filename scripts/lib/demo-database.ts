import { demoClusterDir } from "./paths";
import { databaseExists, isPortFree, startPostgres, type RunningPostgres } from "./postgres";
import { loadDemoSecrets } from "./secrets";

export const DEMO_PG_PORT = Number(process.env.PISEE_PG_PORT ?? 54329);
export const DEMO_DB_NAME = "pisee";

/**
 * The demo's database: DATABASE_URL when set (nothing embedded starts), otherwise the
 * embedded cluster (started here, with a database `pisee` created on first use).
 */
export async function openDemoDatabase(log: (l: string) => void = () => {}): Promise<{
  url: string;
  cluster: RunningPostgres | null;
}> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, cluster: null };
  if (!(await isPortFree(DEMO_PG_PORT))) {
    throw new Error(
      `El puerto ${DEMO_PG_PORT} (PostgreSQL embebido) está ocupado. Libérelo o elija otro con PISEE_PG_PORT=…`,
    );
  }
  const secrets = loadDemoSecrets();
  const cluster = await startPostgres({ dir: demoClusterDir(), port: DEMO_PG_PORT, password: secrets.postgresPassword, log });
  if (!(await databaseExists(cluster.url("postgres"), DEMO_DB_NAME))) await cluster.createDatabase(DEMO_DB_NAME);
  return { url: cluster.url(DEMO_DB_NAME), cluster };
}

export async function withDemoDatabase(fn: (url: string) => Promise<void>) {
  const { url, cluster } = await openDemoDatabase();
  try {
    await fn(url);
  } finally {
    await cluster?.stop();
  }
}
