import { describe, expect, it } from "vitest";
import { ERROR_MESSAGES, ProtocolError, statusOf, type ErrorCode } from "./errors.ts";

describe("protocol errors (§3.5)", () => {
  it("maps every code to the status the protocol gives it", () => {
    const expected: Record<ErrorCode, number> = {
      "client.bad_request": 400,
      "client.too_large": 413,
      "client.unknown_service": 400,
      "client.missing_header": 400,
      "client.forbidden": 403,
      "client.unauthenticated": 401,
      "consumer.no_agreement": 403,
      "consumer.consent_required": 403,
      "consumer.provider_unreachable": 502,
      "consumer.provider_timeout": 504,
      "consumer.provider_refused": 502,
      "consumer.response_invalid": 502,
      "provider.unauthenticated": 401,
      "provider.too_large": 413,
      "provider.malformed": 400,
      "provider.expired": 401,
      "provider.access_denied": 403,
      "provider.replay_detected": 401,
      "provider.rate_limited": 429,
      "provider.consent_required": 403,
      "provider.consent_invalid": 403,
      "provider.schema_violation": 422,
      "provider.backend_unreachable": 502,
      "provider.backend_timeout": 504,
      "provider.backend_too_large": 502,
      "node.config_expired": 503,
      "node.not_ready": 503,
    };
    expect(Object.keys(expected).sort()).toEqual(Object.keys(ERROR_MESSAGES).sort());
    for (const [code, status] of Object.entries(expected)) expect(statusOf(code as ErrorCode), code).toBe(status);
  });

  it("carries a Spanish message", () => {
    const e = new ProtocolError("provider.replay_detected");
    expect(e.message).toBe("Mensaje repetido.");
    expect(e.status).toBe(401);
  });
});
