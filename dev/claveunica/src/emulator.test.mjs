// End-to-end tests of the ClaveÚnica emulator over real HTTP (no browser):
// fetch with manual redirects and a tiny cookie jar.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, it, expect, beforeAll, afterAll } from "vitest";

import { startEmulator } from "./index.mjs";
import { loginPage } from "./pages.mjs";

const CLIENT_ID = "portal-test";
const CLIENT_SECRET = "secreto-de-prueba";
/** A client registered with pkce_required: false (a portal running with CLAVEUNICA_PKCE=off). */
const NO_PKCE_CLIENT_ID = "portal-sin-pkce";
const REDIRECT_URI = "http://localhost:3999/api/auth/callback/claveunica";
const POST_LOGOUT_URI = "http://localhost:3999/";
const MAX_REDIRECTS = 10;

const persons = JSON.parse(readFileSync(new URL("../persons.json", import.meta.url), "utf8"));
const INVALID_DV_DESCRIPTION = "Persona de prueba con RUN con dígito verificador inválido";

/** Chilean modulo-11 check digit, written independently of the emulator's code. */
function checkDigit(numero) {
  let sum = 0;
  let factor = 2;
  for (const digit of String(numero).split("").reverse()) {
    sum += Number(digit) * factor;
    factor = factor === 7 ? 2 : factor + 1;
  }
  const rest = 11 - (sum % 11);
  return rest === 11 ? "0" : rest === 10 ? "K" : String(rest);
}

function hasValidCheckDigit(run) {
  const [numero, dv] = run.split("-");
  return checkDigit(numero) === dv.toUpperCase();
}

/** Minimal cookie jar: name + path, honours deletion (expired or empty value). */
class CookieJar {
  cookies = new Map();

  store(url, response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";").map((part) => part.trim());
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      let path = "/";
      let expired = value === "";
      for (const attribute of attributes) {
        const [key, attrValue = ""] = attribute.split("=");
        if (key.toLowerCase() === "path") path = attrValue;
        if (key.toLowerCase() === "expires" && Date.parse(attrValue) <= Date.now()) expired = true;
        if (key.toLowerCase() === "max-age" && Number(attrValue) <= 0) expired = true;
      }
      const key = `${name}\u0000${path}`;
      if (expired) this.cookies.delete(key);
      else this.cookies.set(key, { name, value, path });
    }
  }

  header(url) {
    const { pathname } = new URL(url);
    return [...this.cookies.values()]
      .filter(({ path }) => pathname === path || pathname.startsWith(path.endsWith("/") ? path : `${path}/`))
      .map(({ name, value }) => `${name}=${value}`)
      .join("; ");
  }

  has(name) {
    return [...this.cookies.values()].some((cookie) => cookie.name === name);
  }
}

let emulator;
let origin;

/**
 * Requests `url` and follows redirects that stay on the emulator (at most
 * MAX_REDIRECTS). Returns either the final page or the first redirect that
 * leaves the emulator (to the client).
 */
async function browse(jar, url, init = {}) {
  let current = new URL(url, origin);
  let options = init;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const headers = { ...options.headers };
    const cookie = jar.header(current);
    if (cookie) headers.cookie = cookie;
    const response = await fetch(current, { ...options, headers, redirect: "manual" });
    jar.store(current, response);
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, current);
      if (next.origin !== origin) return { status: response.status, location: next };
      current = next;
      options = {};
      continue;
    }
    return { status: response.status, url: current, response, body: await response.text() };
  }
  throw new Error(`más de ${MAX_REDIRECTS} redirecciones`);
}

/** The PKCE code_verifier of the login with this state (43 characters of base64url). */
function verifierFor(state) {
  return createHash("sha256").update(`verificador-${state}`).digest("base64url");
}

function challengeFor(verifier) {
  return createHash("sha256").update(verifier).digest("base64url");
}

/** An authorization request as the portal sends it: PKCE S256 (unless `pkce: false`), state and nonce. */
function authorizeUrl(state, { nonce = `n-${state}`, pkce = true, clientId = CLIENT_ID, scope = "openid run name email" } = {}) {
  const url = new URL("/openid/authorize/", origin);
  url.search = new URLSearchParams({
    client_id: clientId,
    response_type: "code",
    scope,
    redirect_uri: REDIRECT_URI,
    state,
    nonce,
    ...(pkce ? { code_challenge: challengeFor(verifierFor(state)), code_challenge_method: "S256" } : {}),
  }).toString();
  return url;
}

function formAction(page, suffix) {
  const match = new RegExp(`<form method="post" action="([^"]*/${suffix})"`).exec(page);
  if (!match) throw new Error(`no se encontró el formulario ${suffix}`);
  return match[1].replace(/&amp;/g, "&");
}

async function submit(jar, page, suffix, fields) {
  return browse(jar, formAction(page, suffix), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Full browser-side flow: authorize, pick a person, land on the client with a code. */
async function signIn(jar, sub, state) {
  const page = await browse(jar, authorizeUrl(state));
  expect(page.status).toBe(200);
  const done = await submit(jar, page.body, "login", { sub });
  expect(done.location?.origin + done.location?.pathname).toBe(REDIRECT_URI);
  return done.location;
}

/**
 * Redeems the code in `location` (the redirect back to the client) at the token endpoint, with
 * the code_verifier of that login unless another one (or none: null) is given.
 */
async function exchange(location, { basic = false, verifier = verifierFor(location.searchParams.get("state")), clientId = CLIENT_ID } = {}) {
  const code = location.searchParams.get("code");
  const form = new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI });
  if (verifier !== null) form.set("code_verifier", verifier);
  const headers = { "content-type": "application/x-www-form-urlencoded" };
  if (basic) {
    headers.authorization = `Basic ${Buffer.from(`${clientId}:${CLIENT_SECRET}`).toString("base64")}`;
  } else {
    form.set("client_id", clientId);
    form.set("client_secret", CLIENT_SECRET);
  }
  const response = await fetch(new URL("/openid/token/", origin), { method: "POST", headers, body: form });
  return { status: response.status, json: await response.json() };
}

function jwtPayload(jwt) {
  return JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString("utf8"));
}

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    clients: [{
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uris: [REDIRECT_URI],
      post_logout_redirect_uris: [POST_LOGOUT_URI],
    }, {
      client_id: NO_PKCE_CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uris: [REDIRECT_URI],
      pkce_required: false,
    }],
  });
  origin = emulator.issuer;
});

afterAll(async () => {
  await emulator?.close();
});

describe("ClaveÚnica emulator", () => {
  it("listens on loopback and publishes ClaveÚnica's paths in discovery", async () => {
    expect(emulator.issuer).toBe(`http://127.0.0.1:${emulator.port}`);
    const response = await fetch(new URL("/.well-known/openid-configuration", origin));
    expect(response.status).toBe(200);
    const discovery = await response.json();
    expect(discovery).toMatchObject({
      issuer: origin,
      authorization_endpoint: `${origin}/openid/authorize/`,
      token_endpoint: `${origin}/openid/token/`,
      userinfo_endpoint: `${origin}/openid/userinfo/`,
      jwks_uri: `${origin}/openid/jwks/`,
      response_types_supported: ["code"],
      token_endpoint_auth_methods_supported: ["client_secret_post"],
    });
    expect(discovery.scopes_supported).toEqual(expect.arrayContaining(["openid", "run", "name", "email"]));
    const jwks = await (await fetch(discovery.jwks_uri)).json();
    expect(jwks.keys[0]).toMatchObject({ kty: "RSA", use: "sig", alg: "RS256" });
    expect(jwks.keys[0].d).toBeUndefined();
  });

  describe("authorization code flow", () => {
    const jar = new CookieJar();
    let location;
    let tokens;

    it("shows an accessible Spanish login page listing every person", async () => {
      const page = await browse(jar, authorizeUrl("estado-1"));
      expect(page.status).toBe(200);
      expect(page.url.pathname).toMatch(/^\/interaction\/[^/]+$/);
      expect(page.response.headers.get("content-type")).toMatch(/text\/html/);
      expect(page.body).toContain('<html lang="es-CL">');
      expect(page.body).toMatch(/<main>/);
      expect(page.body).toMatch(/<h1>ClaveÚnica \(emulador de desarrollo\)<\/h1>/);
      expect(page.body).toContain("Esto es un emulador");
      expect(page.body).toMatch(/<button type="submit" class="secundario">Cancelar<\/button>/);
      for (const person of persons) {
        expect(page.body).toContain(`value="${person.sub}"`);
        expect(page.body).toContain([...person.nombres, ...person.apellidos].join(" "));
        expect(page.body).toContain(person.descripcion.replace(/&/g, "&amp;"));
      }
      expect(page.body).toContain("Ingresar como Ana Pérez");
      expect(page.body).toContain("RUN 11.111.111-1");
    });

    it("signs in as the citizen and returns to redirect_uri with code and state", async () => {
      const page = await browse(jar, authorizeUrl("estado-2"));
      const done = await submit(jar, page.body, "login", { sub: "5001" });
      expect(done.location.origin + done.location.pathname).toBe(REDIRECT_URI);
      expect(done.location.searchParams.get("state")).toBe("estado-2");
      expect(done.location.searchParams.get("error")).toBeNull();
      location = done.location;
      expect(location.searchParams.get("code")).toBeTruthy();
    });

    it("refuses client_secret_basic at the token endpoint", async () => {
      const { status, json } = await exchange(location, { basic: true });
      expect(status).toBeGreaterThanOrEqual(400);
      expect(json.error).toBe("invalid_client");
    });

    it("exchanges the code with client_secret_post; the ID token carries sub and the nonce only", async () => {
      const { status, json } = await exchange(location);
      expect(status).toBe(200);
      expect(json.token_type).toBe("Bearer");
      expect(json.refresh_token).toBeUndefined();
      tokens = json;
      const claims = jwtPayload(json.id_token);
      expect(claims).toMatchObject({ iss: origin, aud: CLIENT_ID, sub: "5001", nonce: "n-estado-2" });
      expect(claims.RolUnico).toBeUndefined();
      expect(claims.name).toBeUndefined();
      expect(claims.email).toBeUndefined();
    });

    it("answers userinfo by POST with exactly ClaveÚnica's shape", async () => {
      const response = await fetch(new URL("/openid/userinfo/", origin), {
        method: "POST",
        headers: { authorization: `Bearer ${tokens.access_token}` },
      });
      expect(response.status).toBe(200);
      const userinfo = await response.json();
      expect(userinfo).toStrictEqual({
        sub: "5001",
        RolUnico: { numero: 11111111, DV: "1", tipo: "RUN" },
        name: { nombres: ["Ana", "María"], apellidos: ["Pérez", "Soto"] },
        email: "ana.perez.soto@example.com",
      });
      expect(typeof userinfo.RolUnico.numero).toBe("number");
    });

    it("refuses userinfo by GET with 405 and Allow: POST", async () => {
      const response = await fetch(new URL("/openid/userinfo/", origin), {
        headers: { authorization: `Bearer ${tokens.access_token}` },
      });
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("POST");
    });

    it("refuses a second use of the code and revokes what it issued", async () => {
      const { status, json } = await exchange(location);
      expect(status).toBe(400);
      expect(json.error).toBe("invalid_grant");
      const response = await fetch(new URL("/openid/userinfo/", origin), {
        method: "POST",
        headers: { authorization: `Bearer ${tokens.access_token}` },
      });
      expect(response.status).toBe(401);
    });

    it("signs in again silently while the emulator session is alive", async () => {
      const again = await browse(jar, authorizeUrl("estado-3"));
      expect(again.location?.searchParams.get("code")).toBeTruthy();
      expect(again.location.searchParams.get("state")).toBe("estado-3");
      const { status, json } = await exchange(again.location);
      expect(status).toBe(200);
      tokens = json;
    });

    it("logs out with an allowed redirect and then asks for a person again", async () => {
      const logoutUrl = new URL("/api/v1/accounts/app/logout", origin);
      logoutUrl.searchParams.set("redirect", POST_LOGOUT_URI);
      const out = await browse(jar, logoutUrl);
      expect(out.status).toBe(302);
      expect(out.location.href).toBe(POST_LOGOUT_URI);
      expect(jar.has("_session")).toBe(false);

      const page = await browse(jar, authorizeUrl("estado-4"));
      expect(page.status).toBe(200);
      expect(page.url.pathname).toMatch(/^\/interaction\//);
      expect(page.body).toContain("Ingresar como Ana Pérez");

      // The grant ends with the session: tokens issued before the logout stop working.
      const userinfo = await fetch(new URL("/openid/userinfo/", origin), {
        method: "POST",
        headers: { authorization: `Bearer ${tokens.access_token}` },
      });
      expect(userinfo.status).toBe(401);
    });

    it("rejects logout to a redirect that no client registered", async () => {
      for (const redirect of ["https://evil.example/", "http://localhost:3999/otra", ""]) {
        const logoutUrl = new URL("/api/v1/accounts/app/logout", origin);
        logoutUrl.searchParams.set("redirect", redirect);
        const response = await fetch(logoutUrl, { redirect: "manual" });
        expect(response.status).toBe(400);
        expect(response.headers.get("location")).toBeNull();
        expect(await response.text()).toContain('lang="es-CL"');
      }
    });
  });

  describe("PKCE (S256) and nonce", () => {
    /** The error an authorization request gets back at the client's redirect_uri, without any login page. */
    async function refusedAuthorization(url) {
      const out = await browse(new CookieJar(), url);
      expect(out.location?.origin + out.location?.pathname).toBe(REDIRECT_URI);
      expect(out.location.searchParams.get("code")).toBeNull();
      return { error: out.location.searchParams.get("error"), description: out.location.searchParams.get("error_description"), state: out.location.searchParams.get("state") };
    }

    it("refuses an authorization request from the portal's client without code_challenge", async () => {
      const refused = await refusedAuthorization(authorizeUrl("estado-sin-pkce", { pkce: false }));
      expect(refused).toMatchObject({ error: "invalid_request", state: "estado-sin-pkce" });
      expect(refused.description).toMatch(/PKCE/);
    });

    it("refuses the plain method, and a code_challenge without its method (which would mean plain)", async () => {
      const verifier = verifierFor("estado-plain");
      const plain = authorizeUrl("estado-plain", { pkce: false });
      plain.searchParams.set("code_challenge", verifier);
      plain.searchParams.set("code_challenge_method", "plain");
      expect(await refusedAuthorization(plain)).toMatchObject({ error: "invalid_request", description: "not supported value of code_challenge_method" });

      const implicit = authorizeUrl("estado-implicito", { pkce: false });
      implicit.searchParams.set("code_challenge", verifier);
      expect(await refusedAuthorization(implicit)).toMatchObject({ error: "invalid_request", description: "code_challenge_method must be provided" });
    });

    it("refuses a token request with a wrong or missing code_verifier", async () => {
      const jar = new CookieJar();
      const first = await signIn(jar, "5001", "estado-v1");
      const wrong = await exchange(first, { verifier: verifierFor("otro-inicio") });
      expect(wrong.status).toBe(400);
      expect(wrong.json.error).toBe("invalid_grant");
      expect(wrong.json.id_token).toBeUndefined();

      const again = await browse(jar, authorizeUrl("estado-v2"));
      const missing = await exchange(again.location, { verifier: null });
      expect(missing.status).toBe(400);
      expect(missing.json.error).toBe("invalid_grant");
      expect(missing.json.id_token).toBeUndefined();
    });

    it("puts each login's own nonce in its ID token", async () => {
      const jar = new CookieJar();
      const first = await signIn(jar, "5002", "estado-n1");
      const second = await browse(jar, authorizeUrl("estado-n2", { nonce: "otro-nonce-Zq81" }));
      const a = await exchange(first);
      const b = await exchange(second.location);
      expect(a.status).toBe(200);
      expect(jwtPayload(a.json.id_token).nonce).toBe("n-estado-n1");
      expect(jwtPayload(b.json.id_token).nonce).toBe("otro-nonce-Zq81");
    });

    it("lets a client registered with pkce_required: false omit PKCE, but still checks a challenge it sends", async () => {
      const jar = new CookieJar();
      const page = await browse(jar, authorizeUrl("estado-op1", { pkce: false, clientId: NO_PKCE_CLIENT_ID }));
      expect(page.status).toBe(200);
      const done = await submit(jar, page.body, "login", { sub: "5001" });
      const ok = await exchange(done.location, { verifier: null, clientId: NO_PKCE_CLIENT_ID });
      expect(ok.status).toBe(200);

      const withPkce = await browse(jar, authorizeUrl("estado-op2", { clientId: NO_PKCE_CLIENT_ID }));
      const wrong = await exchange(withPkce.location, { verifier: verifierFor("otro"), clientId: NO_PKCE_CLIENT_ID });
      expect(wrong.status).toBe(400);
      expect(wrong.json.error).toBe("invalid_grant");
    });
  });

  it("returns error=access_denied to the client when the person cancels", async () => {
    const jar = new CookieJar();
    const page = await browse(jar, authorizeUrl("estado-cancelar"));
    expect(page.status).toBe(200);
    const done = await submit(jar, page.body, "abort", {});
    expect(done.location.origin + done.location.pathname).toBe(REDIRECT_URI);
    expect(done.location.searchParams.get("error")).toBe("access_denied");
    expect(done.location.searchParams.get("state")).toBe("estado-cancelar");
    expect(done.location.searchParams.get("code")).toBeNull();
  });

  it("grants consent automatically even when the client sends prompt=consent", async () => {
    const jar = new CookieJar();
    await signIn(jar, "5002", "estado-c1");
    const url = authorizeUrl("estado-c2");
    url.searchParams.set("prompt", "consent");
    const again = await browse(jar, url);
    expect(again.location?.searchParams.get("code")).toBeTruthy();
    expect(again.location.searchParams.get("state")).toBe("estado-c2");
  });

  it("lets the browser switch person with prompt=login", async () => {
    const jar = new CookieJar();
    const first = await signIn(jar, "5001", "estado-s1");
    const before = await exchange(first);
    const url = authorizeUrl("estado-s2");
    url.searchParams.set("prompt", "login");
    const page = await browse(jar, url);
    expect(page.status).toBe(200);
    const done = await submit(jar, page.body, "login", { sub: "5003" });
    expect(done.location.searchParams.get("state")).toBe("estado-s2");
    const after = await exchange(done.location);
    expect(jwtPayload(after.json.id_token).sub).toBe("5003");
    const old = await fetch(new URL("/openid/userinfo/", origin), {
      method: "POST",
      headers: { authorization: `Bearer ${before.json.access_token}` },
    });
    expect(old.status).toBe(401);
  });

  it("gives the address only when the email scope was asked for", async () => {
    const jar = new CookieJar();
    const page = await browse(jar, authorizeUrl("estado-sin-email", { scope: "openid run name" }));
    const done = await submit(jar, page.body, "login", { sub: "5001" });
    const { json } = await exchange(done.location);
    expect(jwtPayload(json.id_token).email).toBeUndefined();
    const response = await fetch(new URL("/openid/userinfo/", origin), {
      method: "POST",
      headers: { authorization: `Bearer ${json.access_token}` },
    });
    const userinfo = await response.json();
    expect(userinfo.sub).toBe("5001");
    expect(userinfo.email).toBeUndefined();
  });

  it("gives no address for the person who has none (the «sin correo» path)", async () => {
    const jar = new CookieJar();
    const location = await signIn(jar, "5005", "estado-sin-correo");
    const { json } = await exchange(location);
    const response = await fetch(new URL("/openid/userinfo/", origin), {
      method: "POST",
      headers: { authorization: `Bearer ${json.access_token}` },
    });
    const userinfo = await response.json();
    expect(userinfo.RolUnico.numero).toBe(16543210);
    expect("email" in userinfo).toBe(false);
  });

  it("returns DV 'K' as an upper-case string", async () => {
    const jar = new CookieJar();
    const location = await signIn(jar, "5005", "estado-k");
    const { json } = await exchange(location);
    const response = await fetch(new URL("/openid/userinfo/", origin), {
      method: "POST",
      headers: { authorization: `Bearer ${json.access_token}` },
    });
    expect((await response.json()).RolUnico).toStrictEqual({ numero: 16543210, DV: "K", tipo: "RUN" });
  });

  it("rejects an unknown person and a redirect_uri that is not registered", async () => {
    const jar = new CookieJar();
    const page = await browse(jar, authorizeUrl("estado-x"));
    const bad = await submit(jar, page.body, "login", { sub: "9999" });
    expect(bad.status).toBe(400);

    const url = authorizeUrl("estado-y");
    url.searchParams.set("redirect_uri", "http://localhost:3999/otra");
    const refused = await browse(new CookieJar(), url);
    expect(refused.status).toBe(400);
    expect(refused.location).toBeUndefined();
  });
});

describe("persons.json", () => {
  it("has valid check digits except for the deliberately invalid person", () => {
    const invalid = persons.filter((person) => person.descripcion === INVALID_DV_DESCRIPTION);
    expect(invalid).toHaveLength(1);
    expect(invalid[0].run.split("-")[0]).toBe("14141414");
    expect(hasValidCheckDigit(invalid[0].run)).toBe(false);
    for (const person of persons) {
      if (person === invalid[0]) continue;
      expect(hasValidCheckDigit(person.run), `${person.run} (${person.descripcion})`).toBe(true);
    }
  });

  it("gives every person an address except one, José Miguel Núñez Castro (the «sin correo» path)", () => {
    const without = persons.filter((person) => person.email === undefined);
    expect(without.map((person) => person.sub)).toEqual(["5005"]);
    for (const person of persons.filter((p) => p.email !== undefined)) expect(person.email).toMatch(/^[^\s@]+@[^\s@]+\.[a-z]+$/);
    expect(new Set(persons.map((person) => person.email).filter(Boolean)).size).toBe(persons.length - 1);
  });

  it("marks the one person the demo seed must not create (added by RUN before her first sign-in)", () => {
    const unseeded = persons.filter((person) => person.sembrar === false);
    expect(unseeded.map((person) => person.run)).toEqual(["19283746-4"]);
    expect(persons.filter((person) => person.sembrar !== undefined && person.sembrar !== false)).toEqual([]);
  });

  it("uses opaque, unique subs that are not RUNs", () => {
    const subs = persons.map((person) => person.sub);
    expect(new Set(subs).size).toBe(subs.length);
    for (const person of persons) {
      expect(person.sub).not.toContain(person.run.split("-")[0]);
      expect(person.nombres).toHaveLength(2);
      expect(person.apellidos).toHaveLength(2);
    }
  });

  it("escapes everything in the login page", () => {
    const html = loginPage({
      uid: 'a"b',
      clientName: "<script>alert(1)</script>",
      persons: [{ sub: '1"><x', run: "1-9", nombres: ["<b>"], apellidos: ["&"], descripcion: "'" }],
    });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain('value="1&quot;&gt;&lt;x"');
  });
});
