import "server-only";
import { CompactSign } from "jose";
import { CONFIG_MAX_VALIDITY_MS, configHash, type NetworkConfigPayload, type PublicJwk } from "@pisee/node-agent/protocol";
import { listAgreementsInForce } from "@/lib/agreements/service";
import { clock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { publicOrigin } from "@/lib/env";
import type { Environment } from "@/lib/generated/prisma/enums";
import { publishedKeys, signingKey } from "@/lib/keys/portal-keys";

/** A document is re-signed when less than this remains of its validity. */
export const RESIGN_BEFORE_MS = 5 * 60 * 1000;
const LOCK_BASE = 7_340_010;

type Content = Omit<NetworkConfigPayload, "version" | "issuedAt" | "expiresAt">;

/** Where nodes send their trace records (PROTOCOL.md §4), as the configuration and a registration say. */
export function tracesUrl(): string {
  return `${publicOrigin()}/api/v1/traces`;
}

/** What the configuration says now: portal keys, institutions, active nodes, services, agreements in force. */
async function currentContent(env: Environment): Promise<Content> {
  const db = getDb();
  const now = clock.now();
  const [keys, institutions, nodes, services, agreements] = await Promise.all([
    publishedKeys(),
    db.institution.findMany({ select: { code: true, name: true }, orderBy: { code: "asc" } }),
    db.node.findMany({
      where: { environment: env, status: "ACTIVE" },
      include: { keys: { where: { OR: [{ retireAfter: null }, { retireAfter: { gt: now } }] }, orderBy: [{ use: "asc" }, { createdAt: "asc" }] } },
      orderBy: { id: "asc" },
    }),
    db.service.findMany({
      where: { status: { in: ["PUBLISHED", "DEPRECATED"] }, environments: { has: env } },
      select: { id: true, institutionCode: true, classifications: true },
      orderBy: { id: "asc" },
    }),
    listAgreementsInForce(env),
  ]);
  const nodesByInstitution = new Map<string, string[]>();
  for (const n of nodes) nodesByInstitution.set(n.institutionCode, [...(nodesByInstitution.get(n.institutionCode) ?? []), n.id]);
  return {
    env,
    portal: { tracesUrl: tracesUrl(), jwks: { keys: keys as PublicJwk[] } },
    institutions,
    nodes: nodes.map((n) => ({ id: n.id, institution: n.institutionCode, url: n.baseUrl, jwks: { keys: n.keys.map((k) => k.publicJwk as PublicJwk) } })),
    services: services.map((s) => ({
      id: s.id,
      provider: s.institutionCode,
      nodes: nodesByInstitution.get(s.institutionCode) ?? [],
      sensitive: s.classifications.includes("SENSIBLE"),
      requestSchema: null,
      responseSchema: null,
    })),
    agreements,
    revokedConsents: [],
  };
}

/**
 * The signed network configuration of `env` (PROTOCOL.md §2): the last document while its content
 * is current and it has more than 5 minutes left; otherwise a new one, under a per-environment
 * advisory lock so concurrent portal instances issue one. A new `version` only when the content
 * changed; re-signing keeps the version.
 */
export async function getNetworkConfig(env: Environment): Promise<{ jws: string; version: number; expiresAt: Date }> {
  const db = getDb();
  const now = clock.now();
  const content = await currentContent(env);
  const hash = configHash({ ...content, version: 0 });
  const latest = await db.networkConfig.findFirst({ where: { environment: env }, orderBy: { id: "desc" } });
  /** The stored document still says this content and has more than RESIGN_BEFORE_MS left. */
  const reusable = (doc: { contentHash: string; expiresAt: Date }) => doc.contentHash === hash && doc.expiresAt.getTime() - now.getTime() > RESIGN_BEFORE_MS;
  if (latest && reusable(latest)) return { jws: latest.jws, version: latest.version, expiresAt: latest.expiresAt };
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_BASE + (env === "prod" ? 1 : 0)})`;
    const last = await tx.networkConfig.findFirst({ where: { environment: env }, orderBy: { id: "desc" } });
    if (last && reusable(last)) return { jws: last.jws, version: last.version, expiresAt: last.expiresAt };
    const version = !last ? 1 : last.contentHash === hash ? last.version : last.version + 1;
    const issuedAt = now;
    const expiresAt = new Date(now.getTime() + CONFIG_MAX_VALIDITY_MS);
    const payload: NetworkConfigPayload = { ...content, version, issuedAt: issuedAt.toISOString(), expiresAt: expiresAt.toISOString() };
    const key = await signingKey("config");
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: "ES256", kid: key.kid, typ: "pisee-config+jwt" })
      .sign(key.privateKey);
    await tx.networkConfig.create({ data: { environment: env, version, contentHash: hash, jws, issuedAt, expiresAt } });
    return { jws, version, expiresAt };
  });
}
