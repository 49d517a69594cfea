import "server-only";
import crypto from "node:crypto";
import { calculateJwkThumbprint, exportJWK, type JWK } from "jose";
import { clock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import type { KeyPurpose } from "@/lib/generated/prisma/enums";
import { seal, unseal } from "@/lib/keys/master";
import { CONFIG_MAX_VALIDITY_MS } from "@pisee/node-agent/protocol";

/**
 * The portal's two signing keys (PROTOCOL.md §0, §2, §5): `config` signs the network
 * configuration, `consent` signs consent artefacts. Generated on first use; private halves
 * sealed with the master key; public halves published in /.well-known/jwks.json and in each
 * configuration. Rotation: a new key is published one expiry period (15 min) before it signs;
 * the old one stays published until what it signed has expired.
 */

/** Advisory lock under which the keys are created, so concurrent portal instances make one pair. */
const ENSURE_LOCK = 7_340_002;

export type PublishedJwk = JWK & { kid: string; use: "sig"; alg: "ES256"; purpose: KeyPurpose };

async function generate(purpose: KeyPurpose, signsFrom: Date) {
  // Generated as DER and re-imported: on Node 20, exporting a freshly generated KeyObject as JWK
  // can deadlock with the garbage collector (seen here: the process hangs).
  const der = crypto.generateKeyPairSync("ec", {
    namedCurve: "P-256",
    publicKeyEncoding: { type: "spki", format: "der" },
    privateKeyEncoding: { type: "pkcs8", format: "der" },
  });
  const pub = await exportJWK(crypto.createPublicKey({ key: der.publicKey, format: "der", type: "spki" }));
  const kid = await calculateJwkThumbprint(pub, "sha256");
  const publicJwk: PublishedJwk = { kty: "EC", crv: "P-256", x: pub.x!, y: pub.y!, kid, use: "sig", alg: "ES256", purpose };
  const privateDer = der.privateKey;
  return { kid, purpose, publicJwk, encryptedPrivateKey: new Uint8Array(seal(privateDer, `portal-key:${kid}`)), signsFrom };
}

/** Makes sure each purpose has a key (one portal instance creates them; the others wait on the lock). */
export async function ensurePortalKeys(): Promise<void> {
  const db = getDb();
  if ((await db.portalKey.count()) >= 2) return;
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ENSURE_LOCK})`;
    for (const purpose of ["config", "consent"] as const) {
      if (await tx.portalKey.findFirst({ where: { purpose } })) continue;
      // The first key of each purpose is what installations take as their anchor: it signs at once.
      await tx.portalKey.create({ data: await generate(purpose, new Date(0)) });
    }
  });
}

/** Starts a rotation: the new key is published now and signs from one expiry period later. */
export async function rotatePortalKey(purpose: KeyPurpose): Promise<{ kid: string; signsFrom: Date }> {
  const now = clock.now();
  const signsFrom = new Date(now.getTime() + CONFIG_MAX_VALIDITY_MS);
  const key = await generate(purpose, signsFrom);
  await getDb().$transaction(async (tx) => {
    // Configuration documents expire within one period of the switch; consent artefacts live as
    // long as their procedures, so an old consent key stays published (no unpublish date).
    const unpublishAfter = purpose === "config" ? new Date(signsFrom.getTime() + CONFIG_MAX_VALIDITY_MS) : null;
    await tx.portalKey.updateMany({ where: { purpose, retiredAt: null }, data: { retiredAt: signsFrom, unpublishAfter } });
    await tx.portalKey.create({ data: key });
  });
  return { kid: key.kid, signsFrom };
}

/** The key that signs for `purpose` now: the newest whose signing period has started. */
export async function signingKey(purpose: KeyPurpose): Promise<{ kid: string; privateKey: crypto.KeyObject }> {
  await ensurePortalKeys();
  const now = clock.now();
  const row = await getDb().portalKey.findFirst({ where: { purpose, signsFrom: { lte: now } }, orderBy: { signsFrom: "desc" } });
  if (!row) throw new Error(`No portal key for ${purpose}`);
  const der = unseal(row.encryptedPrivateKey, `portal-key:${row.kid}`);
  return { kid: row.kid, privateKey: crypto.createPrivateKey({ key: der, format: "der", type: "pkcs8" }) };
}

/** Public keys published now (current, upcoming and still-needed old ones), oldest first. */
export async function publishedKeys(purpose?: KeyPurpose): Promise<PublishedJwk[]> {
  await ensurePortalKeys();
  const now = clock.now();
  const rows = await getDb().portalKey.findMany({
    where: { ...(purpose ? { purpose } : {}), OR: [{ unpublishAfter: null }, { unpublishAfter: { gt: now } }] },
    orderBy: [{ purpose: "asc" }, { createdAt: "asc" }],
  });
  return rows.map((r) => r.publicJwk as PublishedJwk);
}
