import pino from "pino";

/** JSON logs with the request id; keys and tokens are never logged (redacted if they slip in). */
export function createLogger(level: string, nodeId: string) {
  return pino({
    level,
    base: { node: nodeId },
    redact: { paths: ["*.d", "*.privateKey", "*.token", "*.jwe", "*.jws", "*.cns", "headers.authorization", "headers.cookie"], censor: "[oculto]" },
  });
}

export type Logger = ReturnType<typeof createLogger>;
