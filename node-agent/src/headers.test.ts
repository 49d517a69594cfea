import { describe, expect, it } from "vitest";
import { isForwardable, pick, RESPONSE_HEADERS } from "./headers.ts";

describe("headers never forwarded (§3.6)", () => {
  it("drops hop-by-hop, credentials, proxies and any Pisee-* from an app or backend", () => {
    for (const h of ["Connection", "Keep-Alive", "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Host", "Authorization", "Cookie", "Set-Cookie", "X-Forwarded-For", "Forwarded", "Location", "Pisee-Subject", "pisee-consumer"]) {
      expect(isForwardable(h), h).toBe(false);
    }
    for (const h of ["Content-Type", "Accept", "ETag", "Content-Language"]) expect(isForwardable(h), h).toBe(true);
  });

  it("picks only the allowed response headers", () => {
    expect(pick({ "content-type": "application/json", "set-cookie": "a=1", etag: '"x"', "x-powered-by": "y", "pisee-subject": "1-9" }, RESPONSE_HEADERS)).toEqual({
      "content-type": "application/json",
      etag: '"x"',
    });
  });
});
