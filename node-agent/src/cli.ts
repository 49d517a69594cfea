#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { Command } from "commander";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

export function buildProgram(): Command {
  return new Command("node-agent")
    .description("Nodo de interoperabilidad del Estado: intercambio firmado y cifrado entre instituciones (protocolo PISEE v1)")
    .version(pkg.version, "-v, --version", "muestra la versión")
    .helpOption("-h, --help", "muestra esta ayuda")
    .showHelpAfterError();
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  buildProgram().parse(process.argv);
}
