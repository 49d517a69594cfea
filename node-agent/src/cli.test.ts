import { describe, expect, it } from "vitest";
import { buildProgram } from "./cli.ts";

describe("cli", () => {
  it("reports the package version", () => {
    const out: string[] = [];
    const program = buildProgram()
      .exitOverride()
      .configureOutput({ writeOut: (s) => out.push(s) });
    expect(() => program.parse(["node", "node-agent", "--version"])).toThrow(/0\.1\.0/);
    expect(out.join("")).toContain("0.1.0");
  });
});
