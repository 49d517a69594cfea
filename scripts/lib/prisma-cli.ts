import { execFileSync } from "node:child_process";
import path from "node:path";
import { projectRoot } from "./paths";

/** Runs the Prisma CLI (WebAssembly engines, no telemetry) against `databaseUrl`. */
export function prisma(args: string[], databaseUrl: string, opts: { quiet?: boolean } = {}) {
  execFileSync(path.join(projectRoot, "node_modules", ".bin", "prisma"), args, {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: opts.quiet ? ["ignore", "pipe", "inherit"] : "inherit",
  });
}

/** Applies every committed migration (never creates one). */
export function migrateDeploy(databaseUrl: string, opts: { quiet?: boolean } = {}) {
  prisma(["migrate", "deploy"], databaseUrl, opts);
}
