/** What the institution runs on its server, with this portal's URL and the node's data (browser-safe). */

export const ANCHOR_URL = "/api/v1/network-config/anchor";

/** The network port the node listens on: the public URL's own port when it names one, else 8443. */
function networkPortOf(baseUrl: string): number {
  try {
    const port = new URL(baseUrl).port;
    return port ? Number(port) : 8443;
  } catch {
    return 8443;
  }
}

export function registerCommands(portalUrl: string, token: string): string {
  return [
    "node-agent init --data ./datos --anchor anchor.json",
    `node-agent register --portal ${portalUrl} --token ${token} --data ./datos`,
    "node-agent start --config node-agent.json",
  ].join("\n");
}

export function rotateCommand(portalUrl: string, token: string): string {
  return `node-agent register --rotate --portal ${portalUrl} --token ${token} --data ./datos`;
}

/** A minimal node-agent.json for this node: TLS on the network port when its URL is https (always in production). */
export function configExample(portalUrl: string, environment: "dev" | "prod", baseUrl: string): string {
  const port = networkPortOf(baseUrl);
  const network = baseUrl.startsWith("https://") ? { port, tls: { cert: "/etc/pisee/nodo.crt", key: "/etc/pisee/nodo.key" } } : { port, insecureHttp: true };
  return JSON.stringify({ portalUrl, environment, dataDir: "./datos", local: { port: 8080 }, network, backends: {} }, null, 2);
}
