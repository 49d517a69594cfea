import fs from "node:fs";

/** The environment variable `node-agent register` reads the one-time token from. */
export const TOKEN_ENV = "PISEE_NODE_TOKEN";

/**
 * The one-time registration (or rotation) token, from exactly one source: a file (`--token-file`,
 * not readable by others), the environment (`PISEE_NODE_TOKEN`), or `--token` (visible to
 * anyone who can list processes, and kept in shell history). Surrounding whitespace is trimmed.
 */
export function resolveToken(o: { token?: string; tokenFile?: string }, env: NodeJS.ProcessEnv = process.env): { token: string; warning?: string } {
  const fromEnv = env[TOKEN_ENV];
  const sources = [o.token !== undefined, o.tokenFile !== undefined, fromEnv !== undefined && fromEnv !== ""].filter(Boolean).length;
  if (sources === 0) throw new Error(`Falta el token: use --token-file ARCHIVO o la variable de entorno ${TOKEN_ENV} (o --token, visible en la lista de procesos).`);
  if (sources > 1) throw new Error(`Indique el token de una sola forma: --token-file, ${TOKEN_ENV} o --token.`);
  let token: string;
  let warning: string | undefined;
  if (o.tokenFile !== undefined) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(o.tokenFile);
    } catch {
      throw new Error(`No se puede leer el archivo del token ${o.tokenFile}.`);
    }
    if (!stat.isFile()) throw new Error(`${o.tokenFile} no es un archivo.`);
    if (stat.mode & 0o004) throw new Error(`El archivo del token ${o.tokenFile} es legible por cualquier usuario: ejecute "chmod 600 ${o.tokenFile}" y vuelva a intentarlo.`);
    if (stat.mode & 0o040) warning = `El archivo del token ${o.tokenFile} es legible por su grupo; conviene "chmod 600 ${o.tokenFile}".`;
    token = fs.readFileSync(o.tokenFile, "utf8").trim();
  } else {
    token = (o.token ?? fromEnv ?? "").trim();
  }
  if (token === "") throw new Error("El token está vacío.");
  return warning ? { token, warning } : { token };
}
