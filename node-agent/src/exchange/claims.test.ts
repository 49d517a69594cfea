import { describe, expect, it } from "vitest";
import { ProtocolError } from "../errors.ts";
import { base64urlDecodedSize, checkRequestShape, isPrintableText, MAX_BODY_BYTES } from "./claims.ts";

const good = () => ({
  iss: "MUN-SANTIAGO/nodo-1",
  aud: "SRCEI/nodo-1",
  jti: "0b7a1c5e-8d4f-4c2a-9e3b-5f6a7b8c9d0e",
  rid: "7d444840-9dc0-11d1-b245-5ffdce74fad2",
  iat: 1,
  exp: 61,
  env: "dev",
  svc: "SRCEI/certificado-nacimiento/v1",
  agr: "11111111-1111-4111-8111-111111111111",
  proc: "CPAT-MDSF-0005",
  case: "Expediente 2026/15 — ñandú",
  off: "12345678-5",
  sub: "11111111-1",
  req: { method: "POST", path: "/certificados/12345678-5", query: "formato=pdf", headers: { "content-type": "application/json" }, body: "eyJhIjoxfQ" },
});

function refusedClaim(over: Record<string, unknown>, req?: Record<string, unknown>): string | null {
  const c: Record<string, unknown> = { ...good(), ...over };
  if (req) c.req = { ...good().req, ...req };
  for (const [k, v] of Object.entries(c)) if (v === undefined) delete c[k];
  try {
    checkRequestShape(c);
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(ProtocolError);
    expect((e as ProtocolError).code).toBe("provider.malformed");
    expect((e as ProtocolError).status).toBe(400);
    return (e as ProtocolError).detail ?? "";
  }
}

describe("claim shapes (§3.3 step 2a)", () => {
  it("accepts a well-formed request, optional claims absent or present", () => {
    expect(refusedClaim({})).toBeNull();
    expect(refusedClaim({ proc: undefined, case: undefined, off: undefined, sub: undefined })).toBeNull();
    expect(refusedClaim({}, { path: "", query: "", body: "", headers: undefined })).toBeNull();
  });

  it.each([
    ["jti", { jti: "0B7A1C5E-8D4F-4C2A-9E3B-5F6A7B8C9D0E" }],
    ["jti", { jti: "0b7a1c5e8d4f4c2a9e3b5f6a7b8c9d0e" }],
    ["jti", { jti: "0b7a1c5e-8d4f-4c2a-9e3b-5f6a7b8c9d0e\nX 1" }],
    ["jti", { jti: 7 }],
    ["jti", { jti: undefined }],
    ["rid", { rid: "{0b7a1c5e-8d4f-4c2a-9e3b-5f6a7b8c9d0e}" }],
    ["iss", { iss: "mun-santiago/nodo-1" }],
    ["iss", { iss: "MUN-SANTIAGO/nodo-1\n" }],
    ["aud", { aud: "SRCEI" }],
    ["svc", { svc: "SRCEI/certificado-nacimiento" }],
    ["svc", { svc: "SRCEI/certificado-nacimiento/v1/../x" }],
    ["agr", { agr: "a".repeat(65) }],
    ["agr", { agr: "" }],
    ["agr", { agr: "con espacio" }],
    ["agr", { agr: ["x"] }],
    ["proc", { proc: "x".repeat(129) }],
    ["proc", { proc: "CPAT\r\nX-Inyectada: 1" }],
    ["proc", { proc: "CPAT\u0000" }],
    ["proc", { proc: "" }],
    ["case", { case: "caso\u0085" }],
    ["case", { case: "caso\u2028" }],
    ["case", { case: { a: 1 } }],
    ["off", { off: "12345678-6" }],
    ["off", { off: "12.345.678-5" }],
    ["sub", { sub: "11111111-k" }],
    ["sub", { sub: 11111111 }],
    ["req", { req: "GET /" }],
    ["req", { req: [] }],
  ])("refuses %s: %j", (claim, over) => {
    expect(refusedClaim(over)).toBe(claim);
  });

  it.each([
    ["req.method", { method: "TRACE" }],
    ["req.method", { method: "get" }],
    ["req.path", { path: `/${"a".repeat(4096)}` }],
    ["req.path", { path: "/a/../b" }],
    ["req.path", { path: "/a%2Fb" }],
    ["req.path", { path: 5 }],
    ["req.query", { query: "q".repeat(4097) }],
    ["req.query", { query: "a b" }],
    ["req.headers", { headers: { accept: 1 } }],
    ["req.body", { body: "eyJhIjoxfQ==" }],
    ["req.body", { body: "a+b/" }],
    ["req.body", { body: null }],
  ])("refuses %s: %j", (claim, req) => {
    expect(refusedClaim({}, req)).toBe(claim);
  });

  it("128 characters of text are fine (counted as characters, not bytes), 4,096 for path and query", () => {
    expect(refusedClaim({ proc: "ñ".repeat(128), case: "😀".repeat(128) })).toBeNull();
    expect(refusedClaim({}, { path: `/${"a".repeat(4095)}`, query: "q".repeat(4096) })).toBeNull();
  });

  it("the body: base64url of at most 8 MiB decoded (§3.2)", () => {
    expect(base64urlDecodedSize("")).toBe(0);
    expect(base64urlDecodedSize("eyJhIjoxfQ")).toBe(7);
    expect(base64urlDecodedSize("a")).toBe(-1);
    const max = Buffer.alloc(MAX_BODY_BYTES).toString("base64url");
    expect(refusedClaim({}, { body: max })).toBeNull();
    expect(refusedClaim({}, { body: Buffer.alloc(MAX_BODY_BYTES + 1).toString("base64url") })).toBe("req.body");
  });

  it("printable text", () => {
    expect(isPrintableText("CPAT-MDSF-0005")).toBe(true);
    expect(isPrintableText("tab\there")).toBe(false);
    expect(isPrintableText("\u007f")).toBe(false);
    expect(isPrintableText("\ud800")).toBe(false);
  });
});
