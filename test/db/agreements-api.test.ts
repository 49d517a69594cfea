import { afterEach, describe, expect, it } from "vitest";
import * as docs from "@/app/api/v1/agreements/[id]/documents/route";
import * as doc from "@/app/api/v1/agreements/[id]/documents/[documentId]/route";
import * as one from "@/app/api/v1/agreements/[id]/route";
import * as transitions from "@/app/api/v1/agreements/[id]/transitions/route";
import * as collection from "@/app/api/v1/agreements/route";
import * as notifications from "@/app/api/v1/notifications/route";
import { listAgreementsInForce } from "@/lib/agreements/service";
import { clock } from "@/lib/clock";
import { call } from "../support/api";
import { minimalPdf } from "../support/pdf";
import { errorBody, errorWith } from "../support/errors";

const MUN_ADMIN = "15234567-4"; // Municipalidad de Santiago, admin and head of service
const MUN_STAFF = "16543210-K";
const SRCEI_HEAD = "12345678-5"; // SRCEI admin and head of service
const SRCEI_STAFF = "13579246-2";
const MDSF_ADMIN = "17654321-3";
const PLATFORM = "10987654-2";
const CITIZEN = "11111111-1";

afterEach(() => clock.set(null));

const request = (overrides: Record<string, unknown> = {}) => ({
  consumer: "MUN-SANTIAGO",
  service: "SRCEI/certificado-nacimiento/v1",
  environment: "dev",
  type: "SERVICIO",
  procedures: ["CPAT-MUN-0101"],
  legalBasis: "Decreto Ley 3.063, de Rentas Municipales, art. 12",
  declaredVolume: 2000,
  mode: "EN_LINEA",
  requestedTps: 10,
  ...overrides,
});

const create = (body: unknown, as = MUN_ADMIN) => call(collection.POST, "/api/v1/agreements", { method: "POST", body, as });
const get = (id: string, as = MUN_ADMIN) => call(one.GET, `/api/v1/agreements/${id}`, { params: { id }, as });
const act = (id: string, as: string, body: Record<string, unknown>) => call(transitions.POST, `/api/v1/agreements/${id}/transitions`, { method: "POST", params: { id }, body, as });

async function pdfUpload(id: string, as: string, bytes: Uint8Array, type = "application/pdf", name = "terminos.pdf") {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], name, { type }));
  const req = new Request(`http://localhost:3999/api/v1/agreements/${id}/documents`, { method: "POST", body: form });
  const body = new Uint8Array(await req.arrayBuffer());
  return call(docs.POST, `/api/v1/agreements/${id}/documents`, {
    method: "POST",
    params: { id },
    body,
    as,
    headers: { "content-type": req.headers.get("content-type")!, "content-length": String(body.byteLength) },
  });
}

describe("an agreement from request to in force", () => {
  it("request, review, acceptance with TPS 20, both signatures, in force; with its timeline", async () => {
    clock.set(new Date("2026-11-26T15:00:00Z")); // Thursday, 12:00 in Santiago
    const draft = await create(request(), MUN_STAFF);
    expect(draft.status).toBe(201);
    expect(draft.json).toMatchObject({ status: "BORRADOR", consumer: { code: "MUN-SANTIAGO" }, provider: { code: "SRCEI" }, number: expect.stringMatching(/^ACU-2026-\d{6}$/) });
    const id = draft.json.id as string;
    // A draft is the consumer's own business until it is sent: the provider cannot read it.
    expect((await get(id, SRCEI_HEAD)).status).toBe(404);
    expect((await get(id, PLATFORM)).status).toBe(404);

    expect((await act(id, MUN_STAFF, { action: "submit" })).status).toBe(403); // staff prepare, admins submit
    const sent = await act(id, MUN_ADMIN, { action: "submit" });
    expect(sent.json.status).toBe("ENVIADA");
    expect(sent.json.dueAt).toBe("2026-12-19T02:59:59.999Z"); // 15 business days: Fri 18 Dec, 23:59 in Santiago
    expect(sent.json.businessDaysLeft).toBe(15);

    expect((await act(id, SRCEI_STAFF, { action: "take_up" })).status).toBe(403);
    expect((await act(id, SRCEI_HEAD, { action: "accept", grantedTps: 20 })).json.error.message).toContain("Enviada (ENVIADA)");
    expect((await act(id, SRCEI_HEAD, { action: "take_up" })).json.status).toBe("EN_REVISION");
    const tooMuch = await act(id, SRCEI_HEAD, { action: "accept", grantedTps: 5000 });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.json.error.issues[0].path).toBe("grantedTps");
    const accepted = await act(id, SRCEI_HEAD, { action: "accept", grantedTps: 20, grantedAvailability: 99.5 });
    expect(accepted.json).toMatchObject({ status: "PENDIENTE_FIRMA", grantedTps: 20, grantedAvailability: 99.5, terms: { kind: "STANDARD", standardVersion: 1 } });
    expect(accepted.json.terms.sha256).toMatch(/^[0-9a-f]{64}$/);

    // Only heads of service sign, each for their own side, once.
    expect((await act(id, SRCEI_STAFF, { action: "sign" })).status).toBe(403);
    expect((await act(id, PLATFORM, { action: "sign" })).status).toBe(403);
    const first = await act(id, SRCEI_HEAD, { action: "sign" });
    expect(first.json.status).toBe("PENDIENTE_FIRMA");
    expect(first.json.signatures.map((s: { side: string }) => s.side)).toEqual(["PROVIDER"]);
    expect((await act(id, SRCEI_HEAD, { action: "sign" })).status).toBe(409);
    clock.set(new Date("2026-11-27T13:00:00Z"));
    const inForce = await act(id, MUN_ADMIN, { action: "sign" });
    expect(inForce.json).toMatchObject({ status: "VIGENTE", inForceSince: "2026-11-27T13:00:00.000Z" });
    expect(inForce.json.signatures.every((s: { termsSha256: string }) => s.termsSha256 === accepted.json.terms.sha256)).toBe(true);
    expect(inForce.json.events.map((e: { action: string; from: string | null; to: string }) => `${e.action}:${e.from ?? "-"}>${e.to}`)).toEqual([
      "create:->BORRADOR",
      "submit:BORRADOR>ENVIADA",
      "take_up:ENVIADA>EN_REVISION",
      "accept:EN_REVISION>ACEPTADA",
      "await_signatures:ACEPTADA>PENDIENTE_FIRMA",
      "sign:PENDIENTE_FIRMA>PENDIENTE_FIRMA",
      "sign:PENDIENTE_FIRMA>PENDIENTE_FIRMA",
      "in_force:PENDIENTE_FIRMA>VIGENTE",
    ]);
    expect(inForce.json.events[1].actor).toBe("Patricia Isabel González Vera");

    // Both institutions see it; nobody else does.
    expect((await get(id, SRCEI_STAFF)).json.status).toBe("VIGENTE");
    expect((await get(id, MDSF_ADMIN)).status).toBe(404);
    expect((await get(id, CITIZEN)).status).toBe(404);
    expect((await get(id, PLATFORM)).status).toBe(200);

    // The nodes' view: in force in dev with the granted TPS.
    expect(await listAgreementsInForce("dev")).toContainEqual({ id, consumer: "MUN-SANTIAGO", service: "SRCEI/certificado-nacimiento/v1", tps: 20, validUntil: null });

    // Notifications along the way.
    const provider = await call(notifications.GET, "/api/v1/notifications?institution=SRCEI", { as: SRCEI_STAFF });
    expect(provider.json.data.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(["SOLICITUD_NUEVA", "FIRMA_REQUERIDA", "ACUERDO_VIGENTE"]));
    // The environment by the name every page uses ("Desarrollo"), never its code ("dev").
    const bodies = provider.json.data.filter((n: { agreementId: string }) => n.agreementId === id).map((n: { body: string }) => n.body);
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) expect(body).toContain("(Desarrollo)");
    for (const body of bodies) expect(body).not.toContain("(dev)");
    const platform = await call(notifications.GET, "/api/v1/notifications", { as: PLATFORM });
    expect(platform.json.data.some((n: { kind: string; agreementId: string }) => n.kind === "SOLICITUD_NUEVA" && n.agreementId === id)).toBe(true);
    expect((await call(notifications.GET, "/api/v1/notifications?institution=SRCEI", { as: MUN_ADMIN })).status).toBe(403);

    // Suspend, resume, terminate: reasons required; the other party is told.
    expect((await act(id, SRCEI_HEAD, { action: "suspend" })).status).toBe(422);
    const suspended = await act(id, SRCEI_HEAD, { action: "suspend", reason: "Mantención del servicio" });
    expect(suspended.json).toMatchObject({ status: "SUSPENDIDA", suspendedBy: "PROVIDER" });
    expect(await listAgreementsInForce("dev")).not.toContainEqual(expect.objectContaining({ id }));
    // Only the party that suspended, or the platform team, lifts a suspension.
    expect((await get(id, MUN_ADMIN)).json.allowedActions).toEqual(["terminate"]);
    const byConsumer = await act(id, MUN_ADMIN, { action: "resume", reason: "Lo necesitamos" });
    expect(byConsumer.status).toBe(403);
    expect(byConsumer.json.error.message).toContain("la institución proveedora");
    expect(await listAgreementsInForce("dev")).not.toContainEqual(expect.objectContaining({ id }));
    expect((await act(id, SRCEI_HEAD, { action: "resume", reason: "Terminó la mantención" })).json).toMatchObject({ status: "VIGENTE", suspendedBy: null });
    expect((await act(id, MUN_ADMIN, { action: "suspend", reason: "Auditoría interna" })).json.suspendedBy).toBe("CONSUMER");
    expect((await act(id, SRCEI_HEAD, { action: "resume", reason: "x" })).status).toBe(403);
    expect((await act(id, MUN_ADMIN, { action: "resume", reason: "Terminó la auditoría" })).json.status).toBe("VIGENTE");
    expect((await act(id, PLATFORM, { action: "suspend", reason: "Incidente de seguridad" })).json.suspendedBy).toBe("PLATFORM");
    for (const who of [MUN_ADMIN, SRCEI_HEAD]) expect((await act(id, who, { action: "resume", reason: "x" })).status).toBe(403);
    const resumed = await act(id, PLATFORM, { action: "resume", reason: "Incidente resuelto" });
    expect(resumed.json.status).toBe("VIGENTE");
    expect(resumed.json.events.filter((e: { action: string }) => e.action === "suspend").map((e: { data: { suspendedBy: string } }) => e.data.suspendedBy)).toEqual(["PROVIDER", "CONSUMER", "PLATFORM"]);
    expect((await act(id, MUN_ADMIN, { action: "terminate", reason: "Ya no se necesita" })).json.status).toBe("TERMINADA");
    expect((await act(id, MUN_ADMIN, { action: "resume", reason: "x" })).status).toBe(409);
  });
});

describe("rules of a request", () => {
  it("an institution may not request its own service; prod needs dev in force; a second active request is a conflict", async () => {
    const own = await create(request({ consumer: "SRCEI" }), SRCEI_HEAD);
    expect(own.status).toBe(422);
    expect(own.json.error.issues[0]).toEqual({ path: "service", message: "Una institución no puede solicitar acceso a su propio servicio." });

    const prod = await create(request({ service: "SRCEI/identidad/v1", environment: "prod" }));
    expect(prod.status).toBe(409);
    expect(prod.json).toMatchObject(errorWith("dev_agreement_required"));

    expect((await create(request({ service: "SRCEI/identidad/v1" }))).status).toBe(201);
    const again = await create(request({ service: "SRCEI/identidad/v1", submit: true }));
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject(errorWith("duplicate_request"));
  });

  it("an end date between 1900 and 2999: year 0000 and 9999-12-31 are refused with 422, never a 500", async () => {
    for (const requestedUntil of ["0000-02-29", "9999-12-31", "3000-01-01"]) {
      const r = await create(request({ service: "FONASA/beneficiarios-por-tramo/v1", procedures: ["CPAT-MUN-0210"], requestedUntil, submit: true }));
      expect(r.status, requestedUntil).toBe(422);
      expect(r.json.error.issues[0].path).toBe("requestedUntil");
    }
  });

  it("an outsider cannot prepare requests for an institution", async () => {
    expect((await create(request(), MDSF_ADMIN)).status).toBe(403);
    expect((await create(request(), CITIZEN)).status).toBe(403);
    expect((await call(collection.POST, "/api/v1/agreements", { method: "POST", body: request() })).status).toBe(401);
  });

  it("open data (automatic approval) is in force as soon as it is sent, without signatures", async () => {
    const r = await create(request({ service: "FONASA/beneficiarios-por-tramo/v1", procedures: ["CPAT-MDSF-0005"], submit: true }));
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ status: "VIGENTE", grantedTps: 10, signatures: [] });
    expect(r.json.events.map((e: { action: string }) => e.action)).toEqual(["create", "submit", "automatic_approval"]);
  });
});

describe("deadlines and mediation", () => {
  it("unanswered past its deadline it expires (on read and by the job), then goes to mediation", async () => {
    clock.set(new Date("2026-11-26T15:00:00Z"));
    const sent = await create(request({ service: "SII/situacion-tributaria/v1", procedures: ["CPAT-MUN-0210"], submit: true }));
    expect(sent.status, JSON.stringify(sent.json)).toBe(201);
    const id = sent.json.id as string;
    // The provider may extend once, by 5 business days.
    const ext = await act(id, "9876543-3", { action: "extend", reason: "x" });
    expect(ext.status).toBe(403); // SII staff, not admin
    clock.set(new Date("2026-12-19T02:59:59.999Z")); // the last instant of the deadline
    expect((await get(id)).json.status).toBe("ENVIADA");
    expect((await get(id)).json.businessDaysLeft).toBe(0);
    clock.set(new Date("2026-12-19T03:00:00.000Z"));
    const expired = await get(id);
    expect(expired.json.status).toBe("VENCIDA");
    expect(expired.json.events.at(-1)).toMatchObject({ action: "expire", from: "ENVIADA", to: "VENCIDA", actor: null });

    expect((await act(id, MUN_STAFF, { action: "request_mediation", reason: "Sin respuesta" })).status).toBe(403);
    expect((await act(id, MUN_ADMIN, { action: "request_mediation", reason: "El SII no respondió en plazo" })).json.status).toBe("EN_MEDIACION");
    expect((await act(id, MUN_ADMIN, { action: "mediate_reject", reason: "x" })).status).toBe(403); // only the platform decides
    expect((await act(id, SRCEI_HEAD, { action: "mediate_reject", reason: "x" })).status).toBe(404); // not a party: it does not exist for SRCEI
    const decided = await act(id, PLATFORM, { action: "mediate_accept", reason: "La base legal es suficiente", grantedTps: 5 });
    expect(decided.json).toMatchObject({ status: "PENDIENTE_FIRMA", grantedTps: 5 });
  });

  it("the provider extends once by 5 business days; a second extension is refused", async () => {
    clock.set(new Date("2026-11-26T15:00:00Z"));
    const sent = await create(request({ service: "SRCEI/discapacidad/v1", procedures: ["CPAT-MDSF-0005"], submit: true }));
    const id = sent.json.id as string;
    const ext = await act(id, SRCEI_HEAD, { action: "extend", reason: "Requiere revisión jurídica" });
    expect(ext.json).toMatchObject({ status: "ENVIADA", extended: true, dueAt: "2026-12-29T02:59:59.999Z" }); // Mon 28 Dec
    expect(ext.json.events.at(-1)).toMatchObject({ action: "extend", from: "ENVIADA", to: "ENVIADA", reason: "Requiere revisión jurídica" });
    const again = await act(id, SRCEI_HEAD, { action: "extend", reason: "otra vez" });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject(errorWith("already_extended"));
    // Rejection needs a reason, and only from review.
    expect((await act(id, SRCEI_HEAD, { action: "reject", reason: "x" })).status).toBe(409);
    await act(id, SRCEI_HEAD, { action: "take_up" });
    expect((await act(id, SRCEI_HEAD, { action: "reject" })).status).toBe(422);
    const rejected = await act(id, SRCEI_HEAD, { action: "reject", reason: "Falta el consentimiento en el trámite" });
    expect(rejected.json.status).toBe("RECHAZADA");
    expect((await act(id, PLATFORM, { action: "mediate_reject", reason: "x" })).status).toBe(409); // not in mediation yet
  });
});

describe("documents", () => {
  it("accepts PDFs up to 10 MB from the parties, refuses anything else, and fixes the terms at acceptance", async () => {
    const sent = await create(request({ service: "MINEDUC/matricula-escolar/v1", procedures: ["CPAT-JUNAEB-0012"], submit: true }));
    const id = sent.json.id as string;
    const pdf = minimalPdf(["Términos del acuerdo", "Anexo"]);
    const up = await pdfUpload(id, MUN_STAFF, pdf);
    expect(up.status).toBe(201);
    const d = up.json.documents[0];
    expect(d).toMatchObject({ filename: "terminos.pdf", size: pdf.byteLength, uploadedBy: "José Miguel Núñez Castro" });

    expect((await pdfUpload(id, MUN_STAFF, new TextEncoder().encode("hola"), "text/plain", "nota.txt")).status).toBe(422);
    expect((await pdfUpload(id, MUN_STAFF, new TextEncoder().encode("no soy un pdf"), "application/pdf")).status).toBe(422);
    // A PDF header in front of anything else is not a PDF, nor is one without pages.
    const fake = new Uint8Array(12 * 1024 * 1024);
    fake.fill(0x20);
    fake.set(new TextEncoder().encode("%PDF-1.7\n"));
    for (const bytes of [fake.subarray(0, 9 * 1024 * 1024), new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"), minimalPdf([])]) {
      const r = await pdfUpload(id, MUN_STAFF, bytes);
      expect(r.status).toBe(422);
      expect(r.json.error.issues[0]).toEqual({ path: "file", message: "El archivo no es un PDF legible con al menos una página." });
    }
    // Over 10 MB: 413, refused from Content-Length before anything is read.
    const tooBig = await pdfUpload(id, MUN_STAFF, fake);
    expect(tooBig.status).toBe(413);
    expect(tooBig.json.error).toEqual(errorBody("payload_too_large", "El archivo supera el máximo de 10 MB.").error);
    const noLength = await call(docs.POST, `/api/v1/agreements/${id}/documents`, { method: "POST", params: { id }, body: "x", as: MUN_STAFF, headers: { "content-type": "multipart/form-data; boundary=x" } });
    expect(noLength.status).toBe(411);
    const notMultipart = await call(docs.POST, `/api/v1/agreements/${id}/documents`, { method: "POST", params: { id }, body: "x", as: MUN_STAFF, headers: { "content-type": "application/pdf", "content-length": "1" } });
    expect(notMultipart.status).toBe(415);
    expect((await pdfUpload(id, MDSF_ADMIN, pdf)).status).toBe(404);

    const download = await call(doc.GET, `/x`, { params: { id, documentId: d.id }, as: "6543210-2" }); // MINEDUC, the provider
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("etag")).toBe(`"${d.sha256}"`);
    expect((await call(doc.GET, `/x`, { params: { id, documentId: d.id }, as: CITIZEN })).status).toBe(404);

    await act(id, "6543210-2", { action: "take_up" }).then((r) => expect(r.status).toBe(403)); // MINEDUC staff
  });
});
