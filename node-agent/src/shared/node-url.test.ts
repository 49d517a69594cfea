import { describe, expect, it } from "vitest";
import { checkNodeUrl, type NodeUrlRefusal } from "./index.ts";

type Row = [url: string, expected: NodeUrlRefusal | `ok ${string}`];

describe("checkNodeUrl (PROTOCOL.md §2: nodes[].url)", () => {
  const prod: Row[] = [
    ["https://nodo.srcei.cl", "ok https://nodo.srcei.cl"],
    ["https://nodo.srcei.cl/", "ok https://nodo.srcei.cl"],
    ["https://NODO.srcei.cl:8443", "ok https://nodo.srcei.cl:8443"],
    ["https://nodo.srcei.cl:443", "ok https://nodo.srcei.cl"],
    ["https://200.1.2.3:8443", "ok https://200.1.2.3:8443"],
    ["https://[2001:db8::1]:8443", "ok https://[2001:db8::1]:8443"],
    ["https://127.0.0.1.nip.io", "ok https://127.0.0.1.nip.io"], // a name: no DNS resolution
    // Not an origin.
    ["https://nodo.srcei.cl/pisee", "not_an_origin"],
    ["https://nodo.srcei.cl/..", "not_an_origin"],
    ["https://nodo.srcei.cl/%2e", "not_an_origin"],
    ["https://nodo.srcei.cl//", "not_an_origin"],
    ["https://nodo.srcei.cl?x=1", "not_an_origin"],
    ["https://nodo.srcei.cl/?", "not_an_origin"],
    ["https://nodo.srcei.cl#f", "not_an_origin"],
    ["https://user:pass@nodo.srcei.cl", "not_an_origin"],
    ["https://@nodo.srcei.cl", "not_an_origin"],
    ["https://nodo.srcei.cl\\x", "not_an_origin"],
    // Not a URL.
    ["", "not_a_url"],
    ["nodo.srcei.cl", "not_a_url"],
    ["https:nodo.srcei.cl", "not_a_url"],
    ["https://", "not_a_url"],
    ["https://nodo.srcei.cl:99999", "not_a_url"],
    ["https://nodo.srcei.cl:0", "not_a_url"],
    ["https://nodo.sr\ncei.cl", "not_a_url"],
    ["https://nodo.srcei.cl\t", "not_a_url"],
    [" https://nodo.srcei.cl", "not_a_url"],
    ["ftp://nodo.srcei.cl", "not_a_url"],
    ["file:///etc/passwd", "not_a_url"],
    ["javascript:alert(1)", "not_a_url"],
    // Not https.
    ["http://nodo.srcei.cl", "not_https"],
    // Loopback, in every spelling the URL parser turns into 127.0.0.1.
    ["https://127.0.0.1", "forbidden_host"],
    ["https://127.1", "forbidden_host"],
    ["https://2130706433", "forbidden_host"],
    ["https://0x7f.1", "forbidden_host"],
    ["https://0177.0.0.1", "forbidden_host"],
    ["https://127.255.255.254:8443", "forbidden_host"],
    ["https://localhost", "forbidden_host"],
    ["https://LOCALHOST.", "forbidden_host"],
    ["https://nodo.localhost", "forbidden_host"],
    ["https://[::1]", "forbidden_host"],
    ["https://[::ffff:127.0.0.1]", "forbidden_host"],
    ["https://[0:0:0:0:0:0:0:1]", "forbidden_host"],
    // Unspecified, link-local, multicast, reserved.
    ["https://0.0.0.0", "forbidden_host"],
    ["https://0", "forbidden_host"],
    ["https://[::]", "forbidden_host"],
    ["https://169.254.169.254", "forbidden_host"],
    ["https://[fe80::1]", "forbidden_host"],
    ["https://[febf::1]", "forbidden_host"],
    ["https://224.0.0.1", "forbidden_host"],
    ["https://239.255.255.250", "forbidden_host"],
    ["https://255.255.255.255", "forbidden_host"],
    ["https://[ff02::1]", "forbidden_host"],
    ["https://[::ffff:169.254.169.254]", "forbidden_host"],
    ["https://[64:ff9b::7f00:1]", "forbidden_host"],
    // Private ranges: refused unless the deployment allows them.
    ["https://10.0.0.5:8443", "private_host"],
    ["https://172.16.0.1", "private_host"],
    ["https://172.31.255.255", "private_host"],
    ["https://192.168.1.10", "private_host"],
    ["https://100.64.0.1", "private_host"],
    ["https://[fd00::5]", "private_host"],
    ["https://[fc00::5]", "private_host"],
    ["https://[::ffff:10.0.0.1]", "private_host"],
    ["https://0xa.1", "private_host"],
    // Next to the private ranges, public.
    ["https://172.32.0.1", "ok https://172.32.0.1"],
    ["https://100.128.0.1", "ok https://100.128.0.1"],
    ["https://11.0.0.1", "ok https://11.0.0.1"],
    ["https://[fe00::1]", "ok https://[fe00::1]"],
  ];

  it.each(prod)("prod: %j → %s", (url, expected) => {
    const r = checkNodeUrl(url, "prod");
    expect(r.ok ? `ok ${r.origin}` : r.reason).toBe(expected);
    if (!r.ok) expect(r.message).toMatch(/[a-záéíóúñ]/);
  });

  it("private ranges pass in prod only where the deployment allows them; the rest stays refused", () => {
    for (const url of ["https://10.0.0.5:8443", "https://192.168.1.10", "https://[fd00::5]", "https://100.64.0.1"]) {
      expect(checkNodeUrl(url, "prod", { allowPrivate: true }), url).toEqual({ ok: true, origin: url });
    }
    for (const url of ["https://127.0.0.1", "https://169.254.169.254", "https://[::1]", "https://localhost"]) {
      expect(checkNodeUrl(url, "prod", { allowPrivate: true }).ok, url).toBe(false);
    }
    expect(checkNodeUrl("http://10.0.0.5", "prod", { allowPrivate: true })).toMatchObject({ ok: false, reason: "not_https" });
  });

  const dev: Row[] = [
    ["http://127.0.0.1:8443", "ok http://127.0.0.1:8443"],
    ["http://localhost:8443/", "ok http://localhost:8443"],
    ["https://10.0.0.5", "ok https://10.0.0.5"],
    ["http://[::1]:9000", "ok http://[::1]:9000"],
    ["http://127.0.0.1:8443/v1", "not_an_origin"],
    ["http://u@127.0.0.1", "not_an_origin"],
    ["ftp://127.0.0.1", "not_a_url"],
    ["127.0.0.1:8443", "not_a_url"],
  ];
  it.each(dev)("dev: %j → %s", (url, expected) => {
    const r = checkNodeUrl(url, "dev");
    expect(r.ok ? `ok ${r.origin}` : r.reason).toBe(expected);
  });

  it("says why in Spanish, naming the host", () => {
    const r = checkNodeUrl("https://2130706433", "prod");
    expect(r).toMatchObject({ ok: false, reason: "forbidden_host" });
    expect(!r.ok && r.message).toContain("127.0.0.1");
  });
});
