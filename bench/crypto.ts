/**
 * Crypto micro-benchmark of the node-agent's JOSE suite (node-agent/src/crypto/suite.ts) against
 * jose 6 and node-jose 2, side by side in one run, on a 2 KB payload. Each number is the median
 * of 3 runs of ~1 s (BENCH_CRYPTO_SECONDS), interleaved across libraries, one operation at a time.
 * The protocol unit is "sign+encrypt → decrypt+verify"; an exchange (PROTOCOL.md §3) is two of
 * them, and the node-agent needs ≥ 400 exchanges/s.
 *   npx tsx bench/crypto.ts
 */
import assert from "node:assert/strict";
import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  decryptJweCompact,
  encryptJwe,
  exportPrivateJwk,
  generateKeyPairs,
  importPublicJwk,
  signJws,
  verifyJws,
} from "../node-agent/src/crypto/suite.ts";
import { josePeer, nodeJosePeer, type Peer } from "../node-agent/test/support/jose-peers.ts";
import { describeMachine } from "./lib/machine";
import { table } from "./lib/report";

export const EXCHANGES_PER_SECOND_TARGET = 400;
const PAYLOAD_BYTES = 2048;
const CONSUMER = "MUN-SANTIAGO/nodo-1";
const PROVIDER = "SRCEI/nodo-1";
const TYP = "pisee-req+jwt";

export type CryptoBenchRow = { operation: string; suite: number; jose: number; nodeJose: number | null };
export type CryptoBenchResult = {
  machine: string;
  payloadBytes: number;
  secondsPerRun: number;
  rows: CryptoBenchRow[];
  /** Full exchanges per second (two protocol units each), per library. */
  exchangesPerSecond: { suite: number; jose: number; nodeJose: number };
  target: number;
};

type Op = () => unknown;

/** How many times `op` completes per second over ~`ms` milliseconds. */
async function rate(op: Op, ms: number): Promise<number> {
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    const result = op();
    if (result instanceof Promise) await result;
    count++;
  }
  return count / ((performance.now() - start) / 1000);
}

/**
 * Median of `runs` runs of ~`seconds` each, per op. The runs of the compared ops are interleaved
 * (A B C, A B C, …) so that a shared, noisy machine affects them alike.
 */
async function opsPerSecond(ops: Op[], seconds: number, runs = 3): Promise<number[]> {
  for (const op of ops) await rate(op, Math.min(200, seconds * 200)); // warm-up
  const rates: number[][] = ops.map(() => []);
  for (let i = 0; i < runs; i++) for (const [j, op] of ops.entries()) rates[j]!.push(await rate(op, seconds * 1000));
  return rates.map((r) => Math.round(r.sort((a, b) => a - b)[Math.floor(runs / 2)]!));
}

/** Request claims padded to exactly `bytes` of JSON. */
function payloadOf(bytes: number): Record<string, unknown> {
  const claims = { iss: CONSUMER, aud: PROVIDER, jti: randomUUID(), rid: randomUUID(), iat: 1795000000, exp: 1795000060, env: "prod",
    svc: "SRCEI/certificado-nacimiento/v1", req: { method: "POST", path: "/consultas", query: "", headers: {}, body: "" } };
  const room = bytes - JSON.stringify(claims).length;
  claims.req.body = randomBytes(room).toString("base64url").slice(0, room);
  assert.equal(JSON.stringify(claims).length, bytes);
  return claims;
}

/** The four operations and the protocol unit for one third-party library. */
async function peerOps<K>(peer: Peer<K>, keys: ReturnType<typeof setup>) {
  const sigPrivate = await peer.importKey(keys.sigPrivateJwk);
  const sigPublic = await peer.importKey(keys.consumer.sig.publicJwk);
  const encPrivate = await peer.importKey(keys.encPrivateJwk);
  const encPublic = await peer.importKey(keys.provider.enc.publicJwk);
  const header = { kid: keys.consumer.sig.publicJwk.kid, typ: TYP };
  const jweHeader = { kid: keys.provider.enc.publicJwk.kid, apu: CONSUMER, apv: PROVIDER, cty: "JWT" };
  const encoder = new TextEncoder();
  const sign = () => peer.sign(encoder.encode(JSON.stringify(keys.payload)), sigPrivate, header);
  const verify = async (jws: string) => JSON.parse(Buffer.from((await peer.verify(jws, sigPublic)).payload).toString("utf8")) as unknown;
  const jws = await sign();
  const jwe = await peer.encrypt(keys.plaintext, encPublic, jweHeader);
  const unit = async () => {
    const sealed = await peer.encrypt(encoder.encode(await sign()), encPublic, jweHeader);
    return verify(Buffer.from((await peer.decrypt(sealed, encPrivate)).plaintext).toString("ascii"));
  };
  assert.deepEqual(await unit(), keys.payload);
  return {
    sign,
    verify: () => verify(jws),
    encrypt: () => peer.encrypt(keys.plaintext, encPublic, jweHeader),
    decrypt: () => peer.decrypt(jwe, encPrivate),
    unit,
  };
}

function setup() {
  const consumer = generateKeyPairs();
  const provider = generateKeyPairs();
  return {
    consumer,
    provider,
    sigPrivateJwk: exportPrivateJwk(consumer.sig.privateKey, "sig"),
    encPrivateJwk: exportPrivateJwk(provider.enc.privateKey, "enc"),
    payload: payloadOf(PAYLOAD_BYTES),
    plaintext: randomBytes(PAYLOAD_BYTES),
  };
}

function suiteOps(keys: ReturnType<typeof setup>) {
  const signer = { privateKey: keys.consumer.sig.privateKey, kid: keys.consumer.sig.publicJwk.kid, typ: TYP };
  const sigKey = importPublicJwk(keys.consumer.sig.publicJwk, "sig");
  const recipient = importPublicJwk(keys.provider.enc.publicJwk, "enc");
  const verifying = { typ: TYP, resolveKey: (kid: string) => (kid === sigKey.kid ? sigKey.key : undefined) };
  const decrypting = { expectedApv: PROVIDER, resolveKey: (kid: string) => (kid === recipient.kid ? keys.provider.enc.privateKey : undefined) };
  const sealing = { recipient, apu: CONSUMER, apv: PROVIDER, cty: "JWT" };
  const jws = signJws(keys.payload, signer);
  const jwe = encryptJwe(keys.plaintext, sealing);
  const unit = () => verifyJws(decryptJweCompact(encryptJwe(signJws(keys.payload, signer), sealing), decrypting).plaintext, verifying).payload;
  assert.deepEqual(unit(), keys.payload);
  return {
    sign: () => signJws(keys.payload, signer),
    verify: () => verifyJws(jws, verifying),
    encrypt: () => encryptJwe(keys.plaintext, sealing),
    decrypt: () => decryptJweCompact(jwe, decrypting),
    unit,
  };
}

/**
 * The crypto floor of one exchange: the CPU time (process.cpuUsage, user + system) of its JOSE
 * work alone — two sign+encrypt and two decrypt+verify (request and response) on 2 KB — done
 * in-process with this suite, no HTTP, no I/O. In milliseconds per exchange.
 */
export function measureCryptoFloor(seconds = 3): { cpuMsPerExchange: number; exchanges: number } {
  const { unit } = suiteOps(setup());
  const exchange = () => {
    unit();
    unit();
  };
  for (let i = 0; i < 200; i++) exchange(); // warm-up
  const start = process.cpuUsage();
  const wallStart = performance.now();
  let exchanges = 0;
  while (performance.now() - wallStart < seconds * 1000) {
    exchange();
    exchanges++;
  }
  const used = process.cpuUsage(start);
  return { cpuMsPerExchange: (used.user + used.system) / 1000 / exchanges, exchanges };
}

export async function measureCryptoSuite(options: { seconds?: number; log?: (line: string) => void } = {}): Promise<CryptoBenchResult> {
  const seconds = options.seconds ?? Number(process.env.BENCH_CRYPTO_SECONDS ?? 1);
  const log = options.log ?? (() => {});
  const keys = setup();
  const suite = suiteOps(keys);
  const jose = await peerOps(josePeer, keys);
  const nodeJose = await peerOps(nodeJosePeer, keys);
  const rows: CryptoBenchRow[] = [];
  const operations = [
    ["ES256 sign", "sign", false],
    ["ES256 verify", "verify", false],
    ["JWE encrypt (ECDH-ES+A256KW, A256GCM)", "encrypt", true],
    ["JWE decrypt", "decrypt", false],
    ["sign+encrypt → decrypt+verify", "unit", true],
  ] as const;
  for (const [operation, key, withNodeJose] of operations) {
    const [ours, theirs, slow] = await opsPerSecond([suite[key], jose[key], ...(withNodeJose ? [nodeJose[key]] : [])], seconds);
    rows.push({ operation, suite: ours!, jose: theirs!, nodeJose: slow ?? null });
    log(`  ${operation}: suite ${ours}, jose ${theirs}${slow === undefined ? "" : `, node-jose ${slow}`} ops/s`);
  }
  const unit = rows[rows.length - 1]!;
  return {
    machine: describeMachine(),
    payloadBytes: PAYLOAD_BYTES,
    secondsPerRun: seconds,
    rows,
    exchangesPerSecond: { suite: Math.round(unit.suite / 2), jose: Math.round(unit.jose / 2), nodeJose: Math.round(unit.nodeJose! / 2) },
    target: EXCHANGES_PER_SECOND_TARGET,
  };
}

export function formatCryptoResult(result: CryptoBenchResult): string {
  const rows = result.rows.map((r) => [r.operation, r.suite, r.jose, r.nodeJose ?? "—"]);
  const x = result.exchangesPerSecond;
  rows.push([`full exchanges/s (2 units; target ≥ ${result.target})`, x.suite, x.jose, x.nodeJose]);
  return [
    `${result.machine}; ${result.payloadBytes}-byte payload; ops/s, median of 3 interleaved runs of ${result.secondsPerRun} s, one operation at a time`,
    "",
    table(["operation", "this suite (node:crypto)", "jose 6", "node-jose 2"], rows),
  ].join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await measureCryptoSuite({ log: console.log });
  console.log(`\n${formatCryptoResult(result)}`);
  if (result.exchangesPerSecond.suite < result.target) {
    console.error(`\nBajo el objetivo: ${result.exchangesPerSecond.suite} intercambios/s < ${result.target}`);
    process.exitCode = 1;
  }
}
