import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { request } from "undici";
import { encryptJwe, signJws } from "../../src/crypto/suite.ts";
import { createHarness } from "../support/harness.ts";

/**
 * Every check of PROTOCOL.md §3.3 through two node-agent processes (`node-agent start`, each its
 * own process, over HTTP on loopback), the provider's backend and a stand-in portal that signs the
 * configuration and, until the portal issues consent artefacts, the artefacts too with its own
 * consent key: each case asserts the HTTP status and the Pisee-Error code.
 */
let h: Awaited<ReturnType<typeof createHarness>>;
let consumer: Awaited<ReturnType<typeof h.addNodeProcess>>;
let provider: Awaited<ReturnType<typeof h.addNodeProcess>>;
const SENSITIVE = "SRCEI/discapacidad/v1";
const SERVICE = "SRCEI/certificado-nacimiento/v1";
const AGR = "11111111-1111-4111-8111-111111111111";
const AGR_SENSITIVE = "22222222-2222-4222-8222-222222222222";

// Node processes start and refresh on their own clock: room for a busy two-core machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

beforeAll(async () => {
  h = await createHarness();
  provider = await h.addNodeProcess("SRCEI/nodo-1", "provider", { timeouts: { providerMs: 5000, backendMs: 500 } });
  consumer = await h.addNodeProcess("MUN-SANTIAGO/nodo-1", "consumer");
  await provider.node.refreshNow();
  await consumer.node.refreshNow();
});
afterAll(async () => h?.close());

const nowS = () => Math.floor(Date.now() / 1000);

async function app(path: string, headers: Record<string, string> = {}, method = "GET") {
  const r = await request(`${consumer.node.localUrl}${path}`, { method: method as "GET", headers });
  return { status: r.statusCode, code: r.headers["pisee-error"], rid: r.headers["pisee-request-id"], text: await r.body.text() };
}

/** A request message built by hand, as a consumer node would (or as an attacker might). */
function craft(over: Record<string, unknown> = {}, opts: { signWith?: crypto.KeyObject; kid?: string; apu?: string; apv?: string; to?: { kid: string; key: crypto.KeyObject } } = {}) {
  const iat = nowS();
  const claims = {
    iss: "MUN-SANTIAGO/nodo-1",
    aud: "SRCEI/nodo-1",
    jti: crypto.randomUUID(),
    rid: crypto.randomUUID(),
    iat,
    exp: iat + 60,
    env: "dev",
    svc: SERVICE,
    agr: AGR,
    req: { method: "GET", path: "/x", query: "", headers: {}, body: "" },
    ...over,
  };
  const jws = signJws(claims, { privateKey: opts.signWith ?? consumer.keys.sig.privateKey, kid: opts.kid ?? consumer.keys.sig.publicJwk.kid, typ: "pisee-req+jwt" });
  const to = opts.to ?? { kid: provider.keys.enc.publicJwk.kid, key: crypto.createPublicKey({ key: provider.keys.enc.publicJwk, format: "jwk" }) };
  return { claims, jwe: encryptJwe(jws, { recipient: to, apu: opts.apu ?? "MUN-SANTIAGO/nodo-1", apv: opts.apv ?? "SRCEI/nodo-1", cty: "JWT" }) };
}

/** Posts a JWE to the provider's network port; for signed answers, decrypts and reads `err`. */
async function post(jwe: string) {
  const r = await request(`${provider.node.networkUrl}/v1/exchange`, { method: "POST", headers: { "content-type": "application/jose" }, body: jwe });
  const text = await r.body.text();
  if (r.statusCode !== 200) return { status: r.statusCode, code: r.headers["pisee-error"], text };
  const { decryptJweCompact, verifyJws } = await import("../../src/crypto/suite.ts");
  const inner = decryptJweCompact(text, { resolveKey: () => consumer.keys.enc.privateKey });
  const { payload } = verifyJws(Buffer.from(inner.plaintext).toString("utf8"), { typ: "pisee-res+jwt", resolveKey: () => crypto.createPublicKey({ key: provider.keys.sig.publicJwk, format: "jwk" }) });
  const res = payload.res as { status: number };
  return { status: res.status, code: payload.err as string | undefined, text };
}

describe("steps 1–2: anything that does not authenticate gets one clear 401", () => {
  it("tampered ciphertext", async () => {
    const { jwe } = craft();
    const parts = jwe.split(".");
    const ct = Buffer.from(parts[3]!, "base64url");
    ct[0]! ^= 1;
    parts[3] = ct.toString("base64url");
    const r = await post(parts.join("."));
    expect([r.status, r.code]).toEqual([401, "provider.unauthenticated"]);
    expect(JSON.parse(r.text).error.requestId).toBeNull();
  });
  it("addressed to another node (apv)", async () => {
    const r = await post(craft({}, { apv: "SRCEI/nodo-2" }).jwe);
    expect([r.status, r.code]).toEqual([401, "provider.unauthenticated"]);
  });
  it("forged signature (another key claiming the consumer's kid)", async () => {
    const other = crypto.generateKeyPairSync("ec", { namedCurve: "P-256", privateKeyEncoding: { type: "pkcs8", format: "der" }, publicKeyEncoding: { type: "spki", format: "der" } });
    const r = await post(craft({}, { signWith: crypto.createPrivateKey({ key: other.privateKey, format: "der", type: "pkcs8" }) }).jwe);
    expect([r.status, r.code]).toEqual([401, "provider.unauthenticated"]);
  });
  it("unknown consumer node", async () => {
    const r = await post(craft({ iss: "MUN-MARIQUINA/nodo-1" }, { apu: "MUN-MARIQUINA/nodo-1" }).jwe);
    expect([r.status, r.code]).toEqual([401, "provider.unauthenticated"]);
  });
  it("every refusal reads the same", async () => {
    const a = await post(craft({}, { apv: "SRCEI/nodo-2" }).jwe);
    const b = await post("no.es.un.jwe.valido");
    expect(a.text).toBe(b.text);
  });
});

describe("step 2a: claims of another form get provider.malformed inside the signed answer", () => {
  it.each([
    ["a jti with a line break", { jti: `${crypto.randomUUID()}\n1 X/n\u0000forged` }],
    ["a jti in upper case", { jti: crypto.randomUUID().toUpperCase() }],
    ["a rid that is not a UUID", { rid: "no-es-uuid" }],
    ["an agreement id over 64 characters", { agr: "a".repeat(65) }],
    ["a procedure over 128 characters", { proc: "P".repeat(129) }],
    ["a case with control characters", { case: "caso\r\nX: 1" }],
    ["an official that is not a RUN", { off: "12345678-6" }],
    ["a subject that is not a RUN", { sub: "uno" }],
    ["a method outside §3.1", { req: { method: "TRACE", path: "/x", query: "", headers: {}, body: "" } }],
    ["a path over 4,096 characters", { req: { method: "GET", path: `/${"a".repeat(4096)}`, query: "", headers: {}, body: "" } }],
    ["a query over 4,096 characters", { req: { method: "GET", path: "/x", query: "q".repeat(4097), headers: {}, body: "" } }],
    ["a dot-segment in the path", { req: { method: "GET", path: "/a/../b", query: "", headers: {}, body: "" } }],
    // Shape comes before time (step 3).
    ["a bad claim in an expired message", { proc: "P".repeat(129), iat: nowS() - 600, exp: nowS() - 540 }],
  ])("%s", async (_name, over) => {
    const before = h.received.length;
    const r = await post(craft(over).jwe);
    expect([r.status, r.code]).toEqual([400, "provider.malformed"]);
    expect(h.received.length).toBe(before); // nothing reached the backend
  });
  it("a body over 8 MiB decoded (§3.2)", async () => {
    const body = Buffer.alloc(8 * 1024 * 1024 + 1, 1).toString("base64url");
    const r = await post(craft({ req: { method: "POST", path: "/x", query: "", headers: {}, body } }).jwe);
    expect([r.status, r.code]).toEqual([400, "provider.malformed"]);
  });
  it("the consumer node sends only claims of that form: client.bad_request before anything leaves", async () => {
    const before = h.received.length;
    for (const headers of <Record<string, string>[]>[
      { "pisee-procedure": "P".repeat(129) },
      { "pisee-case": "caso\x85" }, // a C1 control character (headers arrive as latin1)
      { "pisee-procedure": "CPAT\tX" },
      { "pisee-official": "12345678-6" },
      { "pisee-official": "funcionario" },
    ]) {
      const r = await app(`/r1/${SERVICE}/x`, headers);
      expect([r.status, r.code], JSON.stringify(headers)).toEqual([400, "client.bad_request"]);
    }
    expect((await app(`/r1/${SERVICE}/${"a".repeat(4096)}`)).code).toBe("client.bad_request");
    expect(h.received.length).toBe(before);
    // A RUN as people write it is sent in its canonical form.
    const ok = await app(`/r1/${SERVICE}/x`, { "pisee-official": "12.345.678-5", "pisee-procedure": "P".repeat(128) });
    expect(ok.status).toBe(200);
    expect(h.received.at(-1)!.headers["pisee-official"]).toBe("12345678-5");
  });
});

describe("steps 3–10: signed answers with the error's code", () => {
  it("expired message", async () => {
    const r = await post(craft({ iat: nowS() - 200, exp: nowS() - 140 }).jwe);
    expect([r.status, r.code]).toEqual([401, "provider.expired"]);
  });
  it("wrong audience", async () => {
    const r = await post(craft({ aud: "SRCEI/nodo-9" }).jwe);
    expect([r.status, r.code]).toEqual([403, "provider.access_denied"]);
  });
  it("an agreement that is not in force for this consumer and service", async () => {
    const r = await post(craft({ agr: AGR_SENSITIVE }).jwe);
    expect([r.status, r.code]).toEqual([403, "provider.access_denied"]);
  });
  it("replayed message", async () => {
    const { jwe } = craft();
    expect((await post(jwe)).status).toBe(200);
    const again = await post(jwe);
    expect([again.status, again.code]).toEqual([401, "provider.replay_detected"]);
  });
  it("a retry with the same request id and a fresh message id is accepted", async () => {
    const rid = crypto.randomUUID();
    const a = await app(`/r1/${SERVICE}/x`, { "pisee-request-id": rid });
    const b = await app(`/r1/${SERVICE}/x`, { "pisee-request-id": rid });
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.rid, b.rid]).toEqual([rid, rid]);
  });
  it("sensitive service: without consent (consumer and provider), another person's, revoked", async () => {
    const noConsent = await app(`/r1/${SENSITIVE}/x`, { "pisee-subject": "11111111-1", "pisee-procedure": "CPAT-MDSF-0005" });
    expect([noConsent.status, noConsent.code]).toEqual([403, "consumer.consent_required"]);
    const direct = await post(craft({ svc: SENSITIVE, agr: AGR_SENSITIVE, sub: "11111111-1", proc: "CPAT-MDSF-0005" }).jwe);
    expect([direct.status, direct.code]).toEqual([403, "provider.consent_required"]);

    const consent = (sub: string, jti = crypto.randomUUID()) =>
      signJws(
        { iss: "portal", jti, env: "dev", sub, consumer: "MUN-SANTIAGO", services: [SENSITIVE], dataItems: ["SRCEI/discapacidad-rnd"], procedure: "CPAT-MDSF-0005", iat: nowS(), exp: nowS() + 3600 },
        { privateKey: h.consentKey.privateKey, kid: h.consentKey.publicJwk.kid, typ: "pisee-consent+jwt" },
      );
    const headers = (cns: string) => ({ "pisee-subject": "11.111.111-1", "pisee-procedure": "CPAT-MDSF-0005", "pisee-consent": cns, "pisee-request-id": crypto.randomUUID() });
    const ok = await app(`/r1/${SENSITIVE}/personas/yo`, headers(consent("11111111-1")));
    expect(ok.status).toBe(200);
    // The backend receives the person only from the verified consent, never from the app.
    expect(h.received.at(-1)!.headers["pisee-subject"]).toBe("11111111-1");
    expect(h.received.at(-1)!.url).toBe("/personas/yo");

    const other = await app(`/r1/${SENSITIVE}/x`, headers(consent("12345678-5")));
    expect([other.status, other.code]).toEqual([403, "provider.consent_invalid"]);
    const forged = signJws({ iss: "portal", sub: "11111111-1" }, { privateKey: consumer.keys.sig.privateKey, kid: h.consentKey.publicJwk.kid, typ: "pisee-consent+jwt" });
    expect((await app(`/r1/${SENSITIVE}/x`, headers(forged))).code).toBe("provider.consent_invalid");

    const revokedId = crypto.randomUUID();
    h.update((c) => c.revokedConsents.push({ id: revokedId, exp: nowS() + 3600 }));
    await provider.node.refreshNow();
    const revoked = await app(`/r1/${SENSITIVE}/x`, headers(consent("11111111-1", revokedId)));
    expect([revoked.status, revoked.code]).toEqual([403, "provider.consent_invalid"]);
  });
  it("backend down, and backend too slow", async () => {
    h.setBackend((_req, res) => res.socket?.destroy());
    const down = await app(`/r1/${SERVICE}/x`);
    expect([down.status, down.code]).toEqual([502, "provider.backend_unreachable"]);
    h.setBackend((_req, res) => setTimeout(() => res.writeHead(200).end("tarde"), 1500));
    const slow = await app(`/r1/${SERVICE}/x`);
    expect([slow.status, slow.code]).toEqual([504, "provider.backend_timeout"]);
    h.setBackend((_req, res) => res.writeHead(404, { "content-type": "text/plain" }).end("no existe"));
    const theirs = await app(`/r1/${SERVICE}/x`);
    expect([theirs.status, theirs.code, theirs.text]).toEqual([404, undefined, "no existe"]); // a backend's own 4xx passes through
    h.setBackend((req, res) => res.writeHead(200, { "content-type": "text/plain" }).end(`ok ${req.url}`));
  });
  it("TPS exceeded: the token bucket of the agreement", async () => {
    h.update((c) => (c.agreements.find((a) => a.id === AGR)!.tps = 2));
    await provider.node.refreshNow();
    const codes = await Promise.all(Array.from({ length: 6 }, () => app(`/r1/${SERVICE}/x`).then((r) => r.code ?? "ok")));
    expect(codes.filter((c) => c === "provider.rate_limited").length).toBeGreaterThanOrEqual(3);
    expect(codes.filter((c) => c === "ok").length).toBeGreaterThanOrEqual(1);
    h.update((c) => (c.agreements.find((a) => a.id === AGR)!.tps = 1000));
    await provider.node.refreshNow();
  });
  it("agreement suspended: refused after the next configuration refresh", async () => {
    h.update((c) => (c.agreements = c.agreements.filter((a) => a.id !== AGR)));
    await consumer.node.refreshNow();
    const r = await app(`/r1/${SERVICE}/x`);
    expect([r.status, r.code]).toEqual([403, "consumer.no_agreement"]);
    await provider.node.refreshNow();
    const direct = await post(craft().jwe);
    expect([direct.status, direct.code]).toEqual([403, "provider.access_denied"]);
  });
});
