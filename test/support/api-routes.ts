import fs from "node:fs";
import path from "node:path";
import type { NextRequest } from "next/server";

/** A Next route handler as the App Router calls it. */
export type RouteHandler = (req: NextRequest, ctx: { params: Promise<Record<string, string | string[] | undefined>> }) => Promise<Response>;

const ROOT = path.resolve(import.meta.dirname, "../..");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/**
 * The route module of an OpenAPI path: `/api/v1/agreements/{id}` → `app/api/v1/agreements/[id]/route.ts`
 * (Next's `[param]` folders are OpenAPI's `{param}`).
 */
export function routeFileOf(openApiPath: string): string {
  const segments = openApiPath
    .split("/")
    .filter(Boolean)
    .map((s) => s.replace(/^\{([^}]+)\}$/, "[$1]"));
  return path.join(ROOT, "app", ...segments, "route.ts");
}

/** The OpenAPI path of a route module: the inverse of routeFileOf. */
export function openApiPathOf(routeFile: string): string {
  const rel = path.relative(path.join(ROOT, "app"), path.dirname(routeFile)).split(path.sep);
  return "/" + rel.map((s) => s.replace(/^\[([^\]]+)\]$/, "{$1}")).join("/");
}

/**
 * The handler exported for `method` by the route module of `openApiPath`. Throws, naming the file,
 * when the module or the export is missing: an operation of the document without a handler is a bug.
 */
export async function loadHandler(openApiPath: string, method: string): Promise<RouteHandler> {
  const file = routeFileOf(openApiPath);
  if (!fs.existsSync(file)) throw new Error(`${method.toUpperCase()} ${openApiPath}: no route module at ${path.relative(ROOT, file)}`);
  const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
  const handler = mod[method.toUpperCase()];
  if (typeof handler !== "function") {
    throw new Error(`${method.toUpperCase()} ${openApiPath}: ${path.relative(ROOT, file)} exports no ${method.toUpperCase()} handler`);
  }
  return handler as RouteHandler;
}

/** Every route module under `dir` (relative to the project) with the HTTP methods it exports. */
export async function listRouteModules(dir: string): Promise<{ file: string; openApiPath: string; methods: string[] }[]> {
  const out: { file: string; openApiPath: string; methods: string[] }[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name === "route.ts") out.push({ file: p, openApiPath: openApiPathOf(p), methods: [] });
    }
  };
  walk(path.join(ROOT, dir));
  for (const r of out) {
    const mod = (await import(/* @vite-ignore */ r.file)) as Record<string, unknown>;
    r.methods = HTTP_METHODS.filter((m) => typeof mod[m] === "function");
  }
  return out.sort((a, b) => a.openApiPath.localeCompare(b.openApiPath));
}
