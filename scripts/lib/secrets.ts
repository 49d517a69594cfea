import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "./paths";

/** Secrets of the local demo, generated once per install into .data/secrets.json (mode 0600). */
export type DemoSecrets = {
  nextauthSecret: string;
  claveunicaClientSecret: string;
  postgresPassword: string;
  masterKey: string;
};

const file = path.join(dataDir, "secrets.json");
const random = (bytes: number) => crypto.randomBytes(bytes).toString("base64url");

export function loadDemoSecrets(): DemoSecrets {
  const fresh: DemoSecrets = {
    nextauthSecret: random(48),
    claveunicaClientSecret: random(32),
    postgresPassword: random(24),
    masterKey: random(32),
  };
  let existing: Partial<DemoSecrets> = {};
  if (fs.existsSync(file)) existing = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<DemoSecrets>;
  const secrets = { ...fresh, ...existing };
  if (JSON.stringify(secrets) !== JSON.stringify(existing)) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
  }
  return secrets;
}
