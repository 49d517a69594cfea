declare module "swagger-ui-dist" {
  /** The folder that holds swagger-ui-dist's files. */
  export function getAbsoluteFSPath(): string;
}
