import "server-only";
import pino from "pino";

/** Structured JSON logs on stdout. Never log secrets, tokens or personal data beyond a RUN. */
export const log = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "pisee-portal" },
  redact: { paths: ["*.password", "*.secret", "*.token", "*.access_token", "*.id_token", "req.headers.cookie", "req.headers.authorization"], remove: true },
});
