/**
 * Prisma 6.19.3 runs here on its WebAssembly engines (`engine: "js"`): no native binary is
 * downloaded. Three work-arounds make the Wasm schema engine work with @prisma/adapter-pg
 * (checked on this offline machine, see the recipes):
 *  1. catalog queries return PostgreSQL types `name` / `"char"` (oids 19/18, arrays 1003/1002),
 *     which adapter-pg cannot deserialize: they are reported as text;
 *  2. the adapter gets discrete connection fields, not a connection string (which would
 *     override the shadow database's name);
 *  3. we own the shadow database's lifecycle: adapter-pg would drop it while its own pool
 *     still holds connections ("database ... is being accessed by other users");
 *  4. a migration is sent to PostgreSQL whole, as one simple-protocol query (which PostgreSQL
 *     runs as one implicit transaction): adapter-pg splits scripts on every ";", which breaks
 *     dollar-quoted function bodies (our triggers) and would leave a failed migration half-applied.
 * Used only by prisma.config.ts (the CLI); the app's runtime client needs none of it.
 */
import crypto from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const TEXT = 25;
const TEXT_ARRAY = 1009;
const remap: Record<number, number> = { 18: TEXT, 19: TEXT, 1002: TEXT_ARRAY, 1003: TEXT_ARRAY };

type QueryResultLike = { fields?: { dataTypeID: number }[] };
function reportCatalogTypesAsText<T>(result: T): T {
  for (const f of (result as QueryResultLike)?.fields ?? []) {
    const to = remap[f.dataTypeID];
    if (to) f.dataTypeID = to;
  }
  return result;
}

let patched = false;
function patchPgQuery() {
  if (patched) return;
  patched = true;
  for (const proto of [pg.Pool.prototype, pg.Client.prototype] as unknown as { query: (...a: unknown[]) => unknown }[]) {
    const original = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      if (typeof args[args.length - 1] === "function") return original.apply(this, args);
      const p = original.apply(this, args) as Promise<unknown> | undefined;
      return p && typeof p.then === "function" ? p.then(reportCatalogTypesAsText) : p;
    };
  }
}

type Connection = Awaited<ReturnType<PrismaPg["connect"]>>;
type PgInternals = { client: { query: (sql: string) => Promise<unknown> }; onError: (e: unknown) => never };

function sendScriptsWhole(conn: Connection): Connection {
  const internals = conn as unknown as PgInternals;
  conn.executeScript = async (script: string) => {
    try {
      await internals.client.query(script);
    } catch (error) {
      internals.onError(error);
    }
  };
  return conn;
}

export function schemaEngineAdapter(databaseUrl: string) {
  patchPgQuery();
  const u = new URL(databaseUrl);
  const cfg = {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password) || undefined,
    database: decodeURIComponent(u.pathname.slice(1)),
  };
  const factory = new PrismaPg(cfg);
  return {
    provider: "postgres" as const,
    adapterName: factory.adapterName,
    connect: async () => sendScriptsWhole(await factory.connect()),
    connectToShadowDb: async () => {
      const main = await factory.connect();
      const name = `prisma_shadow_${crypto.randomUUID().replace(/-/g, "")}`;
      await main.executeScript(`CREATE DATABASE "${name}"`);
      const shadow = await new PrismaPg({ ...cfg, database: name }).connect();
      const closeShadow = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await closeShadow();
        await main.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await main.dispose();
      };
      return shadow;
    },
  };
}
