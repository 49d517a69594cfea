import http from "node:http";
import type { AddressInfo } from "node:net";

const ECHO_LIMIT = 1024 * 1024;

/** `POST /eco`: answers the JSON it receives (up to 1 MB), for connectivity checks and the benchmark. */
function echo(req: http.IncomingMessage, res: http.ServerResponse) {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (c: Buffer) => {
    size += c.length;
    if (size <= ECHO_LIMIT) chunks.push(c);
  });
  req.on("end", () => {
    if (size > ECHO_LIMIT) {
      res.writeHead(413, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "El cuerpo supera 1 MB" }));
      return;
    }
    res.writeHead(200, { "content-type": req.headers["content-type"] ?? "application/octet-stream" });
    res.end(Buffer.concat(chunks));
  });
}

/**
 * A small provider backend for the demo: SRCEI's birth certificate service behind its node.
 * It selects the person from the path and answers JSON; `POST /eco` answers what it receives.
 */
export async function startDemoBackend(port: number): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.method === "POST" && req.url === "/eco") return echo(req, res);
    const m = /^\/certificados\/(\d{1,8}-[\dkK])(?:\?.*)?$/.exec(req.url ?? "");
    if (req.method !== "GET" || !m) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "No existe ese recurso en el servicio del Registro Civil" }));
      return;
    }
    const run = m[1]!.toUpperCase();
    const body = {
      tipo: "Certificado de nacimiento",
      run,
      folio: `CN-${Date.now().toString(36).toUpperCase()}`,
      emitidoEn: new Date().toISOString(),
      solicitadoPor: req.headers["pisee-consumer"] ?? null,
      tramite: req.headers["pisee-procedure"] ?? null,
      idSolicitud: req.headers["pisee-request-id"] ?? null,
    };
    res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((r) => {
      server.close(() => r());
      server.closeAllConnections();
    }),
  };
}
