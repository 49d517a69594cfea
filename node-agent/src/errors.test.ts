import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ERRORS, ProtocolError, type ErrorCode } from "./errors.ts";

/**
 * The status rules of PROTOCOL.md §3.5, read from docs/protocol.md itself, so the table in
 * errors.ts and the protocol cannot drift apart: each rule is one or more code patterns (`*`
 * standing for any run of letters, underscores and dots) followed by a status, e.g.
 * "`*.access_denied` / `*.consent_*` / `*.no_agreement` 403".
 */
type Rule = { pattern: string; status: number };

function protocolRules(): Rule[] {
  const protocol = fs.readFileSync(new URL("../../docs/protocol.md", import.meta.url), "utf8");
  const section = /^### 3\.5 Errors$([\s\S]*?)^###? /m.exec(protocol)?.[1] ?? "";
  const sentence = /HTTP status:([\s\S]*?)\n\s*Prefixes/.exec(section)?.[1]?.replace(/\s+/g, " ") ?? "";
  const rules: Rule[] = [];
  // A group of patterns joined by "/" or "and", an optional qualifier ("from a backend"), a status.
  for (const [, group, status] of sentence.matchAll(/((?:`[^`]+`(?: \/ | and )?)+)(?: from a backend)? (\d{3})\b/g)) {
    for (const [, pattern] of group!.matchAll(/`([^`]+)`/g)) rules.push({ pattern: pattern!, status: Number(status) });
  }
  return rules;
}

const matches = (pattern: string, code: string) =>
  new RegExp(`^${pattern.replace(/\./g, "\\.").replace(/\*/g, "[a-z_.]*")}$`).test(code);

/**
 * The most specific rules decide: a whole code (`client.forbidden`) before a rule on its end
 * (`*.unauthenticated`, `*_timeout`), before a rule on its prefix (`client.*`, `node.*`).
 */
const specificity = (pattern: string) => (!pattern.includes("*") ? 2 : pattern.startsWith("*") ? 1 : 0);

function statusesByProtocol(code: string, rules: Rule[]): number[] {
  const applicable = rules.filter((r) => matches(r.pattern, code));
  const top = Math.max(...applicable.map((r) => specificity(r.pattern)));
  return [...new Set(applicable.filter((r) => specificity(r.pattern) === top).map((r) => r.status))];
}

describe("protocol errors (§3.5)", () => {
  const rules = protocolRules();
  const codes = Object.keys(ERRORS) as ErrorCode[];

  it("reads the status rules of §3.5 from docs/protocol.md", () => {
    // Every kind of rule the sentence has today: if its wording changes, this reader must follow.
    expect(rules).toEqual(
      expect.arrayContaining([
        { pattern: "client.*", status: 400 },
        { pattern: "client.too_large", status: 413 },
        { pattern: "client.forbidden", status: 403 },
        { pattern: "*.consent_*", status: 403 },
        { pattern: "*_too_large", status: 502 },
        { pattern: "*_timeout", status: 504 },
        { pattern: "node.*", status: 503 },
      ]),
    );
    expect(rules.length).toBeGreaterThanOrEqual(19);
  });

  it("gives every code the one status §3.5's rules give it", () => {
    for (const code of codes) {
      const statuses = statusesByProtocol(code, rules);
      expect(statuses, `${code}: §3.5 gives ${statuses.length ? statuses.join(" or ") : "no status"}`).toHaveLength(1);
      expect(ERRORS[code].status, code).toBe(statuses[0]);
    }
  });

  it("every rule of §3.5 names a code the node has (none is a typo)", () => {
    for (const { pattern } of rules) expect(codes.some((code) => matches(pattern, code)), pattern).toBe(true);
  });

  it("has a Spanish message for every code", () => {
    for (const code of codes) {
      const { message } = ERRORS[code];
      // A sentence: a capital letter first, a full stop last; not the code, not English.
      expect(message, code).toMatch(/^[A-ZÁÉÍÓÚÑ¿¡].*\.$/u);
      expect(message.toLowerCase(), code).not.toMatch(/\b(the|is|not|of|request|invalid|error|denied|node|message)\b/);
    }
  });

  it("builds errors from the table", () => {
    const e = new ProtocolError("provider.replay_detected");
    expect(e.message).toBe("Mensaje repetido.");
    expect(e.status).toBe(401);
    for (const code of codes) expect(new ProtocolError(code)).toMatchObject({ code, status: ERRORS[code].status, message: ERRORS[code].message });
  });
});
