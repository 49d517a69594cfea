export * from "./config.ts";
export * from "./jwk.ts";
