import { spawn } from "node:child_process";
import path from "node:path";
import { freePort } from "../scripts/lib/postgres";
import { expect, test } from "./support/fixtures";

/** Starts the production build with `env` and returns its exit code and output (bounded to 60 s). */
async function startPortal(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  const next = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const child = spawn(process.execPath, [next, "start", "-p", String(await freePort()), "-H", "127.0.0.1"], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NEXT_TELEMETRY_DISABLED: "1", ...env } as unknown as NodeJS.ProcessEnv,
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearTimeout(timer);
  return { code, output };
}

const complete = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://u:p@127.0.0.1:1/x",
  NEXTAUTH_URL: "https://portal.example.gob.cl",
  NEXTAUTH_SECRET: "Zk3q9V7x1LmR2pT8wY4nB6cD0eF5gH7jK9aQ",
  CLAVEUNICA_ISSUER: "https://accounts.claveunica.gob.cl/openid",
  CLAVEUNICA_CLIENT_ID: "portal",
  CLAVEUNICA_CLIENT_SECRET: "0123456789abcdef0123",
  CLAVEUNICA_LOGOUT_URL: "https://accounts.claveunica.gob.cl/api/v1/accounts/app/logout",
  PISEE_MASTER_KEY: "q3Zk1c9V7x1LmR2pT8wY4nB6cD0eF5gH7jK9aQwErTy",
};

test.describe("configuración en producción", () => {
  test("el portal no inicia si falta un secreto, y dice cuál", async () => {
    const r = await startPortal({ ...complete, NEXTAUTH_SECRET: undefined, CLAVEUNICA_CLIENT_SECRET: undefined });
    expect(r.code).toBe(1);
    expect(r.output).toContain("El portal no puede iniciar");
    expect(r.output).toContain("NEXTAUTH_SECRET: falta (debe venir del entorno)");
    expect(r.output).toContain("CLAVEUNICA_CLIENT_SECRET: falta (debe venir del entorno)");
  });

  test("en producción exige https", async () => {
    const r = await startPortal({ ...complete, NEXTAUTH_URL: "http://portal.example.gob.cl" });
    expect(r.code).toBe(1);
    expect(r.output).toContain("NEXTAUTH_URL: en producción debe usar https");
  });
});
