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
/** The backend's status, headers and body; `code` when the provider node answered with its error (§3.4). */
export type AppResponse = { status: number; headers: Record<string, string>; body: Buffer; code: ErrorCode | null };
/**
 * What the consumer node makes of an app's request, always with its request id (`rid`: the app's
 * `Pisee-Request-Id` when it is a UUID, else a new one): the answer for the app, or this node's own
 * refusal (§3.5), which the local port sends in clear.
 */
export type ConsumerResult = ({ ok: true; rid: string } & AppResponse) | { ok: false; rid: string; error: ProtocolError };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const firstValue = (header: string | string[] | undefined) => (Array.isArray(header) ? header[0] : header);
/** How much of a provider's clear (unsigned) error is read: only its code is of interest. */
const CLEAR_ERROR_LIMIT = 64 * 1024;

/**
 * The consumer node (PROTOCOL.md §3.1–3.4): checks the service and the agreement in the network
 * configuration, signs and encrypts the request to the provider node, and verifies the signed,
 * encrypted answer before handing the backend's status, headers and body back to the app.
 * Anything but a ProtocolError (a bug) is thrown, for the caller to log.
 */
export async function handleAppRequest(ctx: ExchangeContext, app: AppRequest): Promise<ConsumerResult> {
  const given = firstValue(app.headers["pisee-request-id"]);
  const rid = given && UUID.test(given) ? given.toLowerCase() : crypto.randomUUID();
  try {
    return { ok: true, rid, ...(await runExchange(ctx, app, rid)) };
  } catch (err) {
    if (err instanceof ProtocolError) return { ok: false, rid, error: err };
    throw err;
  }
}

async function runExchange(ctx: ExchangeContext, app: AppRequest, rid: string): Promise<AppResponse> {
  if (!METHODS.has(app.method)) throw new ProtocolError("client.bad_request", "método no permitido");
  const target = parseLocalUrl(app.url);
  if (app.mayCall && !app.mayCall(target.serviceId)) throw new ProtocolError("client.forbidden", "la aplicación no tiene este servicio entre los suyos");
  const config = ctx.store.current;
  if (!config) throw new ProtocolError("node.not_ready");
  const service = config.services.get(target.serviceId);
  if (!service) throw new ProtocolError("client.unknown_service");
  const state = ctx.store.state(ctx.nowMs());
  if (state === "expired" || (state === "grace" && service.sensitive)) throw new ProtocolError("node.config_expired");
  const agreement = config.agreements.get(`${ctx.institution}\u0000${service.id}`);
  if (!agreement || (agreement.validUntil && Date.parse(agreement.validUntil) <= ctx.nowMs())) throw new ProtocolError("consumer.no_agreement");

  const proc = firstValue(app.headers["pisee-procedure"]);
  const caseId = firstValue(app.headers["pisee-case"]);
  let official = firstValue(app.headers["pisee-official"]);
  let subject = firstValue(app.headers["pisee-subject"]);
  const consent = firstValue(app.headers["pisee-consent"]);
  // Only claims of the forms of §3.3 step 2a leave this node.
  if (proc && !isPrintableText(proc)) throw new ProtocolError("client.bad_request", `Pisee-Procedure: hasta ${MAX_TEXT_CLAIM} caracteres imprimibles`);
  if (caseId && !isPrintableText(caseId)) throw new ProtocolError("client.bad_request", `Pisee-Case: hasta ${MAX_TEXT_CLAIM} caracteres imprimibles`);
  if (official) {
    const run = parseRun(official);
    if (!run.ok) throw new ProtocolError("client.bad_request", "Pisee-Official no es un RUN válido");
    official = run.run;
  }
  if (service.sensitive) {
    if (!proc || !subject || !consent) throw new ProtocolError("consumer.consent_required");
    const run = parseRun(subject);
    if (!run.ok) throw new ProtocolError("client.bad_request", "Pisee-Subject no es un RUN válido");
    subject = run.run;
  }
  // A node with an encryption key and a URL the rules of §2 allow; one whose URL breaks them is never sent to.
  const withKeys = service.nodes.map((id) => config.nodes.get(id)).filter((node): node is NodeEntry => node !== undefined && node.enc.length > 0);
  const provider = withKeys.find((node) => node.exchange !== null);
  if (!provider) {
    for (const node of withKeys) ctx.log.warn({ rid, peer: node.id, url: node.url, why: node.unreachable }, "peer URL refused");
    throw new ProtocolError("consumer.provider_unreachable", withKeys.length ? "la URL del nodo proveedor no es admisible" : "el servicio no tiene nodos activos");
  }
  const providerPort = provider.exchange!;

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
    const providerResponse = await ctx.http.request({
      origin: providerPort.origin,
      path: providerPort.path,
      method: "POST",
      headers: { "content-type": "application/jose" },
      body: jwe,
      headersTimeout: ctx.settings.timeouts.providerMs,
      bodyTimeout: ctx.settings.timeouts.providerMs,
    });
    status = providerResponse.statusCode;
    contentType = String(providerResponse.headers["content-type"] ?? "");
    // At most 20 MiB of a signed answer (§3.4), a little of a clear error; the read stops there.
    answer = await readAtMost(providerResponse.body, status === 200 ? MAX_JWE_LENGTH : CLEAR_ERROR_LIMIT, providerResponse.headers["content-length"]);
  } catch (err) {
    throw transportError(err, "consumer.provider_timeout", "consumer.provider_unreachable");
  }
  if (answer === null && status === 200) throw new ProtocolError("consumer.response_invalid", "respuesta de más de 20 MiB");
  const text = answer?.toString("utf8") ?? "";

  if (status !== 200 || !contentType.startsWith("application/jose")) {
    // A clear error from a provider is not signed: reported as information only.
    let theirs = "";
    try {
      theirs = String((JSON.parse(text) as { error?: { code?: unknown } }).error?.code ?? "");
    } catch {
      /* not JSON */
    }
    throw new ProtocolError("consumer.provider_refused", theirs ? `${theirs} (no verificado)` : `HTTP ${status}`);
  }

  let answerClaims: Record<string, unknown>;
  try {
    const inspected = inspectJwe(text);
    const encKey = inspected.apv === ctx.nodeId && inspected.apu === provider.id ? ctx.keys.decryption(inspected.kid) : undefined;
    if (!encKey) throw new Error("not for us");
    const inner = Buffer.from(decryptJwe(inspected, encKey)).toString("utf8");
    answerClaims = verifyJws(inner, { typ: "pisee-res+jwt", resolveKey: (kid) => provider.sig.get(kid) }).payload;
    const { iss, aud, irt, reqHash: answeredHash } = answerClaims;
    if (iss !== provider.id || aud !== ctx.nodeId || irt !== jti || answeredHash !== reqHash) throw new Error("not the answer to this request");
    checkMessageTimes(answerClaims.iat, answerClaims.exp, nowSeconds(ctx), "consumer.response_invalid");
  } catch {
    throw new ProtocolError("consumer.response_invalid");
  }
  const backendAnswer = answerClaims.res as { status?: unknown; headers?: unknown; body?: unknown } | undefined;
  if (!backendAnswer || !Number.isInteger(backendAnswer.status) || typeof backendAnswer.body !== "string") throw new ProtocolError("consumer.response_invalid");
  const headers = pick((backendAnswer.headers ?? {}) as Record<string, string>, RESPONSE_HEADERS);
  const code = typeof answerClaims.err === "string" ? (answerClaims.err as ErrorCode) : null;
  return { status: backendAnswer.status as number, headers, body: Buffer.from(backendAnswer.body, "base64url"), code };
}
