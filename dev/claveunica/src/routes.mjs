// Koa middleware mounted before oidc-provider's own router: login pages,
// ClaveÚnica's logout and the "userinfo only by POST" rule.
import { errorPage, loginPage, messagePage, PAGE_HEADERS } from "./pages.mjs";

const MAX_FORM_BYTES = 16 * 1024;
const INTERACTION = /^\/interaction\/([^/]+)(?:\/(login|abort))?$/;

function sendPage(ctx, status, html) {
  ctx.status = status;
  ctx.set(PAGE_HEADERS);
  ctx.type = "html";
  ctx.body = html;
}

async function readForm(ctx) {
  if (!ctx.is("application/x-www-form-urlencoded")) return undefined;
  const chunks = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) return undefined;
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function safeDecode(value) {
  try {
    return decodeURIComponent(value);
  } catch {
    return "";
  }
}

function redirectSeeOther(ctx, location) {
  ctx.redirect(location);
  ctx.status = 303;
}

export function createRoutes({ provider, persons, bySub, clients, scope, log }) {
  const postLogoutUris = new Set(clients.flatMap((client) => client.post_logout_redirect_uris));
  const clientNames = new Map(clients.map((client) => [client.client_id, client.client_name ?? client.client_id]));

  async function revokeGrants(session) {
    for (const { grantId } of Object.values(session.authorizations ?? {})) {
      if (grantId) {
        await (await provider.Grant.find(grantId))?.destroy();
        await provider.Grant.adapter.revokeByGrantId(grantId);
      }
    }
  }

  async function logout(ctx) {
    const redirect = ctx.query.redirect;
    if (typeof redirect !== "string" || !postLogoutUris.has(redirect)) {
      sendPage(ctx, 400, messagePage(
        "Redirección no permitida",
        "El parámetro redirect falta o no está registrado como post_logout_redirect_uri de ningún cliente del emulador.",
      ));
      return;
    }
    // Session.get reads the signed `_session` cookie through a provider context.
    const session = await provider.Session.get(ctx);
    if (!session.new) {
      await revokeGrants(session);
      await session.destroy();
    }
    ctx.cookies.set(provider.cookieName("session"), null, { httpOnly: true, sameSite: "lax" });
    ctx.set("Cache-Control", "no-store");
    ctx.redirect(redirect);
  }

  async function interaction(ctx, uid, action) {
    let details;
    try {
      details = await provider.interactionDetails(ctx.req, ctx.res);
    } catch {
      details = undefined;
    }
    if (!details || details.uid !== uid) {
      sendPage(ctx, 400, messagePage(
        "Sesión de inicio expirada",
        "No se encontró esta solicitud de inicio de sesión (expiró o ya se usó). Vuelve a la aplicación e inténtalo de nuevo.",
      ));
      return;
    }
    const prompt = details.prompt?.name;

    if (ctx.method === "GET" && !action && prompt === "consent") {
      // Only reached when the client asks for prompt=consent: grant it right away.
      let grant = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
      grant ??= new provider.Grant({ clientId: details.params.client_id, accountId: details.session.accountId });
      grant.addOIDCScope(scope);
      const grantId = await grant.save();
      redirectSeeOther(ctx, await provider.interactionResult(ctx.req, ctx.res, { consent: { grantId } }));
      return;
    }

    if (ctx.method === "GET" && !action) {
      if (prompt !== "login") {
        sendPage(ctx, 400, errorPage({ error: "interaction_not_supported", prompt }));
        return;
      }
      const clientId = details.params.client_id;
      sendPage(ctx, 200, loginPage({ uid, clientName: clientNames.get(clientId) ?? clientId, persons }));
      return;
    }

    if (ctx.method !== "POST" || !action) {
      ctx.status = 405;
      ctx.set("Allow", action ? "POST" : "GET");
      return;
    }

    if (action === "abort") {
      const returnTo = await provider.interactionResult(ctx.req, ctx.res, {
        error: "access_denied",
        error_description: "La persona canceló el inicio de sesión",
      }, { mergeWithLastSubmission: false });
      redirectSeeOther(ctx, returnTo);
      return;
    }

    const form = await readForm(ctx);
    const sub = form?.get("sub");
    if (prompt !== "login" || !sub || !bySub.has(sub)) {
      sendPage(ctx, 400, messagePage("Solicitud inválida", "Elige una de las personas de prueba de la lista."));
      return;
    }
    const returnTo = await provider.interactionResult(ctx.req, ctx.res, {
      login: { accountId: sub },
    }, { mergeWithLastSubmission: false });
    // Switching person (e.g. prompt=login): oidc-provider would send the browser
    // through its own logout confirmation. Forget the previous person here instead,
    // keeping the session (its uid is bound to this interaction).
    const session = await provider.Session.get(ctx);
    if (!session.new && session.accountId && session.accountId !== sub) {
      await revokeGrants(session);
      for (const key of ["accountId", "loginTs", "amr", "acr", "authorizations"]) delete session[key];
      await session.persist();
    }
    redirectSeeOther(ctx, returnTo);
  }

  return async function claveUnicaRoutes(ctx, next) {
    const { path } = ctx;

    if (path === "/openid/userinfo/") {
      if (ctx.method === "GET" || ctx.method === "HEAD") {
        ctx.status = 405;
        ctx.set("Allow", "POST");
        ctx.body = { error: "invalid_request", error_description: "userinfo solo acepta POST" };
        return;
      }
      return next();
    }

    // oidc-provider accepts client_secret_basic and client_secret_post
    // interchangeably; ClaveÚnica only takes the secret in the form body.
    if (path === "/openid/token/" && ctx.method === "POST" && ctx.get("authorization")) {
      ctx.status = 401;
      ctx.set("Cache-Control", "no-store");
      ctx.body = {
        error: "invalid_client",
        error_description: "solo se acepta client_secret_post (client_id y client_secret en el cuerpo)",
      };
      return;
    }

    try {
      if (path === "/api/v1/accounts/app/logout" || path === "/api/v1/accounts/app/logout/") {
        if (ctx.method !== "GET" && ctx.method !== "HEAD") {
          ctx.status = 405;
          ctx.set("Allow", "GET");
          return;
        }
        await logout(ctx);
        return;
      }

      const match = INTERACTION.exec(path);
      if (match) {
        await interaction(ctx, safeDecode(match[1]), match[2]);
        return;
      }
    } catch (error) {
      log(`claveunica-emulator: ${error?.stack ?? error}`);
      sendPage(ctx, 500, messagePage("Error interno", "El emulador no pudo procesar la solicitud."));
      return;
    }

    return next();
  };
}
