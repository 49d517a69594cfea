import crypto from "node:crypto";
import type { TestProject } from "vitest/node";
import { seedDatabase } from "../../prisma/seed";
import { createThrowawayDatabase } from "../../scripts/lib/postgres";
import { migrateDeploy } from "../../scripts/lib/prisma-cli";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    /** One master key for the run: portal keys sealed by one test file are read by the next. */
    masterKey: string;
  }
}

/**
 * One fresh database for the run: an embedded PostgreSQL in a temp folder, or, with
 * DATABASE_URL set, a new database on that server (dropped afterwards). Migrated and seeded
 * exactly as `npm start` does.
 */
export default async function setup(project: TestProject) {
  const db = await createThrowawayDatabase();
  try {
    migrateDeploy(db.url, { quiet: true });
    await seedDatabase(db.url, { demo: true });
  } catch (err) {
    await db.drop();
    throw err;
  }
  project.provide("databaseUrl", db.url);
  project.provide("masterKey", crypto.randomBytes(32).toString("base64url"));
  return async () => db.drop();
}
