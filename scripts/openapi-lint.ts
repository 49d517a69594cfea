/**
 * Lints the portal's OpenAPI document with Redocly CLI (redocly.yaml: the recommended rules and
 * a few stricter ones); fails on any error or warning. The document is generated exactly as
 * `/api/v1/openapi.json` serves it.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { projectRoot } from "./lib/paths";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pisee-openapi-"));
const file = path.join(dir, "openapi.json");
try {
  fs.writeFileSync(file, JSON.stringify(buildOpenApiDocument(), null, 2));
  const r = spawnSync(path.join(projectRoot, "node_modules", ".bin", "redocly"), ["lint", "--config", path.join(projectRoot, "redocly.yaml"), "--max-problems", "200", "--format", "stylish", file], {
    cwd: projectRoot,
    encoding: "utf8",
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  });
  const out = `${r.stdout}${r.stderr}`;
  // Redocly's own banner about Node 20 is not about the document.
  const report = out.split("\n").filter((l) => !/[║╔╚]/.test(l)).join("\n").trim();
  const problems = /(\d+) (error|warning)s?/.exec(report);
  if (r.status !== 0 || /warning|error/i.test(report.replace(/0 errors?|0 warnings?/g, ""))) {
    console.error(report);
    console.error("\n✗ El documento OpenAPI tiene problemas (redocly lint).");
    process.exit(1);
  }
  console.log(`✓ OpenAPI: redocly lint sin errores ni advertencias${problems ? ` (${problems[0]})` : ""}.`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
