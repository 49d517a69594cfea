/**
 * A local SMTP catcher with a web inbox (maildev) on loopback, for `npm start` and the tests:
 * every mail the portal sends lands there, none leaves the machine. maildev runs as a child
 * process (its module is a singleton and exits the process on SIGINT/SIGTERM), with its mails
 * in a temporary folder removed on stop. Its REST API: GET /email, DELETE /email/all.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "./paths";

/** Whether something accepts connections on the loopback port (without binding it: that would race maildev). */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.setTimeout(1_000);
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
    socket.once("timeout", () => done(false));
  });
}

export type MailCatcher = { smtpUrl: string; webUrl: string; stop: () => Promise<void> };

/** An SMTP URL for printing: the password (if any) hidden. */
export function redactSmtpUrl(url: string): string {
  return url.replace(/\/\/([^:/@\s]+):[^@/\s]*@/, "//$1:***@");
}

export async function startMailCatcher(opts: { smtp: number; web: number; timeoutMs?: number }): Promise<MailCatcher> {
  // A port that is not a number would make maildev listen on a Unix socket of that name in the cwd.
  for (const port of [opts.smtp, opts.web]) {
    if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`Puerto inválido para el receptor de correo: ${String(port)}`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pisee-maildev-"));
  const bin = path.join(projectRoot, "node_modules", "maildev", "bin", "maildev");
  const args = ["--ip", "127.0.0.1", "--smtp", String(opts.smtp), "--web", String(opts.web), "--mail-directory", dir, "--silent"];
  // maildev reads MAILDEV_* variables as defaults: the flags above are the whole configuration.
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith("MAILDEV_")) delete env[key];
  const child = spawn(process.execPath, [bin, ...args], { cwd: projectRoot, env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2_000)));
  const webUrl = `http://127.0.0.1:${opts.web}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + (opts.timeoutMs ?? 20_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`El receptor de correo (maildev) terminó al iniciar (código ${child.exitCode}). ${stderr.trim()}`);
    }
    try {
      const res = await fetch(`${webUrl}/email`, { signal: AbortSignal.timeout(1_000) });
      if (res.ok && (await accepts(opts.smtp))) return { smtpUrl: `smtp://127.0.0.1:${opts.smtp}`, webUrl, stop };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  await stop();
  throw new Error(`El receptor de correo (maildev) no respondió en ${webUrl}.`);
}
