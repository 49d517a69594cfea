import fs from "node:fs";
import path from "node:path";
import type { KeyObject } from "node:crypto";
import { CONFIG_MAX_VALIDITY_MS, configHash, type NetworkConfigPayload, type PublicJwk } from "../protocol/config.ts";
import { hasPrivateJwkMembers } from "../protocol/jwk.ts";
import { importPublicJwk, JoseError, verifyJws } from "../crypto/suite.ts";
import { readJsonFile, writeJsonFile } from "../files.ts";
import { checkNodeUrl } from "../shared/node-url.ts";

/**
 * The network configuration a node obeys (PROTOCOL.md §2): verified against the trust anchor
 * (and the configuration keys a verified document announced), for this environment, never older
 * than the highest version accepted (kept on disk with its hash), indexed for the exchange.
 */
export type NodeEntry = {
  id: string;
  institution: string;
  url: string;
  /**
   * Where its network port takes messages (`{origin}/v1/exchange`), checked once per configuration;
   * null when `url` breaks the rules of §2 (the node never sends to it; `unreachable` says why).
   */
  exchange: { origin: string; path: string } | null;
  unreachable: string | null;
  sig: Map<string, KeyObject>;
  enc: { kid: string; key: KeyObject }[];
};

/** `{origin}/v1/exchange` for a URL that is an origin allowed in this environment (§2); else why not. */
export function exchangeTarget(url: string, env: "dev" | "prod", allowPrivate: boolean): Pick<NodeEntry, "exchange" | "unreachable"> {
  const r = checkNodeUrl(url, env, { allowPrivate });
  return r.ok ? { exchange: { origin: r.origin, path: "/v1/exchange" }, unreachable: null } : { exchange: null, unreachable: `${r.reason}: ${r.message}` };
}
export type ServiceEntry = NetworkConfigPayload["services"][number];
export type AgreementEntry = NetworkConfigPayload["agreements"][number];

export type LoadedConfig = {
  payload: NetworkConfigPayload;
  hash: string;
  version: number;
  issuedAtMs: number;
  expiresAtMs: number;
  nodes: Map<string, NodeEntry>;
  services: Map<string, ServiceEntry>;
  /** By `${consumer}\u0000${service}`. */
  agreements: Map<string, AgreementEntry>;
  agreementsById: Map<string, AgreementEntry>;
  /** Keys with `purpose: "config"` (and their JWKs, persisted): they may sign the next configuration. */
  configKeys: Map<string, KeyObject>;
  configJwks: PublicJwk[];
  consentKeys: Map<string, KeyObject>;
  revokedConsents: Set<string>;
};

export type ConfigState = "none" | "valid" | "grace" | "expired";

export class ConfigRefused extends Error {
  constructor(
    readonly reason: "signature" | "environment" | "shape" | "private_key" | "rollback" | "fork",
    message: string,
  ) {
    super(message);
    this.name = "ConfigRefused";
  }
}

/**
 * What `config-state.json` keeps: the highest accepted version, its hash and document, and the
 * configuration keys that document announces (public JWKs), which a restarted node trusts besides
 * its anchor, so a key rotation survives a restart (§2). Files of an earlier version lack `configKeys`.
 */
type Persisted = { version: number; hash: string; jws: string; configKeys?: PublicJwk[] };

export class ConfigStore {
  private loaded: LoadedConfig | null = null;
  private readonly file: string;
  /** Configuration keys announced by the highest accepted document (persisted with it), besides the anchor. */
  private announced = new Map<string, KeyObject>();

  constructor(
    private readonly opts: { dataDir: string; environment: "dev" | "prod"; anchor: Map<string, KeyObject>; graceSeconds: number; allowPrivatePeers?: boolean },
  ) {
    this.file = path.join(opts.dataDir, "config-state.json");
    // The trusted keys are read even when the stored document itself no longer verifies or has expired.
    const stored = this.highest();
    if (stored) this.announced = importConfigKeys(Array.isArray(stored.configKeys) ? stored.configKeys : []).keys;
  }

  get current(): LoadedConfig | null {
    return this.loaded;
  }

  /** Where the configuration stands at `nowMs`: valid, within the grace period, or expired. */
  state(nowMs: number): ConfigState {
    if (!this.loaded) return "none";
    if (nowMs <= this.loaded.expiresAtMs) return "valid";
    if (nowMs <= this.loaded.expiresAtMs + this.opts.graceSeconds * 1000) return "grace";
    return "expired";
  }

  /** Loads the last accepted document from disk (a restart does not wait for the portal). */
  restore(): boolean {
    if (!fs.existsSync(this.file)) return false;
    const p = readJsonFile<Persisted>(this.file);
    this.loaded = this.verify(p.jws);
    return true;
  }

  /**
   * Verifies and, when acceptable, adopts a configuration document. Returns whether the content
   * changed. Refuses (ConfigRefused) a bad signature, another environment, a private key in any
   * JWK, a lower version than the highest accepted, or the same version with another content.
   */
  accept(jws: string): { changed: boolean; version: number } {
    const next = this.verify(jws);
    const highest = this.highest();
    if (highest && next.version < highest.version) throw new ConfigRefused("rollback", `Versión ${next.version} menor que la aceptada (${highest.version}).`);
    if (highest && next.version === highest.version && next.hash !== highest.hash) {
      throw new ConfigRefused("fork", `La versión ${next.version} llegó con otro contenido: posible suplantación.`);
    }
    const changed = !this.loaded || this.loaded.hash !== next.hash;
    if (!this.loaded || next.expiresAtMs >= this.loaded.expiresAtMs || changed) {
      this.loaded = next;
      // Keys no longer announced are no longer trusted (the anchor always is).
      this.announced = next.configKeys;
      this.persist({ version: next.version, hash: next.hash, jws, configKeys: next.configJwks });
    }
    return { changed, version: next.version };
  }

  private highest(): Persisted | null {
    if (!fs.existsSync(this.file)) return null;
    return readJsonFile<Persisted>(this.file);
  }

  /** The configuration keys trusted now: the anchor and those the highest accepted document announces. */
  trustedConfigKeys(): string[] {
    return [...new Set([...this.opts.anchor.keys(), ...this.announced.keys()])];
  }

  private persist(p: Persisted) {
    fs.mkdirSync(this.opts.dataDir, { recursive: true, mode: 0o700 });
    writeJsonFile(this.file, p);
  }

  private verify(jws: string): LoadedConfig {
    const trusted = new Map([...this.opts.anchor, ...this.announced]);
    let payload: NetworkConfigPayload;
    try {
      payload = verifyJws(jws, { typ: "pisee-config+jwt", resolveKey: (kid) => trusted.get(kid) }).payload as unknown as NetworkConfigPayload;
    } catch (err) {
      throw new ConfigRefused("signature", `Firma de la configuración no válida (${err instanceof JoseError ? err.code : "error"}).`);
    }
    if (payload.env !== this.opts.environment) throw new ConfigRefused("environment", `La configuración es del ambiente ${String(payload.env)}.`);
    if (hasPrivateJwkMembers(payload)) throw new ConfigRefused("private_key", "La configuración incluye material de clave privada.");
    const issuedAtMs = Date.parse(payload.issuedAt);
    const expiresAtMs = Date.parse(payload.expiresAt);
    if (
      !Number.isInteger(payload.version) ||
      payload.version < 1 ||
      !Number.isFinite(issuedAtMs) ||
      !Number.isFinite(expiresAtMs) ||
      expiresAtMs <= issuedAtMs ||
      expiresAtMs - issuedAtMs > CONFIG_MAX_VALIDITY_MS ||
      !Array.isArray(payload.nodes) ||
      !Array.isArray(payload.services) ||
      !Array.isArray(payload.agreements) ||
      !Array.isArray(payload.revokedConsents) ||
      !Array.isArray(payload.portal?.jwks?.keys)
    ) {
      throw new ConfigRefused("shape", "La configuración no tiene la forma del protocolo.");
    }
    return index(payload, configHash(payload), issuedAtMs, expiresAtMs, (url) => exchangeTarget(url, this.opts.environment, !!this.opts.allowPrivatePeers));
  }
}

function index(payload: NetworkConfigPayload, hash: string, issuedAtMs: number, expiresAtMs: number, target: (url: string) => Pick<NodeEntry, "exchange" | "unreachable">): LoadedConfig {
  const nodes = new Map<string, NodeEntry>();
  for (const n of payload.nodes) {
    const url = String(n.url);
    const entry: NodeEntry = { id: n.id, institution: n.institution, url, ...target(url), sig: new Map(), enc: [] };
    for (const jwk of n.jwks.keys) {
      try {
        if (jwk.use === "sig") entry.sig.set(jwk.kid, importPublicJwk(jwk, "sig").key);
        else if (jwk.use === "enc") entry.enc.push(importPublicJwk(jwk, "enc"));
      } catch {
        // A key that does not import is ignored: the node cannot be reached with it.
      }
    }
    nodes.set(n.id, entry);
  }
  const config = importConfigKeys(payload.portal.jwks.keys);
  const consentKeys = new Map<string, KeyObject>();
  for (const jwk of payload.portal.jwks.keys) {
    if (jwk?.purpose !== "consent") continue;
    try {
      const { kid, key } = importPublicJwk({ ...jwk, purpose: undefined }, "sig");
      consentKeys.set(kid, key);
    } catch {
      // ignored, as above
    }
  }
  return {
    payload,
    hash,
    version: payload.version,
    issuedAtMs,
    expiresAtMs,
    nodes,
    services: new Map(payload.services.map((s) => [s.id, s])),
    agreements: new Map(payload.agreements.map((a) => [`${a.consumer}\u0000${a.service}`, a])),
    agreementsById: new Map(payload.agreements.map((a) => [a.id, a])),
    configKeys: config.keys,
    configJwks: config.jwks,
    consentKeys,
    revokedConsents: new Set(payload.revokedConsents.map((r) => r.id)),
  };
}

/** The JWKs with `purpose: "config"` that import as `sig` keys; any other key is left out. */
function importConfigKeys(jwks: readonly unknown[]): { keys: Map<string, KeyObject>; jwks: PublicJwk[] } {
  const keys = new Map<string, KeyObject>();
  const kept: PublicJwk[] = [];
  for (const jwk of jwks) {
    if ((jwk as PublicJwk | null)?.purpose !== "config") continue;
    try {
      const { kid, key } = importPublicJwk({ ...(jwk as PublicJwk), purpose: undefined }, "sig");
      keys.set(kid, key);
      kept.push(jwk as PublicJwk);
    } catch {
      // A key that does not import signs nothing.
    }
  }
  return { keys, jwks: kept };
}
