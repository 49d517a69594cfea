import fs from "node:fs";

/**
 * The node's files in its data folder (keys, anchor, registration, last configuration, replay
 * log): written whole to a temporary file and renamed over the old one, so a crash never leaves
 * half a file, and readable by the node's user only (0600).
 */
export function writeFileWhole(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

export function writeJsonFile(file: string, value: unknown): void {
  writeFileWhole(file, JSON.stringify(value, null, 2) + "\n");
}

export function readJsonFile<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}
