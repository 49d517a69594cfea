// ClaveÚnica emulator: a real OpenID Connect provider (panva's oidc-provider)
// configured like ClaveÚnica, for local development and tests only.
import http from "node:http";
import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";

import { createMemoryAdapter } from "./memory-adapter.mjs";
import { createRoutes } from "./routes.mjs";
import { errorPage, PAGE_HEADERS } from "./pages.mjs";
import { claimsFor, loadPersons, validatePersons } from "./persons.mjs";

export { loadPersons, validatePersons, splitRun, formatRun, fullName } from "./persons.mjs";

/** ClaveÚnica's endpoint paths. */
export const ROUTES = Object.freeze({
  authorization: "/openid/authorize/",
  token: "/openid/token/",
  userinfo: "/openid/userinfo/",
  jwks: "/openid/jwks/",
  logout: "/api/v1/accounts/app/logout",
});

export const SCOPES = Object.freeze(["openid", "run", "name", "email"]);

let providerClass;
/**
 * oidc-provider warns at import time that Node 20 is not a supported runtime.
 * This project runs on Node 20 on purpose, so that one line is dropped.
 */
async function loadProvider() {
  if (!providerClass) {
    const { warn } = console;
    console.warn = (first, ...rest) => {
      if (typeof first === "string" && first.includes("oidc-provider WARNING: Unsupported runtime")) return;
      warn.call(console, first, ...rest);
    };
    try {
      ({ Provider: providerClass } = await import("oidc-provider"));
    } finally {
      console.warn = warn;
    }
  }
  return providerClass;
}

function normaliseClients(clients) {
  if (!Array.isArray(clients) || clients.length === 0) {
    throw new TypeError("startEmulator: clients debe ser un arreglo no vacío");
  }
  return clients.map((client, index) => {
    const where = `clients[${index}]`;
    const { client_id: clientId, client_secret: clientSecret, redirect_uris: redirectUris } = client ?? {};
    const postLogout = client?.post_logout_redirect_uris ?? [];
    if (typeof clientId !== "string" || !clientId) throw new TypeError(`${where}.client_id es obligatorio`);
    if (typeof clientSecret !== "string" || !clientSecret) throw new TypeError(`${where}.client_secret es obligatorio`);
    if (!Array.isArray(redirectUris) || redirectUris.length === 0) {
      throw new TypeError(`${where}.redirect_uris debe ser un arreglo no vacío`);
    }
    if (!Array.isArray(postLogout)) throw new TypeError(`${where}.post_logout_redirect_uris debe ser un arreglo`);
    const pkceRequired = client.pkce_required ?? true;
    if (typeof pkceRequired !== "boolean") throw new TypeError(`${where}.pkce_required debe ser booleano`);
    return {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [...redirectUris],
      post_logout_redirect_uris: [...postLogout],
      pkce_required: pkceRequired,
      ...(client.client_name ? { client_name: String(client.client_name) } : {}),
    };
  });
}

function signingKey() {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), kid: randomUUID(), use: "sig", alg: "RS256" };
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/**
 * Starts the emulator.
 * @param {object} options
 * @param {number} [options.port=0] 0 picks a free port.
 * @param {string} [options.host="127.0.0.1"]
 * @param {Array<{client_id: string, client_secret: string, redirect_uris: string[], post_logout_redirect_uris?: string[], client_name?: string, pkce_required?: boolean}>} options.clients
 *   pkce_required (default true): the client must send a PKCE S256 code_challenge; false only to
 *   emulate an identity provider for a portal running with CLAVEUNICA_PKCE=off. A code_challenge
 *   that is sent is always enforced at the token endpoint, and `plain` is always refused.
 * @param {Array<object>} [options.persons] test persons (default: persons.json)
 * @param {string} [options.personsFile] path of a persons JSON file
 * @param {(message: string) => void} [options.log] receives error/diagnostic lines; silent by default
 * @returns {Promise<{issuer: string, port: number, close: () => Promise<void>}>}
 */
export async function startEmulator({ port = 0, host = "127.0.0.1", clients, persons, personsFile, log } = {}) {
  const say = typeof log === "function" ? log : () => {};
  const registered = normaliseClients(clients);
  const people = persons ? validatePersons(persons) : await loadPersons(personsFile);
  const bySub = new Map(people.map((person) => [person.sub, person]));
  const pkceOptional = new Set(registered.filter((client) => !client.pkce_required).map((client) => client.client_id));
  const Provider = await loadProvider();

  let handler = (req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = http.createServer((req, res) => handler(req, res));
  await listen(server, port, host);
  const actualPort = server.address().port;
  const issuer = `http://${host.includes(":") ? `[${host}]` : host}:${actualPort}`;

  const provider = new Provider(issuer, {
    adapter: createMemoryAdapter(),
    // post_logout_redirect_uris stay out: logout is ClaveÚnica's own endpoint (routes.mjs).
    clients: registered.map((client) => ({
      client_id: client.client_id,
      client_secret: client.client_secret,
      redirect_uris: client.redirect_uris,
      ...(client.client_name ? { client_name: client.client_name } : {}),
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_post",
    })),
    clientAuthMethods: ["client_secret_post"],
    responseTypes: ["code"],
    scopes: [...SCOPES],
    claims: { openid: ["sub"], run: ["RolUnico"], name: ["name"], email: ["email"] },
    conformIdTokenClaims: true,
    allowOmittingSingleRegisteredRedirectUri: false,
    // PKCE (RFC 7636) with S256 only: oidc-provider refuses `plain` and a code_challenge without
    // code_challenge_method, and checks the code_verifier at the token endpoint whenever a
    // challenge was sent. Required for every client unless it was registered otherwise.
    pkce: { required: (ctx, client) => !pkceOptional.has(client.clientId) },
    routes: {
      authorization: ROUTES.authorization,
      token: ROUTES.token,
      userinfo: ROUTES.userinfo,
      jwks: ROUTES.jwks,
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: false }, // ClaveÚnica logs out at ROUTES.logout instead
      userinfo: { enabled: true },
      pushedAuthorizationRequests: { enabled: false },
      dPoP: { enabled: false },
    },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: {
      keys: [randomBytes(32).toString("base64url")],
      long: { httpOnly: true, sameSite: "lax" },
      short: { httpOnly: true, sameSite: "lax" },
    },
    jwks: { keys: [signingKey()] },
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 3600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    clientBasedCORS: () => false,
    async findAccount(ctx, sub) {
      const person = bySub.get(sub);
      if (!person) return undefined;
      return { accountId: sub, claims: async () => claimsFor(person) };
    },
    // Consent is implicit: every configured client gets what it asks of `openid run name email`
    // (the grant holds them all; the tokens carry only the scopes requested).
    async loadExistingGrant(ctx) {
      const { oidc } = ctx;
      const grantId = oidc.result?.consent?.grantId || oidc.session.grantIdFor(oidc.client.clientId);
      if (grantId) {
        const grant = await oidc.provider.Grant.find(grantId);
        if (grant && grant.accountId === oidc.session.accountId) return grant;
      }
      const grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
      grant.addOIDCScope(SCOPES.join(" "));
      await grant.save();
      return grant;
    },
    async renderError(ctx, out) {
      ctx.set(PAGE_HEADERS);
      ctx.type = "html";
      ctx.body = errorPage(out);
    },
  });

  provider.on("server_error", (ctx, error) => say(`claveunica-emulator: error interno: ${error?.stack ?? error}`));
  for (const event of ["authorization.error", "grant.error", "userinfo.error"]) {
    provider.on(event, (ctx, error) => say(`claveunica-emulator: ${event}: ${error?.error ?? ""} ${error?.error_description ?? error?.message ?? ""}`.trim()));
  }
  provider.on("error", (error) => say(`claveunica-emulator: ${error?.stack ?? error}`));
  provider.silent = true; // Koa must not print errors itself; they go to `log`

  provider.use(createRoutes({
    provider, persons: people, bySub, clients: registered, scope: SCOPES.join(" "), log: say,
  }));
  handler = provider.callback();

  let closed;
  return {
    issuer,
    port: actualPort,
    close() {
      closed ??= new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
