import "server-only";
import { getDb } from "@/lib/db";
import type { THealth } from "@/lib/platform/schemas";

/** Liveness and readiness: the portal answers and reaches its database. */
export async function checkHealth(): Promise<THealth> {
  let database: "ok" | "error" = "ok";
  try {
    await getDb().$queryRaw`SELECT 1`;
  } catch {
    database = "error";
  }
  return { status: database === "ok" ? "ok" : "degraded", checks: { database }, time: new Date().toISOString() };
}
