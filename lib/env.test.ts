import { describe, expect, it } from "vitest";
import { checkServerEnv } from "./env";

const base = {
  DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/db",
  NEXTAUTH_URL: "https://portal.example.gob.cl",
  NEXTAUTH_SECRET: "Zk3q9V7x1LmR2pT8wY4nB6cD0eF5gH7jK9",
  CLAVEUNICA_ISSUER: "https://accounts.claveunica.gob.cl/openid",
  CLAVEUNICA_CLIENT_ID: "client",
  CLAVEUNICA_CLIENT_SECRET: "0123456789abcdef0123",
  CLAVEUNICA_LOGOUT_URL: "https://accounts.claveunica.gob.cl/api/v1/accounts/app/logout",
  PISEE_MASTER_KEY: "q3Zk1c9V7x1LmR2pT8wY4nB6cD0eF5gH7jK9aQwErTy",
};

describe("checkServerEnv", () => {
  it("accepts a complete production environment", () => {
    const r = checkServerEnv({ ...base, NODE_ENV: "production" });
    expect(r.ok).toBe(true);
  });

  it("names every missing secret", () => {
    const r = checkServerEnv({ ...base, NEXTAUTH_SECRET: undefined, CLAVEUNICA_CLIENT_SECRET: undefined, PISEE_MASTER_KEY: undefined, NODE_ENV: "production" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => p.variable).sort()).toEqual(["CLAVEUNICA_CLIENT_SECRET", "NEXTAUTH_SECRET", "PISEE_MASTER_KEY"]);
      expect(r.problems[0]!.message).toContain("entorno");
    }
  });

  it("refuses short secrets", () => {
    const r = checkServerEnv({ ...base, NEXTAUTH_SECRET: "corto" });
    expect(r.ok).toBe(false);
  });

  it("requires https in production but not in the demo", () => {
    const http = { ...base, NEXTAUTH_URL: "http://localhost:3000", CLAVEUNICA_ISSUER: "http://127.0.0.1:4010", CLAVEUNICA_LOGOUT_URL: "http://127.0.0.1:4010/logout" };
    const prod = checkServerEnv({ ...http, NODE_ENV: "production" });
    expect(prod.ok).toBe(false);
    if (!prod.ok) expect(prod.problems.map((p) => p.variable)).toEqual(["NEXTAUTH_URL", "CLAVEUNICA_ISSUER", "CLAVEUNICA_LOGOUT_URL"]);
    expect(checkServerEnv({ ...http, NODE_ENV: "production", PISEE_DEMO: "1" }).ok).toBe(true);
  });

  it("refuses a secret that is not random", () => {
    const r = checkServerEnv({ ...base, NODE_ENV: "production", NEXTAUTH_SECRET: "a".repeat(40) });
    expect(r.ok).toBe(false);
  });

  it("has PKCE and nonce on unless turned off, and accepts only on or off", () => {
    const r = checkServerEnv(base);
    expect(r.ok && [r.env.CLAVEUNICA_PKCE, r.env.CLAVEUNICA_NONCE]).toEqual(["on", "on"]);
    const off = checkServerEnv({ ...base, CLAVEUNICA_PKCE: "off", CLAVEUNICA_NONCE: "off" });
    expect(off.ok && [off.env.CLAVEUNICA_PKCE, off.env.CLAVEUNICA_NONCE]).toEqual(["off", "off"]);
    for (const value of ["false", "0", "OFF", ""]) {
      const bad = checkServerEnv({ ...base, CLAVEUNICA_PKCE: value });
      expect(bad.ok, value).toBe(false);
      if (!bad.ok) expect(bad.problems).toEqual([{ variable: "CLAVEUNICA_PKCE", message: "debe ser on u off" }]);
    }
  });

  it("warns in production, and only there, when PKCE or the nonce is off", () => {
    const prod = checkServerEnv({ ...base, NODE_ENV: "production", SMTP_URL: "smtp://smtp.example.gob.cl:587", CLAVEUNICA_PKCE: "off", CLAVEUNICA_NONCE: "off" });
    expect(prod.ok).toBe(true);
    if (prod.ok) expect(prod.warnings.map((w) => w.variable)).toEqual(["CLAVEUNICA_PKCE", "CLAVEUNICA_NONCE"]);
    const on = checkServerEnv({ ...base, NODE_ENV: "production", SMTP_URL: "smtps://portal:clave@smtp.example.gob.cl:465" });
    expect(on.ok && on.warnings).toEqual([]);
    const demo = checkServerEnv({ ...base, NODE_ENV: "production", PISEE_DEMO: "1", CLAVEUNICA_PKCE: "off" });
    expect(demo.ok && demo.warnings).toEqual([]);
  });

  it("warns in production when no SMTP server is named (mail would wait in the outbox for the default)", () => {
    const prod = checkServerEnv({ ...base, NODE_ENV: "production" });
    expect(prod.ok && prod.warnings.map((w) => w.variable)).toEqual(["SMTP_URL"]);
    const bad = checkServerEnv({ ...base, SMTP_URL: "http://smtp.example.gob.cl" });
    expect(bad.ok).toBe(false);
  });
});
