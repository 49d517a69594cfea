export * from "./identifiers.ts";
export * from "./run.ts";
