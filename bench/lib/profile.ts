import fs from "node:fs";

/** A V8 CPU profile as written by `node --cpu-prof`. */
type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
};

export type ProfileSummary = {
  /** Sampled time in ms (idle excluded). */
  busyMs: number;
  /** Share of busy time per category, largest first. */
  categories: { name: string; ms: number; share: number }[];
  /** The functions with the most self time. */
  top: { fn: string; where: string; ms: number; share: number }[];
};

/** Where a frame's self time goes, in words an operations team reads. */
function categorize(fn: string, url: string): string | null {
  if (fn === "(idle)") return null;
  if (fn === "(garbage collector)") return "Recolección de basura (GC)";
  if (fn === "(program)") return "V8 y nativo sin atribuir (program)";
  if (url.includes("/crypto/") || url.startsWith("node:internal/crypto")) return "Criptografía (firma, ECDH, AES-GCM)";
  if (url.includes("undici")) return "Cliente HTTP (undici / fetch)";
  if (/node:(_http|internal\/http|http|net|internal\/stream|stream|internal\/streams|internal\/net|internal\/timers|timers|internal\/async_hooks|internal\/process\/task_queues|events)/.test(url))
    return "HTTP, sockets, streams y el bucle de eventos";
  if (url.includes("pino") || url.includes("sonic-boom") || url.includes("thread-stream")) return "Registro (pino)";
  if (url.includes("prom-client")) return "Métricas (prom-client)";
  if (url.includes("/zod/")) return "Validación (zod)";
  if (url.includes("canonicalize")) return "Canonicalización JSON";
  if (url === "") return "Nativo sin llamador conocido";
  if (url.includes("node-agent/dist/")) return "Código del node-agent (resto)";
  return "Otros módulos de Node.js";
}

/** Self time per function and per category of one `.cpuprofile`. */
export function summarizeProfile(file: string, topN = 8): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  /** A native frame (no url) counts for the JavaScript that called it: crypto's native calls are crypto. */
  const caller = (id: number): string => {
    for (let p = parent.get(id); p !== undefined; p = parent.get(p)) {
      const url = byId.get(p)!.callFrame.url;
      if (url) return url;
    }
    return "";
  };
  const JSON_OR_BUFFER = /^(parse|stringify|JSON|toString|write|utf8Write|utf8Slice|base64urlSlice|base64Slice|latin1Slice|asciiSlice|copy|concat|compare|byteLength)/;
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const categories = new Map<string, number>();
  const functions = new Map<string, { fn: string; where: string; us: number }>();
  let busy = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const special = functionName.startsWith("(");
    const native = !url && !special;
    const callerUrl = native ? caller(id) : "";
    const category = native && JSON_OR_BUFFER.test(functionName) && !callerUrl.includes("crypto") ? "JSON y Buffer (nativo)" : categorize(functionName, native ? callerUrl : url);
    if (!category) continue;
    busy += us;
    categories.set(category, (categories.get(category) ?? 0) + us);
    const short = (u: string) => u.replace(/^.*\/(node_modules|node-agent\/dist)\//, "$1/");
    const where = url ? `${short(url)}:${lineNumber + 1}` : native ? `(nativo, desde ${short(callerUrl) || "?"})` : "";
    const key = `${functionName}@${where}`;
    const f = functions.get(key) ?? { fn: functionName || "(anónima)", where, us: 0 };
    f.us += us;
    functions.set(key, f);
  }
  const share = (us: number) => (busy ? us / busy : 0);
  return {
    busyMs: busy / 1000,
    categories: [...categories].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, ms: us / 1000, share: share(us) })),
    top: [...functions.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, topN)
      .map((f) => ({ fn: f.fn, where: f.where, ms: f.us / 1000, share: share(f.us) })),
  };
}
