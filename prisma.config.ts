import path from "node:path";
import { defineConfig } from "prisma/config";
import { schemaEngineAdapter } from "./prisma/wasm-engine-adapter";

// The scripts (npm start, tests) always pass DATABASE_URL. The fallback lets `prisma generate`
// (which never connects) run without one: the schema's `env("DATABASE_URL")` must resolve,
// or the CLI misreads the generator and tries to download a native query engine.
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:54329/pisee";
const databaseUrl = process.env.DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  engine: "js",
  adapter: async () => schemaEngineAdapter(databaseUrl),
});
