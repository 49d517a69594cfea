#!/usr/bin/env -S node --max-semi-space-size=8 --initial-old-space-size=64
import fs from "node:fs";
import { Command, Option } from "commander";
import { request } from "undici";
import { handleAppRequest } from "./exchange/consumer.ts";
import { commitRotation, createKeys, prepareRotation } from "./keystore.ts";
import { startNode } from "./node.ts";
import { registerWithPortal, writeAnchor } from "./registration.ts";
import { localCallHost, newAppToken, tokenHash } from "./server/local-guard.ts";
import { loadSettings } from "./settings.ts";
import { SERVICE_ID_PATTERN } from "./shared/identifiers.ts";
import { resolveToken, TOKEN_ENV } from "./token-source.ts";

const pkg = JSON.parse(fs.readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

type Out = { json: boolean };
function print(out: Out, human: string, data: unknown) {
  process.stdout.write(out.json ? JSON.stringify(data) + "\n" : human + "\n");
}
function fail(out: Out, message: string, data: Record<string, unknown> = {}): never {
  if (out.json) process.stdout.write(JSON.stringify({ ok: false, error: message, ...data }) + "\n");
  else process.stderr.write(`✗ ${message}\n`);
  process.exit(1);
}

export function buildProgram(): Command {
  const program = new Command("node-agent")
    .description("Nodo de interoperabilidad del Estado: intercambio firmado y cifrado entre instituciones (protocolo PISEE v1)")
    .version(pkg.version, "-v, --version", "muestra la versión")
    .helpOption("-h, --help", "muestra esta ayuda")
    .showHelpAfterError();
  const json = new Option("--json", "salida en JSON");

  program
    .command("init")
    .description("genera las claves del nodo (0600) y guarda el ancla de confianza del portal")
    .requiredOption("--data <carpeta>", "carpeta de datos del nodo")
    .option("--anchor <archivo>", "ancla de confianza (JWKS de configuración del portal)")
    .option("--portal <url>", "o descargarla del portal (confianza en el primer uso)")
    .option("--force", "reemplazar claves existentes")
    .addOption(json)
    .action(async (o: { data: string; anchor?: string; portal?: string; force?: boolean; json?: boolean }) => {
      const out = { json: !!o.json };
      try {
        let anchor: unknown;
        if (o.anchor) anchor = JSON.parse(fs.readFileSync(o.anchor, "utf8"));
        else if (o.portal) anchor = await (await request(`${o.portal.replace(/\/+$/, "")}/api/v1/network-config/anchor`)).body.json();
        else fail(out, "Indique --anchor archivo.json o --portal URL.");
        const n = writeAnchor(o.data, anchor);
        const keys = createKeys(o.data, { force: o.force });
        print(out, `✓ Claves creadas en ${o.data} (sig ${keys.sig.publicJwk.kid}, enc ${keys.enc.publicJwk.kid}); ancla con ${n} clave(s).`, {
          ok: true,
          sig: keys.sig.publicJwk.kid,
          enc: keys.enc.publicJwk.kid,
          anchorKeys: n,
        });
      } catch (err) {
        fail(out, err instanceof Error ? err.message : String(err));
      }
    });

  program
    .command("register")
    .description("presenta el token de un solo uso y las claves públicas al portal")
    .requiredOption("--portal <url>", "URL del portal")
    .option("--token-file <archivo>", "archivo con el token de registro (o de rotación con --rotate), no legible por otros usuarios (chmod 600)")
    .option("--token <token>", `el token en la línea de comandos: queda a la vista en la lista de procesos (ps) y en el historial de la shell; prefiera --token-file o ${TOKEN_ENV}`)
    .requiredOption("--data <carpeta>", "carpeta de datos del nodo")
    .option("--rotate", "rotación de claves: genera claves nuevas y las presenta")
    .addOption(json)
    .addHelpText("after", `\nEl token se toma de una sola fuente: --token-file ARCHIVO, la variable de entorno ${TOKEN_ENV} o --token.`)
    .action(async (o: { portal: string; token?: string; tokenFile?: string; data: string; rotate?: boolean; json?: boolean }) => {
      const out = { json: !!o.json };
      try {
        const { token, warning } = resolveToken(o);
        if (warning) process.stderr.write(`! ${warning}\n`);
        // A rotation keeps the current keys until the portal has accepted the new ones; a running
        // node picks them up by itself (the old pair keeps working during the overlap window).
        const next = o.rotate ? prepareRotation(o.data) : undefined;
        const r = await registerWithPortal({ portalUrl: o.portal, token, dataDir: o.data, rotate: o.rotate, keys: next });
        if (o.rotate) commitRotation(o.data);
        print(out, `✓ Nodo ${r.nodeId} ${o.rotate ? "con claves nuevas" : "registrado"} (${r.environment}).`, { ok: true, ...r });
      } catch (err) {
        fail(out, err instanceof Error ? err.message : String(err));
      }
    });

  program
    .command("start")
    .description("inicia el nodo (puerto local y puerto de red)")
    .option("--config <archivo>", "archivo de configuración", process.env.PISEE_NODE_CONFIG ?? "node-agent.json")
    .action(async (o: { config: string }) => {
      try {
        const node = await startNode(loadSettings(o.config));
        process.stdout.write(`✓ Nodo ${node.nodeId}: local ${node.localUrl}, red ${node.networkUrl}\n`);
        const stop = async () => {
          await node.close();
          process.exit(0);
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      } catch (err) {
        process.stderr.write(`✗ ${err instanceof Error ? err.message : String(err)}\n`);
        process.exit(1);
      }
    });

  program
    .command("check")
    .description("prueba de conectividad: un intercambio real con el servicio, paso a paso")
    .argument("<servicio>", "identificador del servicio, p. ej. SRCEI/certificado-nacimiento/v1")
    .option("--config <archivo>", "archivo de configuración", process.env.PISEE_NODE_CONFIG ?? "node-agent.json")
    .option("--path <ruta>", "ruta dentro del servicio", "")
    .option("--method <método>", "método HTTP", "GET")
    .option("--header <cabecera...>", "cabeceras Pisee-* (p. ej. 'Pisee-Procedure: CPAT-1')")
    .addOption(json)
    .action(async (service: string, o: { config: string; path: string; method: string; header?: string[]; json?: boolean }) => {
      const out = { json: !!o.json };
      const steps: { step: string; ok: boolean; detail?: string }[] = [];
      const step = (name: string, ok: boolean, detail?: string) => {
        steps.push({ step: name, ok, detail });
        if (!out.json) process.stdout.write(`${ok ? "✓" : "✗"} ${name}${detail ? `: ${detail}` : ""}\n`);
      };
      // A short-lived node in this process, without servers: the same code as a running node.
      const settings = loadSettings(o.config);
      const node = await startNode({ ...settings, local: { ...settings.local, port: 0 }, network: { ...settings.network, port: 0 }, logLevel: "silent" }).catch((err) => {
        step("iniciar el nodo", false, err instanceof Error ? err.message : String(err));
        return null;
      });
      if (!node) return fail(out, "No se pudo iniciar el nodo", { steps });
      try {
        const cfg = node.ctx.store.current;
        step("configuración de la red verificada", !!cfg, cfg ? `versión ${cfg.version}` : "sin configuración válida");
        if (!cfg) throw new Error("sin configuración");
        const svc = cfg.services.get(service);
        step("servicio en la configuración", !!svc, svc ? `proveedor ${svc.provider}, nodos ${svc.nodes.join(", ") || "ninguno"}` : service);
        const agr = cfg.agreements.get(`${node.ctx.institution}\u0000${service}`);
        step("acuerdo vigente", !!agr, agr ? `${agr.id}, ${agr.tps} TPS` : "no hay");
        const headers: Record<string, string> = {};
        for (const h of o.header ?? []) {
          const i = h.indexOf(":");
          if (i > 0) headers[h.slice(0, i).trim().toLowerCase()] = h.slice(i + 1).trim();
        }
        const started = performance.now();
        const result = await handleAppRequest(node.ctx, { method: o.method.toUpperCase(), url: `/r1/${service}${o.path}`, headers, body: Buffer.alloc(0) });
        if (!result.ok) {
          const { error } = result;
          step("intercambio", false, `${error.code}: ${error.message}${error.detail ? ` (${error.detail})` : ""}`);
          await node.close();
          return fail(out, "La prueba de conectividad falló", { steps, code: error.code });
        }
        step("intercambio firmado y cifrado, respuesta verificada", true, `HTTP ${result.status}${result.code ? ` (${result.code})` : ""} en ${Math.round(performance.now() - started)} ms`);
        await node.close();
        const ok = result.code === null && result.status < 400;
        print(out, ok ? "✓ Conectividad correcta." : "✗ El servicio respondió con error.", { ok, status: result.status, code: result.code, requestId: result.rid, steps });
        process.exit(ok ? 0 : 1);
      } catch {
        await node.close();
        fail(out, "La prueba de conectividad falló", { steps });
      }
    });

  program
    .command("status")
    .description("estado de un nodo en ejecución: configuración (versión y antigüedad), pares, colas")
    .option("--config <archivo>", "archivo de configuración", process.env.PISEE_NODE_CONFIG ?? "node-agent.json")
    .addOption(json)
    .action(async (o: { config: string; json?: boolean }) => {
      const out = { json: !!o.json };
      const s = loadSettings(o.config);
      try {
        const r = await request(`http://${localCallHost(s.local.host)}:${s.local.port}/status`, { headersTimeout: 5000 });
        const st = (await r.body.json()) as { node: string; config: { state: string; version?: number; ageSeconds?: number }; peers: number; queues: { replayCache: number } };
        print(
          out,
          `Nodo ${st.node}\n  configuración: ${st.config.state}${st.config.version ? `, versión ${st.config.version}, emitida hace ${st.config.ageSeconds} s` : ""}\n  pares: ${st.peers}\n  caché anti-repetición: ${st.queues.replayCache}`,
          st,
        );
      } catch {
        fail(out, `No responde un nodo en http://${localCallHost(s.local.host)}:${s.local.port}`);
      }
    });

  program
    .command("app-token")
    .description("crea la credencial de una aplicación para el puerto local: muestra el token una sola vez y la entrada para \"apps\" en node-agent.json (solo el hash)")
    .requiredOption("--name <nombre>", "nombre de la aplicación (letras, dígitos, . _ -)")
    .requiredOption("--service <servicio...>", "servicios que puede llamar, p. ej. SRCEI/certificado-nacimiento/v1")
    .addOption(json)
    .action((o: { name: string; service: string[]; json?: boolean }) => {
      const out = { json: !!o.json };
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(o.name)) fail(out, "Nombre inválido: letras, dígitos, punto, guion o guion bajo (hasta 64).");
      const bad = o.service.filter((s) => !SERVICE_ID_PATTERN.test(s));
      if (bad.length) fail(out, `Identificador de servicio inválido: ${bad.join(", ")} (forma INSTITUCION/servicio/vN).`);
      const token = newAppToken();
      const app = { name: o.name, tokenSha256: tokenHash(token), services: [...new Set(o.service)] };
      print(
        out,
        `Token de la aplicación ${o.name} (se muestra solo esta vez; guárdelo en la aplicación, que lo envía como "Authorization: Bearer <token>"):\n\n  ${token}\n\nAgregue a "apps" en node-agent.json (el nodo guarda solo el SHA-256 del token):\n\n${JSON.stringify(app, null, 2)}`,
        { ok: true, token, app },
      );
    });

  return program;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  await buildProgram().parseAsync(process.argv);
}
