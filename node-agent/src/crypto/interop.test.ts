/**
 * The suite against the two reference libraries, both directions: JWS, JWE, and the protocol's
 * nested JWE(JWS) exchange (PROTOCOL.md §3.2, §3.4).
 */
import { describe, expect, it } from "vitest";
import { decryptJweCompact, encryptJwe, signJws, verifyJws } from "./suite.ts";
import { CONSUMER_ID, expectJoseError, flipBit, headerOf, makeNode, only, PROVIDER_ID, type TestNode } from "../../test/support/crypto-fixtures.ts";
import { josePeer, nodeJose, nodeJosePeer, type Peer } from "../../test/support/jose-peers.ts";

const consumer = makeNode();
const provider = makeNode();
const encoder = new TextEncoder();
const request = {
  iss: CONSUMER_ID,
  aud: PROVIDER_ID,
  jti: "5f0b6c1e-8a51-4a8e-9d59-0d6f4a1b7c11",
  rid: "0c8b1b2e-1d0b-4a53-9a4f-2f1e0d3c4b5a",
  iat: 1795000000,
  exp: 1795000060,
  env: "prod",
  svc: "SRCEI/certificado-nacimiento/v1",
  req: { method: "GET", path: "/personas/12345678-5", query: "", headers: { accept: "application/json" }, body: "" },
};

const sigKeyOf = (node: TestNode) => only(node.sig.publicJwk.kid, node.sigPublic.key);
const encKeyOf = (node: TestNode) => only(node.enc.publicJwk.kid, node.enc.privateKey);

function interop<K>(peer: Peer<K>) {
  describe(`interop with ${peer.name}`, () => {
    /** The peer's handles on each node's keys (it plays either side). */
    const keys = async (node: TestNode) => ({
      sigPrivate: await peer.importKey(node.sigPrivateJwk),
      sigPublic: await peer.importKey(node.sig.publicJwk),
      encPrivate: await peer.importKey(node.encPrivateJwk),
      encPublic: await peer.importKey(node.enc.publicJwk),
    });

    it(`a JWS made here verifies in ${peer.name}`, async () => {
      const jws = signJws(request, { privateKey: consumer.sig.privateKey, kid: consumer.sig.publicJwk.kid, typ: "pisee-req+jwt" });
      const { header, payload } = await peer.verify(jws, (await keys(consumer)).sigPublic);
      expect(header).toMatchObject({ alg: "ES256", kid: consumer.sig.publicJwk.kid, typ: "pisee-req+jwt" });
      expect(JSON.parse(Buffer.from(payload).toString("utf8"))).toEqual(request);
    });

    it(`a JWS made by ${peer.name} verifies here`, async () => {
      const jws = await peer.sign(encoder.encode(JSON.stringify(request)), (await keys(consumer)).sigPrivate, {
        kid: consumer.sig.publicJwk.kid,
        typ: "pisee-req+jwt",
      });
      const { header, payload } = verifyJws(jws, { typ: "pisee-req+jwt", resolveKey: sigKeyOf(consumer) });
      expect(header).toEqual({ alg: "ES256", kid: consumer.sig.publicJwk.kid, typ: "pisee-req+jwt" });
      expect(payload).toEqual(request);
      expectJoseError(() => verifyJws(jws, { typ: "pisee-res+jwt", resolveKey: sigKeyOf(consumer) }), "jose.typ_mismatch");
      expectJoseError(() => verifyJws(jws, { typ: "pisee-req+jwt", resolveKey: sigKeyOf(provider) }), "jose.kid_unknown");
      expectJoseError(() => verifyJws(flipBit(jws, 2), { typ: "pisee-req+jwt", resolveKey: sigKeyOf(consumer) }), "jose.signature_invalid");
    });

    it(`a JWE made here decrypts in ${peer.name} with the same apu/apv`, async () => {
      const plaintext = encoder.encode("texto ñ ✓ ".repeat(200));
      const jwe = encryptJwe(plaintext, { recipient: provider.encPublic, apu: CONSUMER_ID, apv: PROVIDER_ID, cty: "JWT" });
      const { header, plaintext: opened } = await peer.decrypt(jwe, (await keys(provider)).encPrivate);
      expect(header).toMatchObject({ alg: "ECDH-ES+A256KW", enc: "A256GCM", kid: provider.enc.publicJwk.kid, cty: "JWT" });
      expect([header.apu, header.apv]).toEqual([Buffer.from(CONSUMER_ID).toString("base64url"), Buffer.from(PROVIDER_ID).toString("base64url")]);
      expect(Buffer.from(opened).equals(plaintext)).toBe(true);
    });

    it(`a JWE made by ${peer.name} (ECDH-ES+A256KW, A256GCM, apu/apv) decrypts here`, async () => {
      const plaintext = encoder.encode(JSON.stringify(request));
      const jwe = await peer.encrypt(plaintext, (await keys(provider)).encPublic, { kid: provider.enc.publicJwk.kid, apu: CONSUMER_ID, apv: PROVIDER_ID, cty: "JWT" });
      expect(headerOf(jwe)).toMatchObject({ alg: "ECDH-ES+A256KW", enc: "A256GCM", kid: provider.enc.publicJwk.kid });
      const opened = decryptJweCompact(jwe, { resolveKey: encKeyOf(provider), expectedApv: PROVIDER_ID });
      expect(opened).toMatchObject({ apu: CONSUMER_ID, apv: PROVIDER_ID, cty: "JWT", kid: provider.enc.publicJwk.kid });
      expect(Buffer.from(opened.plaintext).equals(plaintext)).toBe(true);
      for (const segment of [1, 2, 3, 4]) {
        expectJoseError(() => decryptJweCompact(flipBit(jwe, segment), { resolveKey: encKeyOf(provider), expectedApv: PROVIDER_ID }), "jose.decrypt_failed");
      }
      expectJoseError(() => decryptJweCompact(jwe, { resolveKey: encKeyOf(provider), expectedApv: CONSUMER_ID }), "jose.apv_mismatch");
    });

    it(`a full exchange, this suite as consumer and ${peer.name} as provider`, async () => {
      const p = await keys(provider);
      const c = await keys(consumer);
      // consumer → provider: JWE(JWS(request))
      const jws = signJws(request, { privateKey: consumer.sig.privateKey, kid: consumer.sig.publicJwk.kid, typ: "pisee-req+jwt" });
      const jwe = encryptJwe(jws, { recipient: provider.encPublic, apu: CONSUMER_ID, apv: PROVIDER_ID, cty: "JWT" });
      const inner = await peer.decrypt(jwe, p.encPrivate);
      const verified = await peer.verify(Buffer.from(inner.plaintext).toString("ascii"), c.sigPublic);
      expect(JSON.parse(Buffer.from(verified.payload).toString("utf8"))).toEqual(request);
      // provider → consumer: JWE(JWS(response))
      const response = { iss: PROVIDER_ID, aud: CONSUMER_ID, irt: request.jti, res: { status: 200, headers: {}, body: "e30" } };
      const resJws = await peer.sign(encoder.encode(JSON.stringify(response)), p.sigPrivate, { kid: provider.sig.publicJwk.kid, typ: "pisee-res+jwt" });
      const resJwe = await peer.encrypt(encoder.encode(resJws), c.encPublic, { kid: consumer.enc.publicJwk.kid, apu: PROVIDER_ID, apv: CONSUMER_ID, cty: "JWT" });
      const opened = decryptJweCompact(resJwe, { resolveKey: encKeyOf(consumer), expectedApv: CONSUMER_ID });
      expect(opened.apu).toBe(PROVIDER_ID);
      expect(verifyJws(opened.plaintext, { typ: "pisee-res+jwt", resolveKey: sigKeyOf(provider) }).payload).toEqual(response);
    });

    it(`a full exchange, ${peer.name} as consumer and this suite as provider`, async () => {
      const p = await keys(provider);
      const c = await keys(consumer);
      const jws = await peer.sign(encoder.encode(JSON.stringify(request)), c.sigPrivate, { kid: consumer.sig.publicJwk.kid, typ: "pisee-req+jwt" });
      const jwe = await peer.encrypt(encoder.encode(jws), p.encPublic, { kid: provider.enc.publicJwk.kid, apu: CONSUMER_ID, apv: PROVIDER_ID, cty: "JWT" });
      const opened = decryptJweCompact(jwe, { resolveKey: encKeyOf(provider), expectedApv: PROVIDER_ID });
      const { payload } = verifyJws(opened.plaintext, { typ: "pisee-req+jwt", resolveKey: sigKeyOf(consumer) });
      expect(payload).toEqual(request);
      expect(opened.apu).toBe(payload.iss);

      const response = { iss: PROVIDER_ID, aud: CONSUMER_ID, irt: request.jti, res: { status: 404, headers: {}, body: "" } };
      const resJws = signJws(response, { privateKey: provider.sig.privateKey, kid: provider.sig.publicJwk.kid, typ: "pisee-res+jwt" });
      const resJwe = encryptJwe(resJws, { recipient: consumer.encPublic, apu: PROVIDER_ID, apv: CONSUMER_ID, cty: "JWT" });
      const inner = await peer.decrypt(resJwe, c.encPrivate);
      const verified = await peer.verify(Buffer.from(inner.plaintext).toString("ascii"), p.sigPublic);
      expect(JSON.parse(Buffer.from(verified.payload).toString("utf8"))).toEqual(response);
    });
  });
}

interop(josePeer);
interop(nodeJosePeer);

describe("node-jose tokens outside the suite are refused here", () => {
  const encrypt = async (options: { contentAlg?: string; zip?: boolean; fields?: Record<string, unknown> }) => {
    const key = await nodeJose.JWK.asKey({ ...provider.enc.publicJwk, alg: undefined }); // no alg: node-jose would refuse other algs
    const fields = { alg: "ECDH-ES+A256KW", apu: Buffer.from(CONSUMER_ID).toString("base64url"), apv: Buffer.from(PROVIDER_ID).toString("base64url"), ...options.fields };
    const encrypter = nodeJose.JWE.createEncrypt({ format: "compact", contentAlg: options.contentAlg ?? "A256GCM", fields, ...(options.zip ? { zip: true } : {}) } as never, key);
    return encrypter.update(Buffer.from("{}")).final();
  };
  const open = (jwe: string) => decryptJweCompact(jwe, { resolveKey: encKeyOf(provider), expectedApv: PROVIDER_ID });

  it("zip (compressed), jku, A128GCM, ECDH-ES+A128KW", async () => {
    const zipped = await encrypt({ zip: true });
    expect(headerOf(zipped).zip).toBe("DEF");
    expectJoseError(() => open(zipped), "jose.header_not_allowed");
    const jku = await encrypt({ fields: { jku: "https://atacante.example/jwks" } });
    expectJoseError(() => open(jku), "jose.header_not_allowed");
    const a128gcm = await encrypt({ contentAlg: "A128GCM" });
    expectJoseError(() => open(a128gcm), "jose.alg_not_allowed");
    const a128kw = await encrypt({ fields: { alg: "ECDH-ES+A128KW" } });
    expectJoseError(() => open(a128kw), "jose.alg_not_allowed");
    expect(open(await encrypt({})).apu).toBe(CONSUMER_ID);
  });
});
