import fs from "node:fs";
import path from "node:path";

const FILE = path.resolve(import.meta.dirname, "..", "..", "docs", "benchmarks.md");
const HEADER = `# Benchmarks

Produced by \`npm run bench\` (scripts in \`bench/\`). Each section is rewritten by its benchmark;
numbers in one section come from one run, side by side, so they are comparable with each other
even on a shared, noisy machine. Targets are checked here, never with timed assertions in tests.
`;

/** Replaces (or appends) the section `name` of docs/benchmarks.md. */
export function writeSection(name: string, markdown: string): void {
  const begin = `<!-- bench:${name}:begin -->`;
  const end = `<!-- bench:${name}:end -->`;
  const current = fs.existsSync(FILE) ? fs.readFileSync(FILE, "utf8") : HEADER;
  const block = `${begin}\n${markdown.trim()}\n${end}`;
  const re = new RegExp(`${begin}[\\s\\S]*?${end}`);
  const next = re.test(current) ? current.replace(re, block) : `${current.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(FILE, next);
}

export function table(headers: string[], rows: (string | number)[][]): string {
  return [`| ${headers.join(" | ")} |`, `|${headers.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}
