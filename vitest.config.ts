import path from "node:path";
import { defineConfig } from "vitest/config";

// Two projects:
// - unit: pure code, no database (portal lib/, node-agent, the ClaveÚnica emulator).
// - db: services and route handlers against a real, throwaway PostgreSQL
//   (embedded by default; a server given by DATABASE_URL when set).
const alias = {
  "@": import.meta.dirname,
  // `server-only` throws outside React Server Components; tests run server code directly.
  "server-only": path.resolve(import.meta.dirname, "test/support/empty-module.ts"),
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          include: [
            "lib/**/*.test.ts",
            "components/**/*.test.ts",
            "scripts/**/*.test.ts",
            "node-agent/src/**/*.test.ts",
            "node-agent/test/**/*.test.ts",
            "dev/claveunica/src/**/*.test.mjs",
          ],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "db",
          environment: "node",
          include: ["test/db/**/*.test.ts"],
          globalSetup: ["test/support/db-global-setup.ts"],
          setupFiles: ["test/support/db-env.ts"],
          // One database per run; files share it, so they run one after another.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
