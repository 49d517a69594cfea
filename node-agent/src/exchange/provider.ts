import crypto from "node:crypto";
import { b64urlEncode, decryptJwe, encryptJwe, inspectJwe, MAX_JWE_LENGTH, signJws, verifyJws } from "../crypto/suite.ts";
import { verifyConsent } from "../enforcement/consent.ts";
import { checkMessageTimes } from "../enforcement/time.ts";
import { ERRORS, ProtocolError, errorBody, transportError, type ErrorCode } from "../errors.ts";
import { REQUEST_HEADERS, RESPONSE_HEADERS, pick } from "../headers.ts";
import type { NodeEntry } from "../network-config/store.ts";
import { nowSeconds, type ExchangeContext } from "./context.ts";
import { readAtMost } from "./bounded.ts";
import { checkRequestShape, MAX_BODY_BYTES, UUID_CANONICAL } from "./claims.ts";

/** The clear answer to anything that does not authenticate (§3.3 steps 1–2): always the same. */
export const UNAUTHENTICATED_BODY = JSON.stringify({
  error: { code: "provider.unauthenticated", message: ERRORS["provider.unauthenticated"].message, requestId: null, node: "" },
});

export type ProviderResult =
  | { kind: "unauthenticated" }
  | { kind: "jwe"; status: 200; body: string; rid: string; code: ErrorCode | null; backendStatus: number };

type Verified = { claims: Record<string, unknown>; iss: string; sender: NodeEntry };


/**
 * The provider node's checks, in the order of PROTOCOL.md §3.3; the first failure answers.
 * Steps 1–2 failures give one clear 401; failures from step 3 on are answered inside the signed,
 * encrypted response with the error's status and code.
 */
export async function handleExchange(ctx: ExchangeContext, jweText: string): Promise<ProviderResult> {
  const config = ctx.store.current;
  // 1–2: authenticate. Nothing before this point tells the sender why it failed.
  let verified: Verified;
  try {
    if (!config) throw new Error("no configuration");
    const inspected = inspectJwe(jweText);
    const encKey = inspected.apv === ctx.nodeId ? ctx.keys.decryption(inspected.kid) : undefined;
    if (!encKey) throw new Error("not for this node");
    const inner = Buffer.from(decryptJwe(inspected, encKey)).toString("utf8");
    const sender = config.nodes.get(inspected.apu);
    if (!sender) throw new Error("unknown sender");
    const { payload } = verifyJws(inner, { typ: "pisee-req+jwt", resolveKey: (kid) => sender.sig.get(kid), maxLength: MAX_JWE_LENGTH });
    if (payload.iss !== inspected.apu) throw new Error("apu is not iss");
    verified = { claims: payload, iss: inspected.apu, sender };
  } catch {
    ctx.metrics.unauthenticated.inc();
    return { kind: "unauthenticated" };
  }

  const { claims, sender: consumerNode } = verified;
  // Echoed in the answer only when of the right form (step 2a may refuse them).
  const rid = typeof claims.rid === "string" && UUID_CANONICAL.test(claims.rid) ? claims.rid : "";
  const irt = typeof claims.jti === "string" && UUID_CANONICAL.test(claims.jti) ? claims.jti : null;
  const reqHash = crypto.createHash("sha256").update(jweText, "utf8").digest("base64url");
  let answer: { status: number; headers: Record<string, string>; body: string };
  let code: ErrorCode | null = null;
  try {
    answer = await checkAndForward(ctx, claims, consumerNode.institution);
  } catch (err) {
    const error = err instanceof ProtocolError ? err : new ProtocolError("provider.backend_unreachable");
    code = error.code;
    answer = { status: error.status, headers: { "content-type": "application/json" }, body: b64urlEncode(Buffer.from(JSON.stringify(errorBody(error, rid || null, ctx.nodeId)))) };
  }

  const iat = nowSeconds(ctx);
  const response = {
    iss: ctx.nodeId,
    aud: verified.iss,
    jti: crypto.randomUUID(),
    irt,
    rid,
    iat,
    exp: iat + 60,
    env: ctx.settings.environment,
    reqHash,
    res: answer,
    ...(code ? { err: code } : {}),
  };
  const signer = ctx.keys.signing();
  const jws = signJws(response, { privateKey: signer.privateKey, kid: signer.publicJwk.kid, typ: "pisee-res+jwt" });
  const recipient = consumerNode.enc.at(-1);
  if (!recipient) return { kind: "unauthenticated" };
  const body = encryptJwe(jws, { recipient, apu: ctx.nodeId, apv: verified.iss, cty: "JWT" });
  return { kind: "jwe", status: 200, body, rid, code, backendStatus: answer.status };
}

async function checkAndForward(ctx: ExchangeContext, claims: Record<string, unknown>, consumerInstitution: string) {
  const config = ctx.store.current!;
  const now = nowSeconds(ctx);
  // 2a. Shape: the sender is authenticated; nothing below reads a claim of another form.
  const request = checkRequestShape(claims);
  // 3. Time.
  checkMessageTimes(claims.iat, claims.exp, now);
  // 4. Addressed to this node, environment and one of its services.
  const serviceId = request.svc;
  const service = config.services.get(serviceId);
  if (request.aud !== ctx.nodeId || claims.env !== ctx.settings.environment || !service || !service.nodes.includes(ctx.nodeId)) {
    throw new ProtocolError("provider.access_denied");
  }
  const state = ctx.store.state(ctx.nowMs());
  if (state === "expired" || (state === "grace" && service.sensitive)) throw new ProtocolError("node.config_expired");
  // 5. An agreement in force for (institution of iss, svc).
  const agreement = config.agreementsById.get(request.agr);
  if (!agreement || agreement.consumer !== consumerInstitution || agreement.service !== serviceId || (agreement.validUntil && Date.parse(agreement.validUntil) <= now * 1000)) {
    throw new ProtocolError("provider.access_denied");
  }
  // 6. Replay.
  if (!ctx.replay.admit(request.iss, request.jti, claims.iat as number, claims.exp as number, now)) {
    throw new ProtocolError("provider.replay_detected");
  }
  // 7. Rate.
  if (!ctx.rate.take(`${agreement.id}\u0000${ctx.nodeId}`, agreement.tps, ctx.nowMs())) {
    throw new ProtocolError("provider.rate_limited");
  }
  // 8. Consent for a sensitive service.
  let subject: string | null = null;
  if (service.sensitive) {
    subject = verifyConsent({
      cns: claims.cns,
      sub: request.sub,
      proc: request.proc,
      caseId: request.case,
      consumer: consumerInstitution,
      service: serviceId,
      env: ctx.settings.environment,
      consentKeys: config.consentKeys,
      revoked: config.revokedConsents,
      nowSeconds: now,
    }).subject;
  }
  // 9. Request schema (active once services link approved schemas).
  if (service.requestSchema) {
    // No schema catalogue yet: a service that names a schema cannot be checked, so it is refused.
    throw new ProtocolError("provider.schema_violation");
  }
  // 10. Forward with only the verified context.
  const { method, path, query, body: sentBody } = request.req;
  const sentHeaders = request.req.headers ?? {};
  const backend = ctx.settings.backends[serviceId];
  if (!backend) throw new ProtocolError("provider.backend_unreachable");
  const headers: Record<string, string> = {};
  for (const header of REQUEST_HEADERS) if (typeof sentHeaders[header] === "string") headers[header] = sentHeaders[header];
  headers["pisee-request-id"] = request.rid;
  headers["pisee-consumer"] = consumerInstitution;
  for (const [claim, header] of [["proc", "pisee-procedure"], ["case", "pisee-case"], ["off", "pisee-official"]] as const) {
    const value = request[claim];
    if (value !== undefined) headers[header] = value;
  }
  if (subject) headers["pisee-subject"] = subject;
  const body = Buffer.from(sentBody, "base64url");
  const url = `${backend.replace(/\/+$/, "")}${path}${query ? `?${query}` : ""}`;
  let answer: { status: number; headers: Record<string, string>; body: Buffer | null };
  try {
    const target = new URL(url);
    const backendResponse = await ctx.http.request({
      origin: target.origin,
      path: url.slice(target.origin.length) || "/",
      method: method as "GET",
      headers,
      body: body.length ? body : undefined,
      headersTimeout: ctx.settings.timeouts.backendMs,
      bodyTimeout: ctx.settings.timeouts.backendMs,
    });
    // At most 8 MiB of the backend's answer (§3.3 step 10); the read stops there.
    answer = {
      status: backendResponse.statusCode,
      headers: pick(backendResponse.headers, RESPONSE_HEADERS),
      body: await readAtMost(backendResponse.body, MAX_BODY_BYTES, backendResponse.headers["content-length"]),
    };
  } catch (err) {
    throw transportError(err, "provider.backend_timeout", "provider.backend_unreachable");
  }
  if (answer.body === null) {
    ctx.log.warn({ rid: request.rid, service: serviceId }, "backend answer over 8 MiB");
    throw new ProtocolError("provider.backend_too_large");
  }
  return { status: answer.status, headers: answer.headers, body: b64urlEncode(answer.body) };
}
