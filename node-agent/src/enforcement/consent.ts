import type { KeyObject } from "node:crypto";
import { verifyJws } from "../crypto/suite.ts";
import { ProtocolError } from "../errors.ts";
import { parseRun } from "../shared/run.ts";
import { SKEW_SECONDS } from "./time.ts";

export type ConsentCheck = {
  cns: unknown;
  sub: unknown;
  proc: unknown;
  caseId: unknown;
  consumer: string;
  service: string;
  env: string;
  consentKeys: Map<string, KeyObject>;
  revoked: Set<string>;
  nowSeconds: number;
};

/**
 * A sensitive service's consent (PROTOCOL.md §3.3 step 8, §5): the artefact is signed by the
 * portal's consent key, for this person, consumer institution, service, procedure (and case
 * when it names one), not expired and not revoked. Missing pieces: `provider.consent_required`;
 * anything else wrong: `provider.consent_invalid`. Returns the verified subject (normalised RUN).
 */
export function verifyConsent(c: ConsentCheck): { subject: string; consentId: string } {
  if (typeof c.cns !== "string" || typeof c.sub !== "string" || typeof c.proc !== "string" || !c.cns || !c.sub || !c.proc) {
    throw new ProtocolError("provider.consent_required");
  }
  const invalid = () => new ProtocolError("provider.consent_invalid");
  const run = parseRun(c.sub);
  if (!run.ok || run.run !== c.sub) throw invalid();
  let p: Record<string, unknown>;
  try {
    p = verifyJws(c.cns, { typ: "pisee-consent+jwt", resolveKey: (kid) => c.consentKeys.get(kid), maxLength: 64 * 1024 }).payload;
  } catch {
    throw invalid();
  }
  const services = p.services;
  if (
    p.iss !== "portal" ||
    p.env !== c.env ||
    p.sub !== run.run ||
    p.consumer !== c.consumer ||
    !Array.isArray(services) ||
    !services.includes(c.service) ||
    p.procedure !== c.proc ||
    (p.case !== undefined && p.case !== null && p.case !== c.caseId) ||
    !Number.isInteger(p.iat) ||
    !Number.isInteger(p.exp) ||
    (p.iat as number) > c.nowSeconds + SKEW_SECONDS ||
    (p.exp as number) <= c.nowSeconds ||
    typeof p.jti !== "string" ||
    c.revoked.has(p.jti)
  ) {
    throw invalid();
  }
  return { subject: run.run, consentId: p.jti };
}
