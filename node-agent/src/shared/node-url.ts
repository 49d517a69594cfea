/**
 * A node's URL in the network configuration (PROTOCOL.md §2): an origin (scheme, host and port;
 * no path, query, userinfo or fragment). In `prod` it is https and its host is not a loopback,
 * link-local, unspecified or multicast address; private ranges only where the deployment
 * explicitly allows them. Host names are taken as written (no DNS resolution), except `localhost`
 * and `*.localhost` in prod. Shared by the portal (node registration) and every node (a node
 * refuses to send to a peer URL that breaks these rules). No Node.js imports: it runs anywhere.
 */

export type NodeUrlRefusal = "not_a_url" | "not_an_origin" | "not_https" | "forbidden_host" | "private_host";

export type NodeUrlCheck = { ok: true; origin: string } | { ok: false; reason: NodeUrlRefusal; message: string };

const EXAMPLE = "https://nodo.institucion.cl:8443";

function refuse(reason: NodeUrlRefusal, host?: string): NodeUrlCheck {
  const where = host ? `La dirección ${host}` : "La dirección del nodo";
  const messages: Record<NodeUrlRefusal, string> = {
    not_a_url: `No es una URL http:// o https:// válida (por ejemplo ${EXAMPLE}).`,
    not_an_origin: `La URL del nodo lleva solo esquema, servidor y puerto, sin ruta, consulta, usuario ni fragmento (por ejemplo ${EXAMPLE}).`,
    not_https: `En producción la URL del nodo debe usar https:// (por ejemplo ${EXAMPLE}).`,
    forbidden_host: `${where} no sirve para un nodo en producción: es local, de enlace local, no especificada, de multidifusión o reservada.`,
    private_host: `${where} es de una red privada: en producción solo se acepta si la instalación lo permite expresamente.`,
  };
  return { ok: false, reason, message: messages[reason] };
}

/** What kind of address an IP is, for the rules above. */
type IpClass = "public" | "private" | "forbidden";

function classifyIpv4(octets: number[]): IpClass {
  const [a, b] = octets as [number, number, number, number];
  if (a === 0) return "forbidden"; // 0/8 "this network", 0.0.0.0 unspecified (connects to the local host)
  if (a === 127) return "forbidden"; // loopback
  if (a === 169 && b === 254) return "forbidden"; // link-local
  if (a >= 224) return "forbidden"; // 224/4 multicast, 240/4 reserved and the broadcast address
  if (a === 10) return "private";
  if (a === 172 && b >= 16 && b <= 31) return "private";
  if (a === 192 && b === 168) return "private";
  if (a === 100 && b >= 64 && b <= 127) return "private"; // 100.64/10, carrier-grade NAT
  return "public";
}

function parseIpv4(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const octets = m.slice(1).map(Number);
  return octets.every((o) => o <= 255) ? octets : null;
}

/** The eight 16-bit groups of an IPv6 address (as WHATWG URL writes it, without brackets). */
function parseIpv6(host: string): number[] | null {
  let text = host;
  // An embedded IPv4 tail (WHATWG never writes one, but accept it anyway).
  const tail = /^(.*:)(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/.exec(text);
  if (tail) {
    const v4 = parseIpv4(tail[2]!);
    if (!v4) return null;
    text = `${tail[1]}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === "" ? [] : s.split(":"));
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
  return all.map((g) => parseInt(g, 16));
}

function classifyIpv6(g: number[]): IpClass {
  const zeroUntil = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUntil(8)) return "forbidden"; // :: unspecified
  if (zeroUntil(7) && g[7] === 1) return "forbidden"; // ::1 loopback
  // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d): the IPv4 address decides.
  const embedded = [g[6]! >> 8, g[6]! & 0xff, g[7]! >> 8, g[7]! & 0xff];
  if (zeroUntil(5) && g[5] === 0xffff) return classifyIpv4(embedded);
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return classifyIpv4(embedded);
  if (zeroUntil(6)) return "forbidden"; // the deprecated IPv4-compatible ::a.b.c.d
  const first = g[0]!;
  if ((first & 0xffc0) === 0xfe80) return "forbidden"; // fe80::/10 link-local
  if ((first & 0xff00) === 0xff00) return "forbidden"; // ff00::/8 multicast
  if ((first & 0xfe00) === 0xfc00) return "private"; // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfec0) return "private"; // fec0::/10, the deprecated site-local
  return "public";
}

/**
 * Checks a node URL for the environment. `origin` is the normalised origin (lower-case host,
 * IPv4 in dotted form, default port dropped), to which a node appends `/v1/exchange`.
 */
export function checkNodeUrl(url: string, env: "dev" | "prod", opts: { allowPrivate?: boolean } = {}): NodeUrlCheck {
  // The URL parser drops tabs and line breaks inside a URL and spaces around it: refuse them instead.
  if (typeof url !== "string" || url === "" || /[\u0000-\u0020\u007f-\u00a0\u2028\u2029]/.test(url)) return refuse("not_a_url");
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return refuse("not_a_url");
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") return refuse("not_a_url");
  if (u.port === "0" || u.hostname === "") return refuse("not_a_url");
  // `?`, `#` and `@` cannot be part of an origin, even empty (`https://x/?` parses with an empty search);
  // nothing may follow the slash after the host (`https://x/..` parses to the bare origin).
  const afterScheme = url.slice(url.indexOf(":") + 1);
  if (!afterScheme.startsWith("//")) return refuse("not_a_url");
  if (u.username || u.password || u.search || u.hash || u.pathname !== "/" || /[?#@]/.test(afterScheme) || /^\/\/[^/\\]*[/\\]./.test(afterScheme)) {
    return refuse("not_an_origin");
  }
  if (env === "dev") return { ok: true, origin: u.origin };
  if (u.protocol !== "https:") return refuse("not_https");

  const host = u.hostname;
  let kind: IpClass;
  if (host.startsWith("[")) {
    const groups = parseIpv6(host.slice(1, -1));
    if (!groups) return refuse("not_a_url");
    kind = classifyIpv6(groups);
  } else {
    const v4 = parseIpv4(host);
    if (v4) kind = classifyIpv4(v4);
    else {
      const name = host.replace(/\.$/, "");
      kind = name === "localhost" || name.endsWith(".localhost") ? "forbidden" : "public";
    }
  }
  if (kind === "forbidden") return refuse("forbidden_host", host);
  if (kind === "private" && !opts.allowPrivate) return refuse("private_host", host);
  return { ok: true, origin: u.origin };
}
