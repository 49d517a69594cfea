import type { Browser, BrowserContext, Page } from "@playwright/test";
import pg from "pg";
import { expect, signInAs } from "./fixtures";

/** The roles the portal has, each with a seeded person of the ClaveÚnica emulator (null: signed out). */
export const ROLES = [
  { role: "sin sesión", person: null },
  { role: "ciudadana", person: "Ana Pérez" },
  { role: "funcionario de institución", person: "Jorge Rojas" },
  { role: "administradora de institución", person: "Carolina Muñoz" },
  { role: "equipo de la plataforma", person: "Matías Tapia" },
] as const;

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 812 };

/** A browser context of its own (its own cookies), signed in as `person` unless null. */
export async function roleContext(browser: Browser, person: string | null, returnTo = "/cuenta"): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "es-CL", timezoneId: "America/Santiago" });
  const page = await context.newPage();
  if (person) {
    await signInAs(page, person, returnTo);
    await expect(page).toHaveURL((url) => url.pathname === returnTo);
  }
  return { context, page };
}

async function postJson(page: Page, path: string, data: unknown): Promise<Record<string, unknown>> {
  const res = await page.request.post(path, { headers: { Origin: new URL(page.url()).origin, "Content-Type": "application/json" }, data });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as Record<string, unknown>;
}

const REQUEST = {
  environment: "dev",
  type: "PERMANENTE",
  legalBasis: "Ley 19.880, de Bases de los Procedimientos Administrativos, artículo 17.",
  declaredVolume: 5000,
  mode: "EN_LINEA",
  requestedTps: 5,
};

/**
 * What the seed lacks for the pages with an id of their own, created through the API by the
 * Registro Civil's (SRCEI) administrator: a request it sent, a draft, and one of its nodes. SRCEI
 * as the consumer and these services (IPS, FONASA) are no other spec's, so no request collides
 * with theirs (one active request per institution, service and environment). `stamp` keeps the
 * node's name unique.
 */
export async function createPageData(browser: Browser, stamp: string): Promise<PageIds> {
  const carolina = await roleContext(browser, "Carolina Muñoz");
  try {
    const sent = await postJson(carolina.page, "/api/v1/agreements", { ...REQUEST, consumer: "SRCEI", service: "IPS/pgu/v2", procedures: ["CPAT-MDSF-0005"], submit: true });
    const draft = await postJson(carolina.page, "/api/v1/agreements", { ...REQUEST, consumer: "SRCEI", service: "FONASA/tramo/v1", procedures: ["CPAT-MDSF-0005"], submit: false });
    const node = await postJson(carolina.page, "/api/v1/nodes", { institution: "SRCEI", name: `nodo-recorrido-${stamp}`, environment: "dev", baseUrl: "https://nodo-recorrido.srcei.example" });
    // A confirmation link still to be used (a new own address for Carolina, never confirmed: the
    // crawl only opens the page), and an unsubscribe link of the request's mails.
    const put = await carolina.page.request.put("/api/v1/account/email", {
      headers: { Origin: new URL(carolina.page.url()).origin, "Content-Type": "application/json" },
      data: { email: `carolina.recorrido.${stamp}@example.com` },
    });
    expect(put.status(), await put.text()).toBe(200);
    return { sent: sent.id as string, draft: draft.id as string, node: (node.node as { id: string }).id, ...(await mailLinkTokens()) };
  } finally {
    await carolina.context.close();
  }
}

/** The ids and link tokens the pages are visited with. */
export type PageIds = { sent: string; draft: string; node: string; confirmToken?: string; unsubscribeToken?: string };

/** The tokens of the latest confirmation and unsubscribe links in the outbox (the mails are the only place they are). */
export async function mailLinkTokens(): Promise<{ confirmToken?: string; unsubscribeToken?: string }> {
  const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await db.connect();
  try {
    const latest = async (pattern: RegExp, like: string) => {
      const r = await db.query<{ text: string }>("SELECT text FROM mail_message WHERE text LIKE $1 ORDER BY created_at DESC LIMIT 1", [like]);
      return r.rows[0] ? pattern.exec(r.rows[0].text)?.[1] : undefined;
    };
    return {
      confirmToken: await latest(/\/correo\/confirmar\?t=([A-Za-z0-9_-]+)/, "%/correo/confirmar?t=%"),
      unsubscribeToken: await latest(/\/correo\/baja\?t=([A-Za-z0-9_.-]+)/, "%/correo/baja?t=%"),
    };
  } finally {
    await db.end();
  }
}

/**
 * Every page of the portal (each `app/**\/page.tsx`), its dynamic segments filled with real ids:
 * the seed's services, data items, institutions and terms, and `createPageData`'s agreements and
 * node, plus the API reference (/api/docs). The Registro Civil (SRCEI) is the institution whose
 * area is visited.
 */
export function everyPage(ids: PageIds): string[] {
  return [
    "/",
    "/catalogo",
    "/catalogo/SRCEI/identidad/v1",
    "/datos",
    "/datos/SRCEI/run",
    "/instituciones",
    "/instituciones/SRCEI",
    "/ingresar",
    "/ingresar/error?error=RunInvalido",
    "/cuenta",
    "/cuenta/correos",
    // The pages a mail links to: with a real link (nothing happens until their button is pressed), and with one that does not serve.
    `/correo/confirmar?t=${ids.confirmToken ?? "enlace-de-prueba"}`,
    "/correo/confirmar?t=enlace-que-no-sirve",
    `/correo/baja?t=${ids.unsubscribeToken ?? "enlace-de-prueba"}`,
    "/correo/baja?t=enlace-que-no-sirve",
    "/acuerdos/terminos",
    "/acuerdos/terminos/1",
    "/acuerdos/nuevo?servicio=SRCEI/identidad/v1",
    `/acuerdos/${ids.sent}`,
    `/acuerdos/${ids.draft}`,
    `/acuerdos/${ids.draft}/editar`,
    "/admin",
    "/admin/mediaciones",
    "/admin/equipo",
    "/admin/personas",
    "/admin/personas?q=registro",
    "/institucion",
    "/institucion/SRCEI",
    "/institucion/SRCEI/acuerdos",
    "/institucion/SRCEI/acuerdos?bandeja=enviadas",
    "/institucion/SRCEI/servicios",
    "/institucion/SRCEI/servicios/nuevo",
    "/institucion/SRCEI/servicios/identidad/v1",
    "/institucion/SRCEI/servicios/identidad/v1/editar",
    "/institucion/SRCEI/datos",
    "/institucion/SRCEI/datos/nuevo",
    "/institucion/SRCEI/datos/run",
    "/institucion/SRCEI/datos/run/editar",
    "/institucion/SRCEI/nodos",
    "/institucion/SRCEI/nodos/nuevo",
    `/institucion/SRCEI/nodos/${ids.node}`,
    "/institucion/SRCEI/notificaciones",
    "/institucion/SRCEI/personas",
    "/api/docs",
  ];
}

/** How much wider than the window the document is (0: it does not scroll sideways). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * The options of the page's selects whose text the select would not show whole, each selected in
 * turn: text wider than the select's room must wrap onto as many lines as it needs.
 */
export async function clippedOptions(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const canvas = document.createElement("canvas").getContext("2d")!;
    const clipped: string[] = [];
    // Folded filters too (the catalog's «Filtros y orden»).
    for (const details of document.querySelectorAll("details")) details.open = true;
    for (const select of document.querySelectorAll("select")) {
      const chosen = select.selectedIndex;
      const style = getComputedStyle(select);
      const fontSize = parseFloat(style.fontSize);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      for (const option of select.options) {
        select.selectedIndex = option.index;
        // The text's room: the box without its padding (the arrow's room is left as slack).
        const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const lines = Math.ceil((canvas.measureText(option.text).width - 1) / room);
        const height = select.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
        if (height < lines * fontSize) clipped.push(`#${select.id} «${option.text}»: ${lines} líneas en ${Math.round(height)} px`);
      }
      select.selectedIndex = chosen;
    }
    return clipped;
  });
}
