import crypto from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "./paths";

// What a production build of the portal depends on.
const INPUTS = ["app", "components", "lib", "public", "types", "node-agent/src/shared", "proxy.ts", "instrumentation.ts", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
const STAMP = path.join(projectRoot, ".next", "pisee-build-inputs.sha256");

function hashInputs(): string {
  const h = crypto.createHash("sha256");
  const walk = (p: string) => {
    const abs = path.join(projectRoot, p);
    if (!fs.existsSync(abs)) return;
    const st = fs.statSync(abs);
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(abs).sort()) {
        if (e === "node_modules" || e.endsWith(".test.ts")) continue;
        walk(path.join(p, e));
      }
    } else {
      h.update(p).update("\0").update(fs.readFileSync(abs)).update("\0");
    }
  };
  for (const i of INPUTS) walk(i);
  return h.digest("hex");
}

/** Builds the portal (`next build`) unless the last build is of exactly these sources. */
export function buildIfNeeded(log: (l: string) => void): void {
  const hash = hashInputs();
  const built = fs.existsSync(path.join(projectRoot, ".next", "BUILD_ID")) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === hash;
  if (built) {
    log("Compilación del portal al día.");
    return;
  }
  log("Compilando el portal (next build; unos minutos la primera vez)…");
  execFileSync(path.join(projectRoot, "node_modules", ".bin", "next"), ["build"], {
    cwd: projectRoot,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  fs.writeFileSync(STAMP, hash);
}
