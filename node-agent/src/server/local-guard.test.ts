import { describe, expect, it } from "vitest";
import { parseSettings } from "../settings.ts";
import { allowedHostHeaders, appAuthenticator, hostOriginProblem, isLoopbackHost, localCallHost, newAppToken, tokenHash } from "./local-guard.ts";

describe("the local port's Host and Origin rule (§3.1)", () => {
  it("a loopback port answers to its own address and port only", () => {
    expect([...allowedHostHeaders("127.0.0.1", 8081)].sort()).toEqual(["127.0.0.1:8081", "localhost:8081"]);
    expect([...allowedHostHeaders("::1", 8081)].sort()).toEqual(["[::1]:8081", "localhost:8081"]);
    expect([...allowedHostHeaders("localhost", 8081)].sort()).toEqual(["127.0.0.1:8081", "[::1]:8081", "localhost:8081"]);
    expect([...allowedHostHeaders("10.0.0.7", 8081, { hostnames: ["Nodo.Interno"] })].sort()).toEqual(["10.0.0.7:8081", "nodo.interno:8081"]);
    expect([...allowedHostHeaders("0.0.0.0", 8081, { interfaces: ["10.0.0.7", "fe80::1"] })].sort()).toEqual(["10.0.0.7:8081", "127.0.0.1:8081", "[::1]:8081", "[fe80::1]:8081", "localhost:8081"]);
    expect(allowedHostHeaders("127.0.0.1", 80).has("127.0.0.1")).toBe(true);
  });
  it("refuses DNS rebinding, another port, no Host, and any Origin", () => {
    const allowed = allowedHostHeaders("127.0.0.1", 8081);
    expect(hostOriginProblem({ host: "127.0.0.1:8081" }, allowed)).toBeNull();
    expect(hostOriginProblem({ host: "LOCALHOST:8081" }, allowed)).toBeNull();
    for (const host of ["rebind.attacker.example:8081", "127.0.0.1:8082", "127.0.0.1", "[::1]:8081", "127.0.0.2:8081", "", undefined]) {
      expect(hostOriginProblem({ host }, allowed), String(host)).toMatch(/Host/);
    }
    expect(hostOriginProblem({ host: "127.0.0.1:8081", origin: "http://127.0.0.1:8081" }, allowed)).toMatch(/Origin/);
    expect(hostOriginProblem({ host: "127.0.0.1:8081", origin: "null" }, allowed)).toMatch(/Origin/);
  });
  it("loopback addresses, and where `status` calls the port", () => {
    for (const h of ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "0:0:0:0:0:0:0:1", "localhost", "::ffff:127.0.0.1"]) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ["0.0.0.0", "::", "10.0.0.7", "nodo.interno", "128.0.0.1"]) expect(isLoopbackHost(h), h).toBe(false);
    expect([localCallHost("0.0.0.0"), localCallHost("::"), localCallHost("::1"), localCallHost("127.0.0.1")]).toEqual(["127.0.0.1", "[::1]", "[::1]", "127.0.0.1"]);
  });
});

describe("per-app bearer credentials", () => {
  const t1 = newAppToken();
  const t2 = newAppToken();
  const auth = appAuthenticator([
    { name: "tramites", tokenSha256: tokenHash(t1), services: ["SRCEI/identidad/v1"] },
    { name: "otra", tokenSha256: tokenHash(t2), services: ["SRCEI/certificado-nacimiento/v1"] },
  ]);
  it("finds the app by its token's hash", () => {
    expect(t1).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokenHash("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(auth(`Bearer ${t1}`)).toEqual({ name: "tramites", services: new Set(["SRCEI/identidad/v1"]) });
    expect(auth(`bearer ${t2}`)?.name).toBe("otra");
    for (const h of [undefined, "", t1, `Basic ${t1}`, `Bearer ${t1}x`, "Bearer ", `Bearer ${t1} ${t2}`]) expect(auth(h), String(h)).toBeNull();
  });
  it("settings: hashes only, and a non-loopback local port needs apps", () => {
    const base = { portalUrl: "http://127.0.0.1:1", environment: "prod", dataDir: "/tmp/x", local: { port: 0 }, network: { port: 0, insecureHttp: true } };
    expect(() => parseSettings({ ...base, local: { host: "0.0.0.0", port: 0 } })).toThrow(/loopback/);
    expect(() => parseSettings({ ...base, local: { host: "10.0.0.7", port: 0 }, apps: [] })).toThrow(/loopback/);
    const app = { name: "tramites", tokenSha256: tokenHash(t1), services: ["SRCEI/identidad/v1"] };
    expect(parseSettings({ ...base, local: { host: "0.0.0.0", port: 0 }, apps: [app] }).apps).toEqual([app]);
    expect(() => parseSettings({ ...base, apps: [{ ...app, tokenSha256: t1 }] })).toThrow(/SHA-256/);
    expect(() => parseSettings({ ...base, apps: [app, { ...app, tokenSha256: tokenHash(t2) }] })).toThrow(/repetido/);
    expect(() => parseSettings({ ...base, apps: [{ ...app, services: ["identidad"] }] })).toThrow(/servicio/);
  });
});
