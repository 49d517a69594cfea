/**
 * Database tasks for developers.
 *   tsx scripts/db.ts migrate                 apply migrations to DATABASE_URL (or the demo cluster)
 *   tsx scripts/db.ts seed [--demo]           seed DATABASE_URL (or the demo cluster), idempotent;
 *                                             --demo adds the emulator's test persons and roles
 *   tsx scripts/db.ts new-migration <name> [git-ref]
 *       write prisma/migrations/<timestamp>_<name>/migration.sql: the SQL that takes the schema at
 *       git-ref (default HEAD) to the working prisma/schema.prisma, then check that every
 *       migration applies to a throwaway database. (Prisma 6.19.3's WebAssembly engine cannot
 *       use a shadow database, so `migrate dev` cannot diff; two datamodels can be diffed.)
 *       Hand-written SQL (triggers, partial indexes, extensions) is added to the file afterwards.
 *   tsx scripts/db.ts rotate-master-key       re-seal the portal's private keys under the master key
 *                                             in PISEE_NEW_MASTER_KEY (the current one in
 *                                             PISEE_MASTER_KEY); see docs/operations.md
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "./lib/paths";
import { createThrowawayDatabase } from "./lib/postgres";
import { migrateDeploy, prisma } from "./lib/prisma-cli";
import { withDemoDatabase } from "./lib/demo-database";
import { rotateMasterKey } from "./lib/master-key";
import { seedDatabase } from "../prisma/seed";

const [command, ...rest] = process.argv.slice(2);

async function main() {
  switch (command) {
    case "migrate":
      await withDemoDatabase(async (url) => migrateDeploy(url));
      return;
    case "seed":
      await withDemoDatabase(async (url) => {
        migrateDeploy(url, { quiet: true });
        const summary = await seedDatabase(url, { demo: rest.includes("--demo") || !process.env.DATABASE_URL });
        console.log(summary);
      });
      return;
    case "new-migration": {
      const name = rest[0];
      if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("Uso: tsx scripts/db.ts new-migration nombre_en_snake_case");
      const ref = rest[1] ?? "HEAD";
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pisee-schema-"));
      const previous = path.join(tmp, "schema.prisma");
      fs.writeFileSync(previous, execFileSync("git", ["show", `${ref}:prisma/schema.prisma`], { cwd: projectRoot }));
      const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
      const dir = path.join(projectRoot, "prisma", "migrations", `${stamp}_${name}`);
      fs.mkdirSync(dir, { recursive: true });
      const db = await createThrowawayDatabase();
      try {
        prisma(["migrate", "diff", "--from-schema-datamodel", previous, "--to-schema-datamodel", "prisma/schema.prisma",
          "--script", "--output", path.join(dir, "migration.sql")], db.url);
        migrateDeploy(db.url);
        console.log(`Migración escrita en ${path.relative(projectRoot, dir)}/migration.sql`);
      } finally {
        await db.drop();
        fs.rmSync(tmp, { recursive: true, force: true });
      }
      return;
    }
    case "rotate-master-key": {
      const [current, next] = [process.env.PISEE_MASTER_KEY, process.env.PISEE_NEW_MASTER_KEY];
      if (!current || !next) throw new Error("Defina PISEE_MASTER_KEY (la actual) y PISEE_NEW_MASTER_KEY (la nueva).");
      await withDemoDatabase(async (url) => {
        const { keys } = await rotateMasterKey(url, current, next);
        console.log(`${keys} claves del portal selladas con la clave maestra nueva. Reinicie el portal con PISEE_MASTER_KEY=<la nueva>.`);
      });
      return;
    }
    default:
      console.error("Comandos: migrate | seed | new-migration <nombre> | rotate-master-key");
      process.exitCode = 2;
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
