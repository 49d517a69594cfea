import "server-only";
import crypto from "node:crypto";
import { calculateJwkThumbprint, importJWK, type JWK } from "jose";
import { isPrivateJwk, KEY_OVERLAP_MS } from "@pisee/node-agent/protocol";
import { checkNodeUrl } from "@pisee/node-agent/shared";
import { recordAudit } from "@/lib/audit/record";
import { can, canReadInstitution } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/session";
import { clock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { publicOrigin, serverEnv } from "@/lib/env";
import { tracesUrl } from "@/lib/network-config/service";
import { AppError, ValidationError, type ErrorIssue } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TNode, TNodeCreate, TNodeKeysSubmission, TRegistration } from "@/lib/nodes/schemas";
import { notify } from "@/lib/notifications/service";

type Tx = Prisma.TransactionClient;

/** A registration or rotation token lives 24 hours and is used once; only its hash is stored. */
export const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

const include = { institution: { select: { code: true, name: true } }, keys: { orderBy: [{ createdAt: "asc" }, { use: "asc" }] } } satisfies Prisma.NodeInclude;
type Row = Prisma.NodeGetPayload<{ include: typeof include }>;

const ENVIRONMENT_WORDS = { dev: "desarrollo", prod: "producción" } as const;

/** The institution's notification (and mail to its members) about one of its nodes, in the change's transaction. */
async function notifyNode(tx: Tx, nodeId: string, kind: "NODO_REGISTRADO" | "NODO_CLAVES_ROTADAS" | "NODO_REVOCADO", title: string, body: (env: string) => string) {
  const node = await tx.node.findUniqueOrThrow({ where: { id: nodeId }, select: { institutionCode: true, environment: true } });
  // The node in the title, like an agreement's number: a mail's subject says which one.
  await notify(tx, { institution: node.institutionCode, kind, title: `${title} · ${nodeId}`, body: body(ENVIRONMENT_WORDS[node.environment]) });
}

const hashToken = (token: string) => crypto.createHash("sha256").update(token, "utf8").digest("hex");
const newToken = () => crypto.randomBytes(32).toString("base64url");

function toNode(r: Row, now: Date): TNode {
  return {
    id: r.id,
    institution: r.institution,
    name: r.name,
    environment: r.environment,
    baseUrl: r.baseUrl,
    status: r.status,
    keys: r.keys
      .filter((k) => !k.retireAfter || k.retireAfter > now)
      .map((k) => ({ kid: k.kid, use: k.use as "sig" | "enc", createdAt: k.createdAt.toISOString(), retireAfter: k.retireAfter?.toISOString() ?? null })),
    tokenPending:
      r.tokenHash && r.tokenExpiresAt && r.tokenExpiresAt > now ? { purpose: r.tokenPurpose as "register" | "rotate", expiresAt: r.tokenExpiresAt.toISOString() } : null,
    createdAt: r.createdAt.toISOString(),
    activatedAt: r.activatedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    revokedReason: r.revokedReason,
  };
}

function assertManage(actor: Actor, institution: string) {
  if (!can(actor, "node.manage", institution)) throw new AppError("forbidden", `Solo un/a administrador/a de ${institution} gestiona sus nodos.`);
}

/** The node: 404 to whoever may not see it, 403 to a member who may not manage it. */
async function findManagedNode(tx: Tx, id: string, actor: Actor) {
  const node = await tx.node.findUnique({ where: { id } });
  if (!node || !can(actor, "institution.read_private", node.institutionCode)) throw new AppError("not_found", `No existe el nodo ${id}.`);
  assertManage(actor, node.institutionCode);
  return node;
}

export async function listNodes(institution: string, actor: Actor): Promise<TNode[]> {
  if (!canReadInstitution(actor, institution)) throw new AppError("forbidden", "Solo los miembros de la institución ven sus nodos.");
  const rows = await getDb().node.findMany({ where: { institutionCode: institution }, include, orderBy: [{ environment: "asc" }, { name: "asc" }] });
  const now = clock.now();
  return rows.map((r) => toNode(r, now));
}

export async function getNode(id: string, actor: Actor): Promise<TNode> {
  const row = await getDb().node.findUnique({ where: { id }, include });
  if (!row || !canReadInstitution(actor, row.institutionCode)) throw new AppError("not_found", `No existe el nodo ${id}.`);
  return toNode(row, clock.now());
}

/** Registers a node (pending) and returns its one-time registration token, shown once. */
export async function createNode(input: TNodeCreate, actor: Actor): Promise<{ node: TNode; token: string; expiresAt: string }> {
  assertManage(actor, input.institution);
  // An origin only; in prod https and a public host (PROTOCOL.md §2). Nodes apply the same rule to their peers.
  const url = checkNodeUrl(input.baseUrl, input.environment, { allowPrivate: serverEnv().PISEE_ALLOW_PRIVATE_NODE_URLS === "1" });
  if (!url.ok) throw new ValidationError([{ path: "baseUrl", message: url.message }]);
  const id = `${input.institution}/${input.name}`;
  const token = newToken();
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS);
  const row = await getDb().$transaction(async (tx) => {
    if (await tx.node.findUnique({ where: { id }, select: { id: true } })) throw new AppError("node_exists", `Ya existe el nodo ${id}.`);
    await tx.node.create({
      data: { id, institutionCode: input.institution, name: input.name, environment: input.environment, baseUrl: url.origin, tokenHash: hashToken(token), tokenPurpose: "register", tokenExpiresAt: expiresAt, createdByRun: actor.run, createdAt: now },
    });
    await recordAudit(tx, { actorRun: actor.run, action: "node.created", targetType: "node", targetId: id });
    return tx.node.findUniqueOrThrow({ where: { id }, include });
  });
  return { node: toNode(row, now), token, expiresAt: expiresAt.toISOString() };
}

/**
 * A new one-time token for a node: `rotate` (an active node presents new keys) or `register` (a
 * pending node whose token expired or was lost). Only the last token issued is valid.
 */
async function issueNodeToken(id: string, purpose: "register" | "rotate", actor: Actor): Promise<{ node: TNode; token: string; expiresAt: string }> {
  const token = newToken();
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS);
  const row = await getDb().$transaction(async (tx) => {
    const node = await findManagedNode(tx, id, actor);
    const state = { PENDING: "pendiente de registro", ACTIVE: "activo", REVOKED: "revocado" }[node.status];
    if (purpose === "rotate" && node.status !== "ACTIVE") throw new AppError("node_not_active", `Solo un nodo activo rota sus claves; este está ${state}.`);
    if (purpose === "register" && node.status !== "PENDING") throw new AppError("node_not_pending", `Solo un nodo pendiente recibe un token de registro nuevo; este está ${state}.`);
    await tx.node.update({ where: { id }, data: { tokenHash: hashToken(token), tokenPurpose: purpose, tokenExpiresAt: expiresAt } });
    await recordAudit(tx, { actorRun: actor.run, action: purpose === "rotate" ? "node.rotation_token_issued" : "node.registration_token_reissued", targetType: "node", targetId: id });
    return tx.node.findUniqueOrThrow({ where: { id }, include });
  });
  return { node: toNode(row, now), token, expiresAt: expiresAt.toISOString() };
}

/** A one-time token for an active node to present new keys (key rotation). */
export function issueRotationToken(id: string, actor: Actor) {
  return issueNodeToken(id, "rotate", actor);
}

/** A new registration token for a pending node (the previous one expired or was lost). */
export function reissueRegistrationToken(id: string, actor: Actor) {
  return issueNodeToken(id, "register", actor);
}

export async function revokeNode(id: string, reason: string, actor: Actor): Promise<TNode> {
  const now = clock.now();
  const row = await getDb().$transaction(async (tx) => {
    const node = await findManagedNode(tx, id, actor);
    if (node.status === "REVOKED") throw new AppError("node_revoked", "El nodo ya está revocado.");
    if (!reason.trim()) throw new ValidationError([{ path: "reason", message: "Indique el motivo de la revocación." }]);
    await tx.node.update({ where: { id }, data: { status: "REVOKED", revokedAt: now, revokedReason: reason.trim(), tokenHash: null, tokenPurpose: null, tokenExpiresAt: null } });
    await recordAudit(tx, { actorRun: actor.run, action: "node.revoked", targetType: "node", targetId: id, data: { reason } });
    await notifyNode(
      tx,
      id,
      "NODO_REVOCADO",
      "Nodo revocado",
      (env) => `El nodo ${id} (ambiente de ${env}) fue revocado: sale de la configuración de la red en su próxima versión y los demás nodos dejarán de aceptar sus mensajes. Motivo: ${reason.trim()}`,
    );
    return tx.node.findUniqueOrThrow({ where: { id }, include });
  });
  return toNode(row, now);
}

type ValidKey = { kid: string; use: "sig" | "enc"; publicJwk: JWK };

/**
 * One `sig` key (ES256) and one `enc` key (ECDH-ES+A256KW), both EC P-256, public only, each
 * `kid` its RFC 7638 thumbprint, and not used by any other node (PROTOCOL.md §0).
 */
async function validateKeys(tx: Tx, jwks: { keys: Record<string, unknown>[] }, nodeId: string): Promise<ValidKey[]> {
  const issues: ErrorIssue[] = [];
  const out: ValidKey[] = [];
  for (const [i, raw] of jwks.keys.entries()) {
    const path = `jwks.keys.${i}`;
    const jwk = raw as JWK & { use?: string };
    if (isPrivateJwk(raw)) {
      issues.push({ path, message: "La clave incluye material privado: envíe solo la parte pública." });
      continue;
    }
    if (jwk.kty !== "EC" || jwk.crv !== "P-256" || typeof jwk.x !== "string" || typeof jwk.y !== "string") {
      issues.push({ path, message: "Solo se aceptan claves EC P-256." });
      continue;
    }
    if (jwk.use !== "sig" && jwk.use !== "enc") {
      issues.push({ path, message: "Cada clave debe declarar use: sig o enc." });
      continue;
    }
    try {
      await importJWK({ kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y }, "ES256");
    } catch {
      issues.push({ path, message: "La clave no es un punto válido de la curva P-256." });
      continue;
    }
    const kid = await calculateJwkThumbprint({ kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y }, "sha256");
    if (jwk.kid !== kid) {
      issues.push({ path, message: "El kid debe ser la huella RFC 7638 de la clave." });
      continue;
    }
    const alg = jwk.use === "sig" ? "ES256" : "ECDH-ES+A256KW";
    if (jwk.alg !== undefined && jwk.alg !== alg) {
      issues.push({ path, message: `Una clave ${jwk.use} solo admite el algoritmo ${alg}.` });
      continue;
    }
    out.push({ kid, use: jwk.use, publicJwk: { kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y, kid, use: jwk.use, alg } });
  }
  if (!issues.length && (out.filter((k) => k.use === "sig").length !== 1 || out.filter((k) => k.use === "enc").length !== 1)) {
    issues.push({ path: "jwks.keys", message: "Envíe exactamente una clave de firma (sig) y una de cifrado (enc)." });
  }
  if (!issues.length) {
    const taken = await tx.nodeKey.findMany({ where: { kid: { in: out.map((k) => k.kid) }, NOT: { nodeId } }, select: { kid: true } });
    if (taken.length) issues.push({ path: "jwks.keys", message: "Esas claves ya pertenecen a otro nodo: genere claves nuevas." });
  }
  if (issues.length) throw new ValidationError(issues);
  return out;
}

const invalidToken = () => new AppError("invalid_token");

/**
 * Consumes a one-time token atomically: one conditional UPDATE … RETURNING clears it, so of any
 * number of concurrent requests with the same token exactly one gets the node (the others wait
 * for its row lock, then find no token: `invalid_token`). Within the caller's transaction: if the
 * keys are then refused, the rollback leaves the token usable.
 */
async function consumeToken(tx: Tx, token: string, purpose: "register" | "rotate") {
  const status = purpose === "register" ? "PENDING" : "ACTIVE";
  const rows = await tx.$queryRaw<{ id: string; environment: "dev" | "prod" }[]>`
    UPDATE node SET token_hash = NULL, token_purpose = NULL, token_expires_at = NULL
    WHERE token_hash = ${hashToken(token)} AND token_purpose = ${purpose} AND token_expires_at > ${clock.now()} AND status = ${status}::"NodeStatus"
    RETURNING id, environment::text AS environment`;
  if (rows.length !== 1) throw invalidToken();
  return rows[0]!;
}

function registration(node: { id: string; environment: "dev" | "prod" }, keys: ValidKey[]): TRegistration {
  const origin = publicOrigin();
  return {
    nodeId: node.id,
    environment: node.environment,
    networkConfigUrl: `${origin}/api/v1/network-config?env=${node.environment}`,
    tracesUrl: tracesUrl(),
    kids: keys.map((k) => k.kid),
  };
}

/** The node presents its token and public keys: it becomes active (PROTOCOL.md §2 lists it from the next configuration). */
export async function registerNode(input: TNodeKeysSubmission): Promise<TRegistration> {
  const now = clock.now();
  return getDb().$transaction(async (tx) => {
    const node = await consumeToken(tx, input.token, "register");
    const keys = await validateKeys(tx, input.jwks, node.id);
    await tx.nodeKey.createMany({ data: keys.map((k) => ({ nodeId: node.id, kid: k.kid, use: k.use, publicJwk: k.publicJwk as Prisma.InputJsonObject, createdAt: now })) });
    await tx.node.update({ where: { id: node.id }, data: { status: "ACTIVE", activatedAt: now } });
    await recordAudit(tx, { actorRun: null, action: "node.registered", targetType: "node", targetId: node.id, data: { kids: keys.map((k) => k.kid) } });
    await notifyNode(
      tx,
      node.id,
      "NODO_REGISTRADO",
      "Nodo registrado",
      (env) => `El nodo ${node.id} (ambiente de ${env}) presentó sus claves y quedó activo: figura en la configuración de la red desde su próxima versión.`,
    );
    return registration(node, keys);
  });
}

/** Key rotation: the new keys are added; the previous ones stay valid for the overlap window. */
export async function rotateNodeKeys(input: TNodeKeysSubmission): Promise<TRegistration> {
  const now = clock.now();
  return getDb().$transaction(async (tx) => {
    const node = await consumeToken(tx, input.token, "rotate");
    const keys = await validateKeys(tx, input.jwks, node.id);
    const retireAfter = new Date(now.getTime() + KEY_OVERLAP_MS);
    await tx.nodeKey.updateMany({ where: { nodeId: node.id, retireAfter: null, kid: { notIn: keys.map((k) => k.kid) } }, data: { retireAfter } });
    await tx.nodeKey.createMany({ data: keys.map((k) => ({ nodeId: node.id, kid: k.kid, use: k.use, publicJwk: k.publicJwk as Prisma.InputJsonObject, createdAt: now })), skipDuplicates: true });
    await recordAudit(tx, { actorRun: null, action: "node.keys_rotated", targetType: "node", targetId: node.id, data: { kids: keys.map((k) => k.kid), previousRetireAfter: retireAfter.toISOString() } });
    await notifyNode(
      tx,
      node.id,
      "NODO_CLAVES_ROTADAS",
      "Claves del nodo rotadas",
      (env) =>
        `El nodo ${node.id} (ambiente de ${env}) presentó claves nuevas: se publican desde la próxima versión de la configuración de la red, y las anteriores siguen valiendo una hora. Si nadie de su institución pidió esta rotación, revoque el nodo.`,
    );
    return registration(node, keys);
  });
}
