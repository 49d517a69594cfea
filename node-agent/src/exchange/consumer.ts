import crypto from "node:crypto";
import { decryptJwe, encryptJwe, inspectJwe, MAX_JWE_LENGTH, signJws, verifyJws } from "../crypto/suite.ts";
import { checkMessageTimes } from "../enforcement/time.ts";
import { ProtocolError, transportError, type ErrorCode } from "../errors.ts";
import { REQUEST_HEADERS, RESPONSE_HEADERS, pick } from "../headers.ts";
import { parseRun } from "../shared/run.ts";
import { readAtMost } from "./bounded.ts";
import { isPrintableText, MAX_TEXT_CLAIM } from "./claims.ts";
import { nowSeconds, type ExchangeContext } from "./context.ts";
import type { NodeEntry } from "../network-config/store.ts";
import { METHODS, parseLocalUrl } from "./paths.ts";

/** `mayCall`: where per-app credentials apply, whether the calling app may call the service (else `client.forbidden`). */
export type AppRequest = { method: string; url: string; headers: Record<string, string | string[] | undefined>; body: Buffer; mayCall?: (serviceId: string) => boolean };
export type AppResponse = { status: number; headers: Record<string, string>; body: Buffer; code: ErrorCode | null; rid: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
/** How much of a provider's clear (unsigned) error is read: only its code is of interest. */
const CLEAR_ERROR_LIMIT = 64 * 1024;

/**
 * The consumer node (PROTOCOL.md §3.1–3.4): checks the service and the agreement in the network
 * configuration, signs and encrypts the request to the provider node, and verifies the signed,
 * encrypted answer before handing the backend's status, headers and body back to the app.
 */
export async function handleAppRequest(ctx: ExchangeContext, app: AppRequest): Promise<AppResponse> {
  const given = one(app.headers["pisee-request-id"]);
  const rid = given && UUID.test(given) ? given.toLowerCase() : crypto.randomUUID();
  if (!METHODS.has(app.method)) throw withRid(new ProtocolError("client.bad_request", "método no permitido"), rid);
  const target = (() => {
    try {
      return parseLocalUrl(app.url);
    } catch (e) {
      throw withRid(e as ProtocolError, rid);
    }
  })();
  if (app.mayCall && !app.mayCall(target.serviceId)) throw withRid(new ProtocolError("client.forbidden", "la aplicación no tiene este servicio entre los suyos"), rid);
  const cfg = ctx.store.current;
  if (!cfg) throw withRid(new ProtocolError("node.not_ready"), rid);
  const service = cfg.services.get(target.serviceId);
  if (!service) throw withRid(new ProtocolError("client.unknown_service"), rid);
  const state = ctx.store.state(ctx.nowMs());
  if (state === "expired" || (state === "grace" && service.sensitive)) throw withRid(new ProtocolError("node.config_expired"), rid);
  const agreement = cfg.agreements.get(`${ctx.institution}\u0000${service.id}`);
  if (!agreement || (agreement.validUntil && Date.parse(agreement.validUntil) <= ctx.nowMs())) throw withRid(new ProtocolError("consumer.no_agreement"), rid);

  const proc = one(app.headers["pisee-procedure"]);
  const caseId = one(app.headers["pisee-case"]);
  let official = one(app.headers["pisee-official"]);
  let subject = one(app.headers["pisee-subject"]);
  const consent = one(app.headers["pisee-consent"]);
  // Only claims of the forms of §3.3 step 2a leave this node.
  if (proc && !isPrintableText(proc)) throw withRid(new ProtocolError("client.bad_request", `Pisee-Procedure: hasta ${MAX_TEXT_CLAIM} caracteres imprimibles`), rid);
  if (caseId && !isPrintableText(caseId)) throw withRid(new ProtocolError("client.bad_request", `Pisee-Case: hasta ${MAX_TEXT_CLAIM} caracteres imprimibles`), rid);
  if (official) {
    const run = parseRun(official);
    if (!run.ok) throw withRid(new ProtocolError("client.bad_request", "Pisee-Official no es un RUN válido"), rid);
    official = run.run;
  }
  if (service.sensitive) {
    if (!proc || !subject || !consent) throw withRid(new ProtocolError("consumer.consent_required"), rid);
    const run = parseRun(subject);
    if (!run.ok) throw withRid(new ProtocolError("client.bad_request", "Pisee-Subject no es un RUN válido"), rid);
    subject = run.run;
  }
  // A node with an encryption key and a URL the rules of §2 allow; one whose URL breaks them is never sent to.
  const withKeys = service.nodes.map((id) => cfg.nodes.get(id)).filter((n): n is NodeEntry => n !== undefined && n.enc.length > 0);
  const provider = withKeys.find((n) => n.exchange !== null);
  if (!provider) {
    for (const n of withKeys) ctx.log.warn({ rid, peer: n.id, url: n.url, why: n.unreachable }, "peer URL refused");
    throw withRid(new ProtocolError("consumer.provider_unreachable", withKeys.length ? "la URL del nodo proveedor no es admisible" : "el servicio no tiene nodos activos"), rid);
  }
  const exchange = provider.exchange!;

  const iat = nowSeconds(ctx);
  const jti = crypto.randomUUID();
  const claims = {
    iss: ctx.nodeId,
    aud: provider.id,
    jti,
    rid,
    iat,
    exp: iat + 60,
    env: ctx.settings.environment,
    svc: service.id,
    agr: agreement.id,
    ...(proc ? { proc } : {}),
    ...(caseId ? { case: caseId } : {}),
    ...(official ? { off: official } : {}),
    ...(service.sensitive ? { sub: subject, cns: consent } : {}),
    req: {
      method: app.method,
      path: target.path,
      query: target.query,
      headers: pick(app.headers, REQUEST_HEADERS),
      body: app.body.toString("base64url"),
    },
  };
  const signer = ctx.keys.signing();
  const jws = signJws(claims, { privateKey: signer.privateKey, kid: signer.publicJwk.kid, typ: "pisee-req+jwt" });
  const jwe = encryptJwe(jws, { recipient: provider.enc.at(-1)!, apu: ctx.nodeId, apv: provider.id, cty: "JWT" });
  const reqHash = crypto.createHash("sha256").update(jwe, "utf8").digest("base64url");

  let status: number;
  let contentType: string;
  let answer: Buffer | null;
  try {
    const r = await ctx.http.request({
      origin: exchange.origin,
      path: exchange.path,
      method: "POST",
      headers: { "content-type": "application/jose" },
      body: jwe,
      headersTimeout: ctx.settings.timeouts.providerMs,
      bodyTimeout: ctx.settings.timeouts.providerMs,
    });
    status = r.statusCode;
    contentType = String(r.headers["content-type"] ?? "");
    // At most 20 MiB of a signed answer (§3.4), a little of a clear error; the read stops there.
    answer = await readAtMost(r.body, status === 200 ? MAX_JWE_LENGTH : CLEAR_ERROR_LIMIT, r.headers["content-length"]);
  } catch (err) {
    throw withRid(transportError(err, "consumer.provider_timeout", "consumer.provider_unreachable"), rid);
  }
  if (answer === null && status === 200) throw withRid(new ProtocolError("consumer.response_invalid", "respuesta de más de 20 MiB"), rid);
  const text = answer?.toString("utf8") ?? "";

  if (status !== 200 || !contentType.startsWith("application/jose")) {
    // A clear error from a provider is not signed: reported as information only.
    let theirs = "";
    try {
      theirs = String((JSON.parse(text) as { error?: { code?: unknown } }).error?.code ?? "");
    } catch {
      /* not JSON */
    }
    throw withRid(new ProtocolError("consumer.provider_refused", theirs ? `${theirs} (no verificado)` : `HTTP ${status}`), rid);
  }

  let p: Record<string, unknown>;
  try {
    const inspected = inspectJwe(text);
    const encKey = inspected.apv === ctx.nodeId && inspected.apu === provider.id ? ctx.keys.decryption(inspected.kid) : undefined;
    if (!encKey) throw new Error("not for us");
    const inner = Buffer.from(decryptJwe(inspected, encKey)).toString("utf8");
    p = verifyJws(inner, { typ: "pisee-res+jwt", resolveKey: (kid) => provider.sig.get(kid) }).payload;
    if (p.iss !== provider.id || p.aud !== ctx.nodeId || p.irt !== jti || p.reqHash !== reqHash) throw new Error("not the answer to this request");
    checkMessageTimes(p.iat, p.exp, nowSeconds(ctx), "consumer.response_invalid");
  } catch {
    throw withRid(new ProtocolError("consumer.response_invalid"), rid);
  }
  const res = p.res as { status?: unknown; headers?: unknown; body?: unknown } | undefined;
  if (!res || !Number.isInteger(res.status) || typeof res.body !== "string") throw withRid(new ProtocolError("consumer.response_invalid"), rid);
  const headers = pick((res.headers ?? {}) as Record<string, string>, RESPONSE_HEADERS);
  const code = typeof p.err === "string" ? (p.err as ErrorCode) : null;
  return { status: res.status as number, headers, body: Buffer.from(res.body, "base64url"), code, rid };
}

/** A protocol error that knows the request it belongs to. */
export type RidError = ProtocolError & { rid: string };
function withRid(e: ProtocolError, rid: string): RidError {
  return Object.assign(e, { rid });
}
