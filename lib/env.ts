import { z } from "@/lib/zod";

/**
 * The portal's configuration, all from the environment (see .env.example). Nothing secret has
 * a default here: `npm start` generates per-install secrets into .data/ and passes them in;
 * a production deployment provides its own. In production (NODE_ENV=production without the
 * demo switch PISEE_DEMO=1) URLs must be https and secrets long and random.
 */
const ZUrl = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ""));
const ZSecret = z.string().min(32, "debe tener al menos 32 caracteres");
/** A login check that is on unless the identity provider cannot do it (see .env.example). */
const ZCheck = z.enum(["on", "off"], { error: "debe ser on u off" }).default("on");

const ZServerEnv = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "debe ser una URL postgresql://"),
  NEXTAUTH_URL: ZUrl,
  NEXTAUTH_SECRET: ZSecret,
  CLAVEUNICA_ISSUER: ZUrl,
  CLAVEUNICA_CLIENT_ID: z.string().min(1),
  CLAVEUNICA_CLIENT_SECRET: z.string().min(16, "debe tener al menos 16 caracteres"),
  /** Where sign-out sends the browser to end the ClaveÚnica session (`?redirect=` is appended). */
  CLAVEUNICA_LOGOUT_URL: ZUrl,
  /**
   * PKCE (S256) and the OIDC `nonce` on every login (RFC 9700); `state` is always on. Turn one
   * off only for an identity provider that cannot do it: the portal then warns at start.
   */
  CLAVEUNICA_PKCE: ZCheck,
  CLAVEUNICA_NONCE: ZCheck,
  /** Encrypts the portal's signing keys at rest: 32 random bytes, base64url (openssl rand 32 | basenc --base64url). */
  PISEE_MASTER_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, "debe ser de 32 bytes en base64url (43 caracteres)"),
  PISEE_DEMO: z.enum(["0", "1"]).default("0"),
  /**
   * Whether production nodes may publish a private-network address (10/8, 172.16/12,
   * 192.168/16, 100.64/10, fc00::/7): only for a deployment whose nodes all share such a network.
   */
  PISEE_ALLOW_PRIVATE_NODE_URLS: z.enum(["0", "1"]).default("0"),
  /**
   * The SMTP server mail goes through (smtp:// or smtps://, user and password in the URL when it
   * asks for them). `npm start` runs a local catcher (maildev) and points this at it.
   */
  SMTP_URL: z.string().regex(/^smtps?:\/\/[^\s]+$/, "debe ser una URL smtp:// o smtps://").default("smtp://127.0.0.1:1025"),
  /** The sender of every mail. */
  MAIL_FROM: z.string().min(3).default("Red de Interoperabilidad del Estado <no-responder@interoperabilidad.gob.cl>"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type ServerEnv = z.infer<typeof ZServerEnv>;

/** Names of the variables that hold secrets: they must come from the environment. */
export const SECRET_VARIABLES = ["NEXTAUTH_SECRET", "CLAVEUNICA_CLIENT_SECRET", "DATABASE_URL", "PISEE_MASTER_KEY"] as const;

export type EnvProblem = { variable: string; message: string };

/**
 * Validates an environment; returns the parsed configuration (with what is allowed but weakens
 * security in production, to be logged at start) or the list of problems.
 */
export function checkServerEnv(
  env: Record<string, string | undefined>,
): { ok: true; env: ServerEnv; warnings: EnvProblem[] } | { ok: false; problems: EnvProblem[] } {
  const parsed = ZServerEnv.safeParse(env);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({
        variable: String(i.path[0] ?? "?"),
        message: env[String(i.path[0])] === undefined ? "falta (debe venir del entorno)" : i.message,
      })),
    };
  }
  const value = parsed.data;
  const production = env.NODE_ENV === "production" && value.PISEE_DEMO !== "1";
  const problems: EnvProblem[] = [];
  if (production) {
    for (const key of ["NEXTAUTH_URL", "CLAVEUNICA_ISSUER", "CLAVEUNICA_LOGOUT_URL"] as const) {
      if (!value[key].startsWith("https://")) problems.push({ variable: key, message: "en producción debe usar https" });
    }
    if (new Set(value.NEXTAUTH_SECRET).size < 10) {
      problems.push({ variable: "NEXTAUTH_SECRET", message: "no parece aleatorio" });
    }
  }
  const warnings: EnvProblem[] = [];
  if (production) {
    if (value.CLAVEUNICA_PKCE === "off") {
      warnings.push({ variable: "CLAVEUNICA_PKCE", message: "PKCE desactivado: un código de autorización interceptado podría canjearse (RFC 9700 §2.1.1)" });
    }
    if (value.CLAVEUNICA_NONCE === "off") {
      warnings.push({ variable: "CLAVEUNICA_NONCE", message: "nonce desactivado: no se comprueba que el ID token sea de este inicio de sesión" });
    }
    if (env.SMTP_URL === undefined) {
      warnings.push({ variable: "SMTP_URL", message: `sin definir: el correo va a ${value.SMTP_URL}; si ahí no hay un servidor SMTP, los correos quedan en cola` });
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, env: value, warnings };
}

let cached: ServerEnv | undefined;

/** The validated configuration; throws a readable error naming every problem. */
export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const result = checkServerEnv(process.env);
  if (!result.ok) {
    throw new Error(
      "Configuración inválida del portal:\n" + result.problems.map((p) => `  - ${p.variable}: ${p.message}`).join("\n"),
    );
  }
  cached = result.env;
  return cached;
}

/** The portal's public origin (scheme://host:port), from NEXTAUTH_URL. */
export function publicOrigin(): string {
  return new URL(serverEnv().NEXTAUTH_URL).origin;
}
