import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { MAX_BODY_BYTES } from "./exchange/claims.ts";
import { isLoopbackHost } from "./server/local-guard.ts";
import { SERVICE_ID_PATTERN } from "./shared/identifiers.ts";

/**
 * The node's settings: a JSON file (default ./node-agent.json, or PISEE_NODE_CONFIG) whose
 * values environment variables can override. Keys and state live in `dataDir`.
 */
const ZSettings = z.object({
  portalUrl: z.url().transform((u) => u.replace(/\/+$/, "")),
  environment: z.enum(["dev", "prod"]),
  dataDir: z.string().min(1),
  /**
   * The app-facing port (§3.1): loopback unless `apps` are configured. `hostnames`: the names apps
   * use to reach it when it listens elsewhere (the Host header must be one of its own addresses or these).
   */
  local: z.object({
    host: z.string().default("127.0.0.1"),
    port: z.number().int().min(0).max(65535),
    hostnames: z.array(z.string().regex(/^[A-Za-z0-9.-]{1,253}$/, "un nombre de servidor, sin puerto")).default([]),
  }),
  /**
   * Per-app credentials for the local port (§3.1): each app's name, the SHA-256 of its token in hex
   * (never the token: `node-agent app-token` makes both) and the services it may call. When set,
   * every /r1/ request needs `Authorization: Bearer <token>` of one of them.
   */
  apps: z
    .array(
      z.object({
        name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, "letras, dígitos, punto, guion o guion bajo (hasta 64)"),
        tokenSha256: z.string().regex(/^[0-9a-f]{64}$/, "SHA-256 del token en hexadecimal (64 caracteres en minúscula)"),
        services: z.array(z.string().regex(SERVICE_ID_PATTERN, "un identificador de servicio (INSTITUCION/servicio/vN)")).min(1),
      }),
    )
    .optional(),
  /** The network-facing port (§3.2): HTTPS with cert and key; plain HTTP only with `insecureHttp` (development). */
  network: z.object({
    host: z.string().default("0.0.0.0"),
    port: z.number().int().min(0).max(65535),
    tls: z.object({ cert: z.string(), key: z.string() }).optional(),
    insecureHttp: z.boolean().default(false),
  }),
  /**
   * Peers whose URL is in a private range (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) are
   * refused in prod unless the deployment allows them here (§2).
   */
  allowPrivatePeers: z.boolean().default(false),
  /** Provider side: where each service's backend answers. */
  backends: z.record(z.string(), z.url()).default({}),
  timeouts: z.object({ providerMs: z.number().int().positive().default(15_000), backendMs: z.number().int().positive().default(10_000) }).default({ providerMs: 15_000, backendMs: 10_000 }),
  /** The largest request body an app may send (decoded); the protocol allows at most 8 MiB (§3.2). */
  bodyLimitBytes: z.number().int().positive().max(MAX_BODY_BYTES).default(MAX_BODY_BYTES),
  /** How long after the configuration expires the node keeps serving non-sensitive services. */
  graceSeconds: z.number().int().min(0).default(2 * 60 * 60),
  refreshSeconds: z.number().int().min(1).default(60),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
}).superRefine((s, ctx) => {
  if (!isLoopbackHost(s.local.host) && !s.apps?.length) {
    ctx.addIssue({ code: "custom", path: ["local", "host"], message: `el puerto local escucha en ${s.local.host}, que no es de loopback: exige credenciales por aplicación (apps; node-agent app-token) o use 127.0.0.1` });
  }
  const names = new Set<string>();
  const hashes = new Set<string>();
  for (const [i, a] of (s.apps ?? []).entries()) {
    if (names.has(a.name)) ctx.addIssue({ code: "custom", path: ["apps", i, "name"], message: `nombre repetido: ${a.name}` });
    if (hashes.has(a.tokenSha256)) ctx.addIssue({ code: "custom", path: ["apps", i, "tokenSha256"], message: "el mismo token en dos aplicaciones" });
    names.add(a.name);
    hashes.add(a.tokenSha256);
  }
});

export type Settings = z.infer<typeof ZSettings>;

const ENV: Record<string, (s: Record<string, unknown>, v: string) => void> = {
  PISEE_PORTAL_URL: (s, v) => (s.portalUrl = v),
  PISEE_ENVIRONMENT: (s, v) => (s.environment = v),
  PISEE_DATA_DIR: (s, v) => (s.dataDir = v),
  PISEE_LOCAL_PORT: (s, v) => ((s.local as Record<string, unknown>).port = Number(v)),
  PISEE_NETWORK_PORT: (s, v) => ((s.network as Record<string, unknown>).port = Number(v)),
  PISEE_LOG_LEVEL: (s, v) => (s.logLevel = v),
};

export function loadSettings(file = process.env.PISEE_NODE_CONFIG ?? "node-agent.json"): Settings {
  const raw = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>) : {};
  raw.local ??= {};
  raw.network ??= {};
  for (const [name, apply] of Object.entries(ENV)) {
    const v = process.env[name];
    if (v !== undefined && v !== "") apply(raw, v);
  }
  const parsed = ZSettings.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join(".") || "(raíz)"}: ${i.message}`).join("\n");
    throw new Error(`Configuración inválida del nodo (${path.resolve(file)}):\n${problems}`);
  }
  const s = parsed.data;
  if (!s.network.tls && !s.network.insecureHttp) {
    throw new Error("El puerto de red exige TLS (network.tls.cert y network.tls.key); HTTP sin cifrar solo con network.insecureHttp: true (desarrollo).");
  }
  return { ...s, dataDir: path.resolve(path.dirname(path.resolve(file)), s.dataDir) };
}

export function parseSettings(value: unknown): Settings {
  return ZSettings.parse(value);
}
