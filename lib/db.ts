import "server-only";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { serverEnv } from "@/lib/env";

// One client per process (and one across hot reloads in development).
const globalForDb = globalThis as unknown as { piseeDb?: Db };

export function getDb(): Db {
  if (!globalForDb.piseeDb) globalForDb.piseeDb = createPrismaClient(serverEnv().DATABASE_URL);
  return globalForDb.piseeDb;
}

export type { Db };
