import crypto from "node:crypto";
import { calculateJwkThumbprint, decodeJwt, exportJWK } from "jose";
import { afterEach, describe, expect, it } from "vitest";
import * as configRoute from "@/app/api/v1/network-config/route";
import * as anchor from "@/app/api/v1/network-config/anchor/route";
import * as registrationToken from "@/app/api/v1/nodes/[institution]/[node]/registration-token/route";
import * as revoke from "@/app/api/v1/nodes/[institution]/[node]/revoke/route";
import * as rotationToken from "@/app/api/v1/nodes/[institution]/[node]/rotation-token/route";
import * as register from "@/app/api/v1/nodes/register/route";
import * as rotate from "@/app/api/v1/nodes/rotate-keys/route";
import * as nodes from "@/app/api/v1/nodes/route";
import { clock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { call } from "../support/api";
import { errorWith } from "../support/errors";

const SRCEI_ADMIN = "12345678-5";
const SRCEI_STAFF = "13579246-2";
const MUN_ADMIN = "15234567-4";

afterEach(() => clock.set(null));

async function keyPair(use: "sig" | "enc") {
  const { publicKey } = crypto.generateKeyPairSync("ec", { namedCurve: "P-256", publicKeyEncoding: { type: "spki", format: "der" }, privateKeyEncoding: { type: "pkcs8", format: "der" } });
  const jwk = await exportJWK(crypto.createPublicKey({ key: publicKey, format: "der", type: "spki" }));
  const kid = await calculateJwkThumbprint(jwk, "sha256");
  return { ...jwk, kid, use, alg: use === "sig" ? "ES256" : "ECDH-ES+A256KW" } as Record<string, unknown>;
}
const jwks = async () => ({ keys: [await keyPair("sig"), await keyPair("enc")] });

async function config(env = "dev") {
  const r = await call(configRoute.GET, `/api/v1/network-config?env=${env}`);
  return decodeJwt(new TextDecoder().decode(r.bytes)) as unknown as { nodes: { id: string; url: string; jwks: { keys: { kid: string }[] } }[]; services: { id: string; nodes: string[] }[] };
}

const newNode = (name: string, as = SRCEI_ADMIN, extra: Record<string, unknown> = {}) =>
  call(nodes.POST, "/api/v1/nodes", { method: "POST", as, body: { institution: "SRCEI", name, environment: "dev", baseUrl: "http://127.0.0.1:9443", ...extra } });

describe("registering a node", () => {
  it("an admin creates it, the node registers its keys with the one-time token and appears in the configuration", async () => {
    expect((await newNode("nodo-staff", SRCEI_STAFF)).status).toBe(403);
    expect((await newNode("nodo-otro", MUN_ADMIN)).status).toBe(403);
    const created = await newNode("nodo-1");
    expect(created.status).toBe(201);
    expect(created.json.node).toMatchObject({ id: "SRCEI/nodo-1", status: "PENDING", keys: [], tokenPending: { purpose: "register" } });
    expect(created.json.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await newNode("nodo-1")).status).toBe(409);
    expect((await newNode("nodo-prod", SRCEI_ADMIN, { environment: "prod" })).status).toBe(422); // prod needs https

    const keys = await jwks();
    const reg = await call(register.POST, "/api/v1/nodes/register", { method: "POST", body: { token: created.json.token, jwks: keys } });
    expect(reg.status).toBe(200);
    expect(reg.json).toMatchObject({ nodeId: "SRCEI/nodo-1", environment: "dev", kids: [keys.keys[0]!.kid, keys.keys[1]!.kid] });
    expect(reg.json.networkConfigUrl).toMatch(/\/api\/v1\/network-config\?env=dev$/);
    // The token is spent.
    const again = await call(register.POST, "/api/v1/nodes/register", { method: "POST", body: { token: created.json.token, jwks: await jwks() } });
    expect(again.status).toBe(401);
    expect(again.json).toMatchObject(errorWith("invalid_token"));

    const c = await config();
    const node = c.nodes.find((n) => n.id === "SRCEI/nodo-1")!;
    expect(node.url).toBe("http://127.0.0.1:9443");
    expect(node.jwks.keys.map((k) => k.kid).sort()).toEqual([keys.keys[0]!.kid, keys.keys[1]!.kid].sort());
    expect(c.services.find((s) => s.id === "SRCEI/identidad/v1")!.nodes).toEqual(["SRCEI/nodo-1"]);
    expect((await config("prod")).nodes.some((n) => n.id === "SRCEI/nodo-1")).toBe(false);
    const a = await call(anchor.GET, "/api/v1/network-config/anchor");
    expect(a.json.keys.every((k: { purpose: string }) => k.purpose === "config")).toBe(true);
    expect(a.headers.get("content-disposition")).toBe('attachment; filename="anchor.json"');
  });

  it("«nuevo» is reserved (the portal's page for a new node)", async () => {
    const r = await newNode("nuevo");
    expect(r.status).toBe(422);
    expect(r.json.error.issues[0]).toMatchObject({ path: "name", message: expect.stringContaining("reservado") });
  });

  it("a pending node whose token expired gets a new one; the old one stops working", async () => {
    const created = await newNode("nodo-4");
    const params = { institution: "SRCEI", node: "nodo-4" };
    clock.set(new Date(Date.now() + 25 * 60 * 60 * 1000));
    expect((await call(registrationToken.POST, "/x", { method: "POST", params, as: SRCEI_STAFF })).status).toBe(403);
    expect((await call(registrationToken.POST, "/x", { method: "POST", params, as: MUN_ADMIN })).status).toBe(404);
    const fresh = await call(registrationToken.POST, "/x", { method: "POST", params, as: SRCEI_ADMIN });
    expect(fresh.status).toBe(200);
    expect(fresh.json.node.tokenPending.purpose).toBe("register");
    expect((await call(register.POST, "/x", { method: "POST", body: { token: created.json.token, jwks: await jwks() } })).status).toBe(401);
    expect((await call(register.POST, "/x", { method: "POST", body: { token: fresh.json.token, jwks: await jwks() } })).status).toBe(200);
    // Active now: a registration token no longer applies (a rotation token does).
    const conflict = await call(registrationToken.POST, "/x", { method: "POST", params, as: SRCEI_ADMIN });
    expect(conflict.status).toBe(409);
    expect(conflict.json).toMatchObject(errorWith("node_not_pending"));
  });

  it("refuses keys that break the rules, and expired tokens", async () => {
    const created = await newNode("nodo-2");
    const token = created.json.token as string;
    const sig = await keyPair("sig");
    const enc = await keyPair("enc");
    const bad = [
      { keys: [{ ...sig, d: "AAAA" }, enc] }, // private material
      { keys: [sig, { ...enc, k: "AAAA" }] }, // private material of another key type (the portal once looked at d, p, q only)
      { keys: [{ ...sig, qi: "AAAA" }, enc] },
      { keys: [{ ...sig, kid: "otro" }, enc] }, // kid is not the thumbprint
      { keys: [sig, { ...enc, crv: "P-384" }] }, // other curve
      { keys: [sig, await keyPair("sig")] }, // two signature keys
      { keys: [sig, { ...enc, alg: "RSA-OAEP" }] }, // an algorithm outside the suite
      { keys: [sig, { ...enc, x: sig.x }] }, // not a point on the curve
    ];
    for (const k of bad) {
      const r = await call(register.POST, "/x", { method: "POST", body: { token, jwks: k } });
      expect(r.status, JSON.stringify(k)).toBe(422);
    }
    const privateMaterial = await call(register.POST, "/x", { method: "POST", body: { token, jwks: { keys: [sig, { ...enc, k: "AAAA" }] } } });
    expect(privateMaterial.json.error.issues[0].message).toContain("material privado");
    clock.set(new Date(Date.now() + 25 * 60 * 60 * 1000));
    const late = await call(register.POST, "/x", { method: "POST", body: { token, jwks: { keys: [sig, enc] } } });
    expect(late.status).toBe(401);
  });
});

describe("node URLs are origins; in prod https and a public host (PROTOCOL.md §2)", () => {
  it.each([
    ["dev", "http://127.0.0.1:9443/v1", "sin ruta"],
    ["dev", "http://usuario:clave@nodo.srcei.cl", "sin ruta"],
    ["dev", "ftp://nodo.srcei.cl", "http:// o https://"],
    ["prod", "http://nodo.srcei.cl", "https://"],
    ["prod", "https://169.254.169.254", "enlace local"],
    ["prod", "https://127.0.0.1:8082", "local"],
    ["prod", "https://[::1]:8082", "local"],
    ["prod", "https://0.0.0.0", "no especificada"],
    ["prod", "https://224.0.0.1", "multidifusión"],
    ["prod", "https://localhost:8443", "local"],
    ["prod", "https://10.1.2.3", "red privada"],
    ["prod", "https://192.168.0.10:8443", "red privada"],
  ])("%s %s is refused (422, baseUrl)", async (environment, baseUrl, words) => {
    const r = await newNode(`nodo-url-${Math.random().toString(36).slice(2, 8)}`, SRCEI_ADMIN, { environment, baseUrl });
    expect(r.status).toBe(422);
    expect(r.json.error.issues[0].path).toBe("baseUrl");
    expect(r.json.error.issues[0].message).toContain(words);
  });

  it("stores the origin as normalised", async () => {
    const r = await newNode("nodo-url-ok", SRCEI_ADMIN, { environment: "prod", baseUrl: "https://Nodo.SRCEI.cl:443/" });
    expect(r.status).toBe(201);
    expect(r.json.node.baseUrl).toBe("https://nodo.srcei.cl");
  });
});

describe("one-time tokens are one-time, also under concurrency", () => {
  async function nodeKids(id: string) {
    const n = await call(nodes.GET, "/api/v1/nodes?institution=SRCEI", { as: SRCEI_ADMIN });
    return n.json.data.find((x: { id: string }) => x.id === id).keys.map((k: { kid: string }) => k.kid).sort();
  }

  it("10 concurrent registrations with one token: exactly one succeeds, the node has exactly its keys", async () => {
    const created = await newNode("nodo-carrera");
    const sets = await Promise.all(Array.from({ length: 10 }, () => jwks()));
    const answers = await Promise.all(sets.map((keys) => call(register.POST, "/x", { method: "POST", body: { token: created.json.token, jwks: keys } })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(9).fill(401)]);
    for (const a of answers.filter((x) => x.status === 401)) expect(a.json).toMatchObject(errorWith("invalid_token"));
    const winner = sets[answers.findIndex((a) => a.status === 200)]!;
    expect(await nodeKids("SRCEI/nodo-carrera")).toEqual(winner.keys.map((k) => k.kid as string).sort());
    const published = (await config()).nodes.find((n) => n.id === "SRCEI/nodo-carrera")!.jwks.keys.map((k) => k.kid).sort();
    expect(published).toEqual(winner.keys.map((k) => k.kid as string).sort());
  });

  it("10 concurrent rotations with one token: exactly one succeeds", async () => {
    const created = await newNode("nodo-carrera-2");
    const first = await jwks();
    await call(register.POST, "/x", { method: "POST", body: { token: created.json.token, jwks: first } });
    const t = await call(rotationToken.POST, "/x", { method: "POST", params: { institution: "SRCEI", node: "nodo-carrera-2" }, as: SRCEI_ADMIN });
    const sets = await Promise.all(Array.from({ length: 10 }, () => jwks()));
    const answers = await Promise.all(sets.map((keys) => call(rotate.POST, "/x", { method: "POST", body: { token: t.json.token, jwks: keys } })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(9).fill(401)]);
    const winner = sets[answers.findIndex((a) => a.status === 200)]!;
    expect(await nodeKids("SRCEI/nodo-carrera-2")).toEqual([...first.keys, ...winner.keys].map((k) => k.kid as string).sort());
  });

  it("keys refused with 422 leave the token usable", async () => {
    const created = await newNode("nodo-reintento");
    const bad = await call(register.POST, "/x", { method: "POST", body: { token: created.json.token, jwks: { keys: [await keyPair("sig"), await keyPair("sig")] } } });
    expect(bad.status).toBe(422);
    expect((await call(register.POST, "/x", { method: "POST", body: { token: created.json.token, jwks: await jwks() } })).status).toBe(200);
  });
});

describe("rotating keys and revoking", () => {
  it("new keys overlap with the old ones for an hour; a revoked node leaves the configuration", async () => {
    const created = await newNode("nodo-3");
    const first = await jwks();
    await call(register.POST, "/x", { method: "POST", body: { token: created.json.token, jwks: first } });
    const params = { institution: "SRCEI", node: "nodo-3" };
    expect((await call(rotationToken.POST, "/x", { method: "POST", params, as: SRCEI_STAFF })).status).toBe(403);
    const t = await call(rotationToken.POST, "/x", { method: "POST", params, as: SRCEI_ADMIN });
    expect(t.json.node.tokenPending.purpose).toBe("rotate");
    // A registration token is not a rotation token, nor the other way round.
    expect((await call(register.POST, "/x", { method: "POST", body: { token: t.json.token, jwks: await jwks() } })).status).toBe(401);
    const second = await jwks();
    const rotated = await call(rotate.POST, "/x", { method: "POST", body: { token: t.json.token, jwks: second } });
    expect(rotated.status).toBe(200);
    const kids = (await config()).nodes.find((n) => n.id === "SRCEI/nodo-3")!.jwks.keys.map((k) => k.kid);
    expect(kids).toEqual(expect.arrayContaining([...first.keys, ...second.keys].map((k) => k.kid as string)));
    clock.set(new Date(Date.now() + 61 * 60 * 1000));
    const later = (await config()).nodes.find((n) => n.id === "SRCEI/nodo-3")!.jwks.keys.map((k) => k.kid).sort();
    expect(later).toEqual(second.keys.map((k) => k.kid as string).sort());
    clock.set(null);

    expect((await call(revoke.POST, "/x", { method: "POST", params, as: SRCEI_ADMIN, body: { reason: "" } })).status).toBe(422);
    const r = await call(revoke.POST, "/x", { method: "POST", params, as: SRCEI_ADMIN, body: { reason: "Servidor dado de baja" } });
    expect(r.json.status).toBe("REVOKED");
    expect((await config()).nodes.some((n) => n.id === "SRCEI/nodo-3")).toBe(false);
    expect((await call(revoke.POST, "/x", { method: "POST", params, as: SRCEI_ADMIN, body: { reason: "otra vez" } })).status).toBe(409);

    // Each event told the institution (in-app, and by mail to its members through the outbox).
    const notes = await getDb().notification.findMany({ where: { institutionCode: "SRCEI", body: { contains: "SRCEI/nodo-3" } }, orderBy: { createdAt: "asc" } });
    expect(notes.map((n) => n.kind)).toEqual(["NODO_REGISTRADO", "NODO_CLAVES_ROTADAS", "NODO_REVOCADO"]);
    expect(notes[2]!.body).toContain("Motivo: Servidor dado de baja");
    expect(notes.map((n) => n.title)).toEqual(["Nodo registrado · SRCEI/nodo-3", "Claves del nodo rotadas · SRCEI/nodo-3", "Nodo revocado · SRCEI/nodo-3"]);
    const members = await getDb().membership.count({ where: { institutionCode: "SRCEI" } });
    expect(await getDb().mailMessage.count({ where: { notificationId: { in: notes.map((n) => n.id) } } })).toBe(3 * members);
  });

  it("members list their institution's nodes; others cannot", async () => {
    const own = await call(nodes.GET, "/api/v1/nodes?institution=SRCEI", { as: SRCEI_STAFF });
    expect(own.json.data.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining(["SRCEI/nodo-1"]));
    expect((await call(nodes.GET, "/api/v1/nodes?institution=SRCEI", { as: MUN_ADMIN })).status).toBe(403);
  });
});
