import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveToken } from "./token-source.ts";

function tokenFile(text: string, mode: number): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pisee-token-")), "token");
  fs.writeFileSync(file, text);
  fs.chmodSync(file, mode);
  return file;
}

describe("the registration token's source (node-agent register)", () => {
  it("from a file (trimmed), the environment, or --token", () => {
    expect(resolveToken({ tokenFile: tokenFile("  abc\n", 0o600) }, {})).toEqual({ token: "abc" });
    expect(resolveToken({}, { PISEE_NODE_TOKEN: "def\n" })).toEqual({ token: "def" });
    expect(resolveToken({ token: "ghi" }, {})).toEqual({ token: "ghi" });
  });
  it("exactly one source", () => {
    expect(() => resolveToken({}, {})).toThrow(/--token-file/);
    expect(() => resolveToken({ token: "a" }, { PISEE_NODE_TOKEN: "b" })).toThrow(/una sola forma/);
    expect(() => resolveToken({ token: "a", tokenFile: tokenFile("b", 0o600) }, {})).toThrow(/una sola forma/);
  });
  it("refuses a file anyone can read, warns about one the group can read, refuses an empty token", () => {
    expect(() => resolveToken({ tokenFile: tokenFile("abc", 0o644) }, {})).toThrow(/chmod 600/);
    expect(resolveToken({ tokenFile: tokenFile("abc", 0o640) }, {})).toMatchObject({ token: "abc", warning: expect.stringMatching(/grupo/) });
    expect(() => resolveToken({ tokenFile: tokenFile(" \n", 0o600) }, {})).toThrow(/vacío/);
    expect(() => resolveToken({ tokenFile: "/no/existe" }, {})).toThrow(/No se puede leer/);
  });
});
