import { describe, expect, it } from "vitest";
import { checkServerEnv } from "@/lib/env";
import { AFTER_LOGOUT, CLAVEUNICA_SCOPE, claveUnicaLogoutUrl, claveUnicaProvider, identityFromUserinfo } from "./claveunica";

const env = {
  DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/db",
  NEXTAUTH_URL: "http://localhost:3000",
  NEXTAUTH_SECRET: "Zk3q9V7x1LmR2pT8wY4nB6cD0eF5gH7jK9",
  CLAVEUNICA_ISSUER: "http://127.0.0.1:4010",
  CLAVEUNICA_CLIENT_ID: "pisee-portal",
  CLAVEUNICA_CLIENT_SECRET: "0123456789abcdef0123",
  CLAVEUNICA_LOGOUT_URL: "http://127.0.0.1:4010/api/v1/accounts/app/logout",
  PISEE_MASTER_KEY: "q3Zk1c9V7x1LmR2pT8wY4nB6cD0eF5gH7jK9aQwErTy",
};

/** The provider as the portal builds it from this environment. */
function providerFrom(extra: Record<string, string>) {
  const r = checkServerEnv({ ...env, ...extra });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return claveUnicaProvider(r.env);
}

describe("claveUnicaProvider", () => {
  it("uses PKCE, state and nonce by default, and validates the ID token", () => {
    const p = providerFrom({});
    expect(p.checks).toEqual(["pkce", "state", "nonce"]);
    expect(p.idToken).toBe(true);
    expect(p.client).toEqual({ token_endpoint_auth_method: "client_secret_post" });
  });

  it("asks for the RUN, the name and the e-mail address", () => {
    expect(CLAVEUNICA_SCOPE).toBe("openid run name email");
    expect(providerFrom({}).authorization).toEqual({ params: { scope: "openid run name email" } });
  });

  it("drops PKCE or the nonce only when the environment turns it off; state always stays", () => {
    expect(providerFrom({ CLAVEUNICA_PKCE: "off" }).checks).toEqual(["state", "nonce"]);
    expect(providerFrom({ CLAVEUNICA_NONCE: "off" }).checks).toEqual(["pkce", "state"]);
    expect(providerFrom({ CLAVEUNICA_PKCE: "off", CLAVEUNICA_NONCE: "off" }).checks).toEqual(["state"]);
    expect(providerFrom({ CLAVEUNICA_PKCE: "on", CLAVEUNICA_NONCE: "on" }).checks).toEqual(["pkce", "state", "nonce"]);
  });
});

describe("identityFromUserinfo", () => {
  it("keys the person by RUN, not by sub", () => {
    const id = identityFromUserinfo({
      sub: "5001",
      RolUnico: { numero: 11111111, DV: "1", tipo: "RUN" },
      name: { nombres: ["Ana", "María"], apellidos: ["Pérez", "Soto"] },
    });
    expect(id).toEqual({ id: "11111111-1", valid: true, run: "11111111-1", givenNames: "Ana María", familyNames: "Pérez Soto", name: "Ana María Pérez Soto", email: null });
  });

  it("carries the address ClaveÚnica gives, trimmed", () => {
    const id = identityFromUserinfo({ sub: "5001", RolUnico: { numero: 11111111, DV: "1", tipo: "RUN" }, email: "  ana.perez@example.cl " });
    expect(id.valid && id.email).toBe("ana.perez@example.cl");
  });

  it("ignores a malformed or empty address: the person signs in without one", () => {
    for (const email of ["no-es-correo", "ana@", "a b@example.cl", "", "<ana@example.cl>"]) {
      const id = identityFromUserinfo({ sub: "5001", RolUnico: { numero: 11111111, DV: "1", tipo: "RUN" }, email });
      expect(id).toMatchObject({ valid: true, email: null });
    }
    const odd = identityFromUserinfo({ sub: "5001", RolUnico: { numero: 11111111, DV: "1", tipo: "RUN" }, email: 42 as unknown as string });
    expect(odd).toMatchObject({ valid: true, email: null });
  });

  it("accepts a lower-case k and a numeric string", () => {
    const id = identityFromUserinfo({ sub: "x", RolUnico: { numero: "16543210", DV: "k", tipo: "RUN" } });
    expect(id.valid && id.run).toBe("16543210-K");
  });

  it("refuses a wrong check digit", () => {
    const id = identityFromUserinfo({ sub: "5009", RolUnico: { numero: 14141414, DV: "4", tipo: "RUN" } });
    expect(id).toMatchObject({ valid: false, reason: "invalid_run" });
  });

  it("refuses a missing RolUnico or another document type", () => {
    expect(identityFromUserinfo({ sub: "1" })).toMatchObject({ valid: false, reason: "missing_run" });
    expect(identityFromUserinfo({ sub: "1", RolUnico: { numero: 11111111, DV: "1", tipo: "PASAPORTE" } })).toMatchObject({ valid: false, reason: "not_a_run" });
  });
});

describe("claveUnicaLogoutUrl", () => {
  it("sends the browser to ClaveÚnica's logout with the portal's return URL", () => {
    const r = checkServerEnv(env);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const url = new URL(claveUnicaLogoutUrl(r.env, AFTER_LOGOUT.refused));
    expect(`${url.origin}${url.pathname}`).toBe(env.CLAVEUNICA_LOGOUT_URL);
    expect(url.searchParams.get("redirect")).toBe("http://localhost:3000/ingresar/error?error=RunInvalido");
    expect(new URL(claveUnicaLogoutUrl(r.env, AFTER_LOGOUT.signedOut)).searchParams.get("redirect")).toBe("http://localhost:3000/?sesion=cerrada");
  });
});
