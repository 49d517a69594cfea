import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { b64urlDecode, b64urlEncode, parseIJson } from "./suite.ts";
import { expectJoseError } from "../../test/support/crypto-fixtures.ts";

describe("base64url (PROTOCOL.md §0: unpadded)", () => {
  it("encodes the RFC 4648 §10 vectors without padding, in the URL alphabet", () => {
    const vectors: [string, string][] = [
      ["", ""],
      ["f", "Zg"],
      ["fo", "Zm8"],
      ["foo", "Zm9v"],
      ["foob", "Zm9vYg"],
      ["fooba", "Zm9vYmE"],
      ["foobar", "Zm9vYmFy"],
    ];
    for (const [plain, encoded] of vectors) {
      expect(b64urlEncode(plain)).toBe(encoded);
      expect(b64urlEncode(new TextEncoder().encode(plain))).toBe(encoded);
      expect(Buffer.from(b64urlDecode(encoded)).toString("utf8")).toBe(plain);
    }
    expect(b64urlEncode(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe("-_-_");
  });

  it("round-trips every length, also from a view into a larger buffer", () => {
    for (let n = 0; n < 70; n++) {
      const bytes = randomBytes(n + 8).subarray(4, 4 + n);
      const text = b64urlEncode(bytes);
      expect(text).toBe(Buffer.from(bytes).toString("base64url"));
      expect(Buffer.from(b64urlDecode(text)).equals(bytes)).toBe(true);
    }
  });

  it("refuses padding, the standard alphabet, whitespace, impossible lengths and non-canonical tails", () => {
    for (const bad of ["Zg==", "Zm8=", "+/8", "ab/c", "Zm 9v", "Zm9v\n", "Z", "Zm9vY", "Zh", "Zm9", "Zñ", "Zm9v.YmFy"]) {
      expectJoseError(() => b64urlDecode(bad), "jose.malformed");
    }
  });
});

describe("I-JSON (RFC 7493)", () => {
  it("parses ordinary JSON like JSON.parse", () => {
    const text = '{"a":[1,2,{"b":null}],"c":"x\\"y","d":{"a":1},"e":true, "f" : -1.5e3 ,"g":"\\ud83d\\ude00"}';
    expect(parseIJson(text)).toEqual(JSON.parse(text));
    expect(parseIJson("[]")).toEqual([]);
    expect(parseIJson('"s"')).toBe("s");
  });

  it("refuses a duplicate member at the top level", () => {
    expectJoseError(() => parseIJson('{"alg":"ES256","alg":"none"}'), "jose.duplicate_member");
    expectJoseError(() => parseIJson('{"a":1,"b":2,"a":1}'), "jose.duplicate_member");
    expectJoseError(() => parseIJson('{"__proto__":1,"__proto__":2}'), "jose.duplicate_member");
  });

  it("refuses a duplicate member nested in objects and arrays", () => {
    expectJoseError(() => parseIJson('{"x":{"a":1,"a":1}}'), "jose.duplicate_member");
    expectJoseError(() => parseIJson('{"x":[1,{"y":{"a":[],"b":{},"a":0}}]}'), "jose.duplicate_member");
    expectJoseError(() => parseIJson('[{"a":1},{"a":1,"b":2,"a":2}]'), "jose.duplicate_member");
    expectJoseError(() => parseIJson('{"a":{"b":1},"c":[2],"a":3}'), "jose.duplicate_member");
  });

  it("compares member names after unescaping", () => {
    expectJoseError(() => parseIJson('{"a":1,"\\u0061":2}'), "jose.duplicate_member");
    expectJoseError(() => parseIJson('{"a\\"b":1,"a\\u0022b":2}'), "jose.duplicate_member");
  });

  it("does not mistake values, sibling objects or nested names for duplicates", () => {
    expect(parseIJson('[{"a":1},{"a":2}]')).toEqual([{ a: 1 }, { a: 2 }]);
    expect(parseIJson('{"a":{"a":{"a":1}}}')).toEqual({ a: { a: { a: 1 } } });
    expect(parseIJson('{"a":"a","b":"a"}')).toEqual({ a: "a", b: "a" });
    expect(parseIJson('{"a":"{\\"a\\":1,\\"a\\":2}","b":"\\\\","c":"\\\\\\"a"}')).toEqual({ a: '{"a":1,"a":2}', b: "\\", c: '\\"a' });
    expect(parseIJson('{"a\\\\":1,"a":2}')).toEqual({ "a\\": 1, a: 2 });
  });

  it("refuses lone surrogates, escaped or raw, in values and in names", () => {
    expectJoseError(() => parseIJson('"\\ud800"'), "jose.malformed");
    expectJoseError(() => parseIJson('{"a":"x\\udc00y"}'), "jose.malformed");
    expectJoseError(() => parseIJson('{"\\ud83d":1}'), "jose.malformed");
    expectJoseError(() => parseIJson('["\\ude00\\ud83d"]'), "jose.malformed");
    expectJoseError(() => parseIJson('{"a":"\uD800"}'), "jose.malformed");
    expect(parseIJson('{"a":"\\ud83d\\ude00\uD83D\uDE00"}')).toEqual({ a: "😀😀" });
  });

  it("refuses what is not JSON, and absurd nesting", () => {
    for (const bad of ["", "{", '{"a":1,}', "{'a':1}", "NaN", '{"a":1}x', "\uFEFF{}"]) expectJoseError(() => parseIJson(bad), "jose.malformed");
    expect(parseIJson(`${"[".repeat(64)}${"]".repeat(64)}`)).toBeInstanceOf(Array);
    expectJoseError(() => parseIJson(`${"[".repeat(65)}${"]".repeat(65)}`), "jose.malformed");
    expectJoseError(() => parseIJson(`${'{"a":'.repeat(100)}1${"}".repeat(100)}`), "jose.malformed");
  });
});
