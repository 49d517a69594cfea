"use client";

import type { Ref } from "react";
import { ENVIRONMENT_LABELS } from "@/lib/catalog/labels";
import { formatDateTime } from "@/lib/format";
import { ANCHOR_URL, configExample, registerCommands, rotateCommand } from "./commands";
import { CopyButton } from "./CopyButton";
import { Section } from "@/components/ui/Section";

export type IssuedToken = {
  purpose: "register" | "rotate";
  token: string;
  expiresAt: string;
  node: { id: string; environment: "dev" | "prod"; baseUrl: string };
};

const IDS = { title: "token-titulo", value: "token-valor", expiry: "token-vigencia", warning: "token-aviso", commands: "token-comandos" } as const;

function CodeBlock({ id, label, children }: { id: string; label: string; children: string }) {
  return (
    // A labelled, focusable region: keyboard users can scroll a long line sideways.
    <pre role="region" aria-label={label} tabIndex={0} className="mt-2 overflow-x-auto rounded border border-line bg-tertiary p-4 text-sm leading-relaxed text-white">
      <code id={id}>{children}</code>
    </pre>
  );
}

/**
 * The one-time token (registration or key rotation) the moment it is issued: the only time the
 * portal ever shows it. With a "Copiar" button, its expiry, the trust anchor to download and the
 * exact commands to run on the institution's server. Its heading takes the focus when it appears.
 */
export function TokenPanel({ issued, portalUrl, headingRef }: { issued: IssuedToken; portalUrl: string; headingRef?: Ref<HTMLHeadingElement> }) {
  const { token, node } = issued;
  const rotate = issued.purpose === "rotate";
  const what = rotate ? "Token de rotación de claves" : "Token de registro";
  const expires = formatDateTime(new Date(issued.expiresAt));
  const commands = rotate ? rotateCommand(portalUrl, token) : registerCommands(portalUrl, token);

  return (
    <div className="mb-10 space-y-8">
      <section aria-labelledby={IDS.title} className="rounded-lg border-2 border-warning bg-warning-light p-5">
        <h2 id={IDS.title} ref={headingRef} tabIndex={-1} className="text-2xl font-bold outline-none">
          {what} de <code className="break-all">{node.id}</code>
        </h2>
        <p id={IDS.warning} className="mt-3 text-lg font-bold">
          <span aria-hidden="true" className="mr-1">
            !
          </span>
          Este token se muestra una sola vez.
        </p>
        <p className="mt-1">
          Cópielo ahora y entréguelo por un canal seguro a quien instala el nodo. El portal no lo guarda (solo su huella): si sale de esta página o la recarga, no podrá volver a verlo.
        </p>
        <div className="mt-4">
          <label htmlFor={IDS.value} className="block font-medium">
            {what}
          </label>
          <input
            id={IDS.value}
            readOnly
            value={token}
            spellCheck={false}
            autoComplete="off"
            aria-describedby={`${IDS.warning} ${IDS.expiry}`}
            onFocus={(e) => e.currentTarget.select()}
            className="mt-1 w-full rounded border-2 border-tertiary bg-white px-3 py-2 font-mono text-lg"
          />
        </div>
        <p id={IDS.expiry} className="mt-2">
          Válido hasta el <strong>{expires}</strong> (24 horas) y para un solo uso{rotate ? "" : `, en el ambiente de ${ENVIRONMENT_LABELS[node.environment].toLowerCase()}`}.
        </p>
        <div className="mt-3">
          <CopyButton text={token} selectId={IDS.value} what="el token" />
        </div>
      </section>

      <Section id="pasos-titulo" title={rotate ? "Rote las claves en el servidor del nodo" : "Instale el nodo en el servidor de la institución"} headingClassName="mb-3 text-2xl font-bold">
        {rotate ? (
          <ol className="list-decimal space-y-4 pl-6">
            <li>
              En la carpeta del nodo, genere claves nuevas y preséntelas al portal con el token:
              <CodeBlock id={IDS.commands} label="Comando de rotación de claves">
                {commands}
              </CodeBlock>
              <div className="mt-2">
                <CopyButton text={commands} selectId={IDS.commands} what="el comando" />
              </div>
            </li>
            <li>
              No hace falta reiniciar el nodo: en ejecución, toma las claves nuevas por sí solo (descifra con ellas en cuanto un par las usa y firma con ellas pasados dos
              minutos y medio, cuando los demás nodos ya actualizaron la configuración). Las anteriores siguen aceptadas en la red durante una hora después de presentar las
              nuevas, para los mensajes en curso; luego quedan retiradas. Si el portal rechaza el token, el nodo conserva sus claves actuales.
            </li>
          </ol>
        ) : (
          <ol className="list-decimal space-y-4 pl-6">
            <li>
              Instale el paquete <code>node-agent</code> en el servidor y descargue el ancla de confianza del portal (sus claves públicas de configuración), con la que el nodo
              verifica cada configuración de la red:{" "}
              <a href={ANCHOR_URL} download="anchor.json">
                Descargar el ancla de confianza (anchor.json)
              </a>
              .
            </li>
            <li>
              Cree el archivo <code>node-agent.json</code> junto a la carpeta del nodo. Un punto de partida para este nodo:
              <CodeBlock id="token-configuracion" label="Ejemplo de node-agent.json">
                {configExample(portalUrl, node.environment, node.baseUrl)}
              </CodeBlock>
              <p className="mt-2 text-sm text-ink-muted">
                El puerto de red debe ser alcanzable en <code className="break-all">{node.baseUrl}</code>.{" "}
                {node.baseUrl.startsWith("https://") ? "Indique el certificado y la clave TLS del servidor." : "HTTP sin cifrar solo se admite en desarrollo."} En{" "}
                <code>backends</code> se indica, por servicio, dónde responde su sistema.
              </p>
            </li>
            <li>
              Ejecute en ese servidor, en este orden: genere las claves del nodo, regístrelo con el token e inícielo.
              <CodeBlock id={IDS.commands} label="Comandos de instalación del nodo">
                {commands}
              </CodeBlock>
              <div className="mt-2">
                <CopyButton text={commands} selectId={IDS.commands} what="los comandos" plural />
              </div>
            </li>
            <li>Cuando el nodo presente sus claves, quedará «Activo» en el portal y entrará en la configuración de la red en menos de un minuto.</li>
          </ol>
        )}
      </Section>
    </div>
  );
}
