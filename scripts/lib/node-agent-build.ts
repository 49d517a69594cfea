import crypto from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "./paths";

const dir = path.join(projectRoot, "node-agent");
const STAMP = path.join(dir, "dist", ".build-inputs.sha256");

function hashSources(): string {
  const h = crypto.createHash("sha256");
  const walk = (p: string) => {
    for (const e of fs.readdirSync(p, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const abs = path.join(p, e.name);
      if (e.isDirectory()) walk(abs);
      else if (!e.name.endsWith(".test.ts")) h.update(abs).update(fs.readFileSync(abs));
    }
  };
  walk(path.join(dir, "src"));
  h.update(fs.readFileSync(path.join(dir, "package.json")));
  return h.digest("hex");
}

/** Compiles the node-agent (tsc → node-agent/dist) unless the last build is of these sources. */
export function buildNodeAgentIfNeeded(log: (l: string) => void): string {
  const hash = hashSources();
  if (fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === hash) return path.join(dir, "dist", "cli.js");
  log("Compilando el node-agent…");
  execFileSync(path.join(projectRoot, "node_modules", ".bin", "tsc"), ["-p", path.join(dir, "tsconfig.build.json")], { cwd: dir, stdio: "inherit" });
  fs.writeFileSync(STAMP, hash);
  return path.join(dir, "dist", "cli.js");
}

/**
 * The Node.js flags the node-agent runs with, from its executable's first line
 * (`#!/usr/bin/env -S node …`): processes started with `node cli.js` get the same runtime.
 */
export function nodeAgentRuntimeFlags(cli: string): string[] {
  const first = fs.readFileSync(cli, "utf8").split("\n", 1)[0] ?? "";
  const m = /^#!\S*env -S node((?: --[\w-]+(?:=\S+)?)*)\s*$/.exec(first);
  return m ? m[1]!.trim().split(/\s+/).filter(Boolean) : [];
}
