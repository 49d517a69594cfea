import pino from "pino";
import { PRIVATE_JWK_MEMBERS } from "./protocol/jwk.ts";

/**
 * Log lines are gathered up to 4 KB (or 1 s, whichever comes first) and written together:
 * one write per line was about 5 % of a busy node's CPU. Pending lines are written when the node
 * closes and when the process exits.
 */
const BUFFER_BYTES = 4096;
const FLUSH_EVERY_MS = 1000;

/** JSON logs with the request id; keys and tokens are never logged (redacted if they slip in). */
export function createLogger(level: string, nodeId: string) {
  return pino(
    {
      level,
      base: { node: nodeId },
      redact: {
        paths: [...PRIVATE_JWK_MEMBERS.map((member) => `*.${member}`), "*.privateKey", "*.token", "*.jwe", "*.jws", "*.cns", "headers.authorization", "headers.cookie"],
        censor: "[oculto]",
      },
    },
    pino.destination({ dest: process.stdout.fd || 1, sync: false, minLength: BUFFER_BYTES, periodicFlush: FLUSH_EVERY_MS }),
  );
}

export type Logger = ReturnType<typeof createLogger>;
