export * from "./identifiers.ts";
export * from "./run.ts";
export * from "./node-url.ts";
