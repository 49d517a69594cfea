import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/** A Prisma client over node-postgres (no native engine: the query compiler runs in WebAssembly). */
export function createPrismaClient(databaseUrl: string, opts: { max?: number } = {}) {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: opts.max ?? 10 }) });
}

export type Db = ReturnType<typeof createPrismaClient>;
