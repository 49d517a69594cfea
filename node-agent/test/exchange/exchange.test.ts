import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request } from "undici";
import { commitRotation, loadKeys, prepareRotation } from "../../src/keystore.ts";
import { createHarness, type Harness } from "../support/harness.ts";

let h: Awaited<ReturnType<typeof createHarness>>;
let consumer: Awaited<ReturnType<Harness["addNode"]>>;
let provider: Awaited<ReturnType<Harness["addNode"]>>;

beforeAll(async () => {
  h = await createHarness();
  provider = await h.addNode("SRCEI/nodo-1", "provider");
  consumer = await h.addNode("MUN-SANTIAGO/nodo-1", "consumer");
  h.advance(31_000); // past the nodes' first 30 s (their replay guard)
  await provider.node.refreshNow();
  await consumer.node.refreshNow();
});
afterAll(async () => h?.close());

async function call(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const r = await request(`${consumer.node.localUrl}${path}`, { method: (init.method ?? "GET") as "GET", headers: init.headers, body: init.body });
  return { status: r.statusCode, headers: r.headers, text: await r.body.text() };
}

describe("an exchange through two nodes", () => {
  it("round trip: status, headers and body intact; only allowed headers travel", async () => {
    const r = await call("/r1/SRCEI/certificado-nacimiento/v1/certificados/12345678-5?formato=json", {
      method: "POST",
      headers: { "content-type": "application/json", "pisee-request-id": "0b7a1c5e-8d4f-4c2a-9e3b-5f6a7b8c9d0e", cookie: "a=b", "pisee-subject": "1-9" },
      body: JSON.stringify({ hola: "mundo" }),
    });
    expect(r.status, r.text).toBe(200);
    expect(r.headers["pisee-request-id"]).toBe("0b7a1c5e-8d4f-4c2a-9e3b-5f6a7b8c9d0e");
    expect(r.headers.etag).toBe('"v1"');
    expect(r.headers["set-cookie"]).toBeUndefined();
    expect(r.headers["x-internal"]).toBeUndefined();
    const body = JSON.parse(r.text);
    expect(body).toMatchObject({ ok: true, method: "POST", url: "/certificados/12345678-5?formato=json", subject: null, body: '{"hola":"mundo"}' });
    const seen = h.received.at(-1)!;
    expect(seen.headers["pisee-consumer"]).toBe("MUN-SANTIAGO");
    expect(seen.headers["pisee-request-id"]).toBe("0b7a1c5e-8d4f-4c2a-9e3b-5f6a7b8c9d0e");
    expect(seen.headers.cookie).toBeUndefined();
    expect(seen.headers["pisee-subject"]).toBeUndefined(); // not sensitive: never forwarded from the app
  });

  it("no agreement: refused by the consumer node", async () => {
    const r = await call("/r1/SRCEI/identidad/v1/personas/1");
    expect(r.status).toBe(403);
    expect(r.headers["pisee-error"]).toBe("consumer.no_agreement");
  });
});

describe("key rotation while the nodes run (PROTOCOL.md §3.3 step 1: current or overlapping key)", () => {
  it("the provider rotates: old and new keys both work during the overlap, no restart", async () => {
    const path = "/r1/SRCEI/certificado-nacimiento/v1/x";
    const old = loadKeys(provider.dataDir);
    prepareRotation(provider.dataDir);
    const fresh = commitRotation(provider.dataDir, h.now());
    expect(fresh.sig.publicJwk.kid).not.toBe(old.sig.publicJwk.kid);

    // Peers still have the old keys: the consumer encrypts to the old enc key, and the provider
    // (which has reloaded its keys) still signs with the old sig key.
    expect((await call(path)).status).toBe(200);
    expect(provider.node.ctx.keys.signing().publicJwk.kid).toBe(old.sig.publicJwk.kid);

    // The portal publishes the new keys after the old ones (as it does during the overlap).
    h.update((c) => c.nodes.find((n) => n.id === "SRCEI/nodo-1")!.jwks.keys.push(fresh.sig.publicJwk, fresh.enc.publicJwk));
    await consumer.node.refreshNow();
    await provider.node.refreshNow();
    const sealed = await call(path);
    expect(sealed.status, sealed.text).toBe(200); // encrypted to the new enc key now

    // After the propagation delay the provider signs with the new key; the consumer knows it.
    h.advance(151_000);
    expect(provider.node.ctx.keys.signing().publicJwk.kid).toBe(fresh.sig.publicJwk.kid);
    expect((await call(path)).status).toBe(200);

    // Past the overlap window the old enc key decrypts nothing.
    expect(provider.node.ctx.keys.decryption(old.enc.publicJwk.kid)).toBeDefined();
    h.advance(60 * 60 * 1000);
    expect(provider.node.ctx.keys.decryption(old.enc.publicJwk.kid)).toBeUndefined();
    h.update((c) => {
      const n = c.nodes.find((x) => x.id === "SRCEI/nodo-1")!;
      n.jwks.keys = [fresh.sig.publicJwk, fresh.enc.publicJwk];
    });
    await consumer.node.refreshNow();
    await provider.node.refreshNow();
    expect((await call(path)).status).toBe(200);
  });
});
