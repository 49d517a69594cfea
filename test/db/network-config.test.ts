import { compactVerify, createLocalJWKSet, decodeProtectedHeader } from "jose";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET as jwks } from "@/app/.well-known/jwks.json/route";
import { GET as configRoute } from "@/app/api/v1/network-config/route";
import * as agreements from "@/app/api/v1/agreements/route";
import * as transitions from "@/app/api/v1/agreements/[id]/transitions/route";
import { clock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { rotatePortalKey } from "@/lib/keys/portal-keys";
import { call } from "../support/api";

afterEach(() => clock.set(null));
// This file moves the clock to fixed times; documents that other files issued at the real time
// would look issued in its future (and would not be re-signed), so each test starts without them.
beforeEach(async () => {
  await getDb().networkConfig.deleteMany({});
});

async function fetchConfig(env = "dev") {
  const r = await call(configRoute, `/api/v1/network-config?env=${env}`);
  const jws = new TextDecoder().decode(r.bytes);
  return { r, jws };
}

async function verify(jws: string) {
  const keys = (await jwks()).json() as Promise<{ keys: object[] }>;
  const set = createLocalJWKSet((await keys) as never);
  const { payload, protectedHeader } = await compactVerify(jws, set, { algorithms: ["ES256"] });
  return { header: protectedHeader, payload: JSON.parse(new TextDecoder().decode(payload)) };
}

describe("portal keys", () => {
  it("publishes a configuration key and a consent key, public halves only; private halves sealed", async () => {
    const body = (await (await jwks()).json()) as { keys: Record<string, unknown>[] };
    expect(body.keys.map((k) => k.purpose).sort()).toEqual(["config", "consent"]);
    for (const k of body.keys) {
      expect(k).toMatchObject({ kty: "EC", crv: "P-256", use: "sig", alg: "ES256" });
      expect(k.d).toBeUndefined();
    }
    const rows = await getDb().portalKey.findMany();
    for (const row of rows) {
      // Sealed: 12-byte IV + 16-byte tag + ciphertext of the PKCS#8 DER (which starts 0x30 0x81 or 0x30 0x82).
      expect(row.encryptedPrivateKey.length).toBeGreaterThan(28 + 100);
      expect(Buffer.from(row.encryptedPrivateKey).includes(Buffer.from("PRIVATE"))).toBe(false);
    }
  });
});

describe("signed network configuration", () => {
  it("is a JWS signed by the configuration key, typ pisee-config+jwt, valid 15 minutes, with agreements in force", async () => {
    clock.set(new Date("2026-11-26T15:00:00Z"));
    const { r, jws } = await fetchConfig();
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/jose");
    const { header, payload } = await verify(jws);
    expect(header).toMatchObject({ alg: "ES256", typ: "pisee-config+jwt" });
    expect(payload).toMatchObject({ env: "dev", version: expect.any(Number) });
    expect(new Date(payload.expiresAt).getTime() - new Date(payload.issuedAt).getTime()).toBe(15 * 60 * 1000);
    const configKey = ((await (await jwks()).json()) as { keys: { kid: string; purpose: string }[] }).keys.find((k) => k.purpose === "config")!;
    expect(header.kid).toBe(configKey.kid);
    expect(payload.portal.jwks.keys.map((k: { purpose: string }) => k.purpose).sort()).toEqual(["config", "consent"]);
    expect(payload.institutions.length).toBe(429);
    const service = payload.services.find((s: { id: string }) => s.id === "SRCEI/discapacidad/v1");
    expect(service).toEqual({
      id: "SRCEI/discapacidad/v1",
      provider: "SRCEI",
      nodes: expect.any(Array),
      sensitive: true,
      requestSchema: null,
      responseSchema: null,
    });
    // Its nodes are exactly SRCEI's active nodes of this environment (other files register some).
    const srceiNodes = (payload.nodes as { id: string; institution: string }[]).filter((n) => n.institution === "SRCEI").map((n) => n.id);
    expect([...service.nodes].sort()).toEqual(srceiNodes.sort());
    expect(payload.services.some((s: { id: string }) => s.id === "MUN-SANTIAGO/patentes-comerciales/v1")).toBe(false); // a draft
    expect(payload.revokedConsents).toEqual([]);
  });

  it("keeps its version while nothing changes, re-signs before expiry with the same version, and bumps the version when content changes", async () => {
    clock.set(new Date("2026-11-26T16:00:00Z"));
    const first = await fetchConfig();
    const again = await fetchConfig();
    expect(again.jws).toBe(first.jws);
    const v1 = (await verify(first.jws)).payload.version;

    clock.set(new Date("2026-11-26T16:11:00Z")); // 4 minutes left: re-signed
    const resigned = await verify((await fetchConfig()).jws);
    expect(resigned.payload.version).toBe(v1);
    expect(resigned.payload.issuedAt).toBe("2026-11-26T16:11:00.000Z");

    // An agreement comes into force: new content, new version.
    const created = await call(agreements.POST, "/api/v1/agreements", {
      method: "POST",
      as: "15234567-4",
      body: {
        consumer: "MUN-SANTIAGO",
        service: "MINEDUC/matricula-por-comuna/v1",
        environment: "dev",
        type: "PERMANENTE",
        procedures: ["CPAT-JUNAEB-0012"],
        legalBasis: "Ley 18.695, Orgánica Constitucional de Municipalidades",
        declaredVolume: 12,
        mode: "LOTE",
        requestedTps: 2,
        submit: true,
      },
    });
    expect(created.json.status).toBe("VIGENTE");
    const bumped = await verify((await fetchConfig()).jws);
    expect(bumped.payload.version).toBe(v1 + 1);
    expect(bumped.payload.agreements).toContainEqual({ id: created.json.id, consumer: "MUN-SANTIAGO", service: "MINEDUC/matricula-por-comuna/v1", tps: 2, validUntil: null });
    // And leaves it when suspended.
    await call(transitions.POST, "/x", { method: "POST", params: { id: created.json.id }, as: "15234567-4", body: { action: "suspend", reason: "prueba" } });
    const after = await verify((await fetchConfig()).jws);
    expect(after.payload.version).toBe(v1 + 2);
    expect(after.payload.agreements.some((a: { id: string }) => a.id === created.json.id)).toBe(false);
  });

  it("needs a valid environment", async () => {
    const r = await call(configRoute, "/api/v1/network-config?env=test");
    expect(r.status).toBe(422);
    expect((await call(configRoute, "/api/v1/network-config")).status).toBe(422);
  });

  it("rotation: the new key is published at once, signs one expiry period later; the old one goes after another period", async () => {
    const t0 = new Date("2026-11-27T12:00:00Z");
    clock.set(t0);
    const before = await verify((await fetchConfig()).jws);
    const { kid, signsFrom } = await rotatePortalKey("config");
    expect(signsFrom.getTime()).toBe(t0.getTime() + 15 * 60 * 1000);
    const published = ((await (await jwks()).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
    expect(published).toContain(kid);
    expect(published).toContain(before.header.kid);

    clock.set(new Date(t0.getTime() + 11 * 60 * 1000)); // re-signed, still by the old key
    expect(decodeProtectedHeader((await fetchConfig()).jws).kid).toBe(before.header.kid);
    clock.set(new Date(t0.getTime() + 26 * 60 * 1000)); // re-signed by the new key
    const later = (await fetchConfig()).jws;
    expect(decodeProtectedHeader(later).kid).toBe(kid);
    clock.set(new Date(t0.getTime() + 31 * 60 * 1000)); // the old key is no longer needed
    const now = ((await (await jwks()).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
    expect(now).not.toContain(before.header.kid);
    expect(now).toContain(kid);
  });
});
