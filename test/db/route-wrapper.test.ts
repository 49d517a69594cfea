import { describe, expect, it } from "vitest";
import { defineOperation } from "@/lib/api/operation";
import { handle } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { z, zText } from "@/lib/zod";
import { call } from "../support/api";
import { errorBody, errorWith } from "../support/errors";

// A test operation exercising every branch of the wrapper against the real session resolution.
const op = defineOperation({
  operationId: "probe",
  method: "POST",
  path: "/api/v1/probe/{id}",
  tags: ["Plataforma"],
  description: "Operación de prueba del envoltorio.",
  summary: "probe",
  auth: "session",
  params: z.object({ id: z.string().regex(/^[a-z]+$/) }),
  body: z.object({ outcome: z.enum(["ok", "forbidden", "missing", "conflict", "crash", "bad-response", "undocumented"]), n: z.number().int().min(1), name: zText().optional(), data: z.unknown().optional() }),
  response: z.object({ id: z.string(), run: z.string() }),
  errors: ["forbidden", "invalid_transition"],
});

const handler = handle(op, async ({ params, body, actor }) => {
  switch (body.outcome) {
    case "forbidden":
      throw new AppError("forbidden");
    case "missing":
      throw new AppError("not_found");
    case "conflict":
      throw new AppError("invalid_transition", "El recurso está en estado ENVIADA.");
    case "crash":
      throw new Error("secret internal detail at /srv/app.ts:12");
    case "bad-response":
      return { id: params.id } as never;
    case "undocumented":
      throw new AppError("node_revoked");
    default:
      return { id: params.id, run: actor.run };
  }
});

const post = (body: unknown, opts: { as?: string; id?: string; headers?: Record<string, string> } = {}) =>
  call(handler, `/api/v1/probe/${opts.id ?? "abc"}`, { method: "POST", params: { id: opts.id ?? "abc" }, body, as: opts.as, headers: opts.headers });

const CITIZEN = "11111111-1";

describe("route wrapper", () => {
  it("passes the signed-in actor to the service", async () => {
    const r = await post({ outcome: "ok", n: 1 }, { as: CITIZEN });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ id: "abc", run: CITIZEN });
  });

  it("401 without a session, or with a session for an unknown person or a forged token", async () => {
    expect((await post({ outcome: "ok", n: 1 })).json).toEqual(errorBody("unauthenticated", "Debe iniciar sesión para realizar esta acción."));
    expect((await post({ outcome: "ok", n: 1 }, { as: "22222222-2" })).status).toBe(401);
    const forged = await call(handler, "/api/v1/probe/abc", {
      method: "POST",
      params: { id: "abc" },
      body: { outcome: "ok", n: 1 },
      headers: { cookie: "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..x.y.z" },
    });
    expect(forged.status).toBe(401);
  });

  it("maps domain errors to 403, 404 and 409 with their codes", async () => {
    expect((await post({ outcome: "forbidden", n: 1 }, { as: CITIZEN })).json).toMatchObject(errorWith("forbidden"));
    expect((await post({ outcome: "missing", n: 1 }, { as: CITIZEN })).status).toBe(404);
    const c = await post({ outcome: "conflict", n: 1 }, { as: CITIZEN });
    expect(c.status).toBe(409);
    expect(c.json).toEqual(errorBody("invalid_transition", "El recurso está en estado ENVIADA."));
  });

  it("422 with field paths for an invalid body, 422 for malformed JSON, 415 for another content type", async () => {
    const r = await post({ outcome: "nope", n: 0 }, { as: CITIZEN });
    expect(r.status).toBe(422);
    expect(r.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["n", "outcome"]);
    expect((await post("{not json", { as: CITIZEN })).status).toBe(422);
    const text = await post("hola", { as: CITIZEN, headers: { "content-type": "text/plain" } });
    expect(text.status).toBe(415);
    expect(text.json).toMatchObject(errorWith("unsupported_media_type"));
  });

  it("an anonymous write gets 401 before its body is read or validated", async () => {
    for (const body of [{ outcome: "nope" }, "{not json", "x".repeat(1_100_000)]) {
      const r = await post(body);
      expect(r.status).toBe(401);
      expect(r.json).toMatchObject(errorWith("unauthenticated"));
      expect(r.json.error.issues).toBeUndefined();
    }
    expect((await post("hola", { headers: { "content-type": "text/plain" } })).status).toBe(401);
  });

  it("only application/json (optionally charset=utf-8) is read as JSON", async () => {
    for (const type of ["application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8", 'application/json; charset="utf-8"']) {
      expect((await post({ outcome: "ok", n: 1 }, { as: CITIZEN, headers: { "content-type": type } })).status, type).toBe(200);
    }
    for (const type of ["application/json; charset=utf-16", "application/json; charset=latin1", "application/merge-patch+json", "application/jsonx", "text/json", "application/json; boundary=x"]) {
      const r = await post({ outcome: "ok", n: 1 }, { as: CITIZEN, headers: { "content-type": type } });
      expect(r.status, type).toBe(415);
      expect(r.json).toMatchObject(errorWith("unsupported_media_type"));
    }
  });

  it("422 naming the field for NUL, lone surrogates, control and bidi characters; tab and new line are text", async () => {
    for (const name of ["a\u0000b", "a\ud800b", "a\u001bb", "a\u202eb", "a\u2067b", "a\u0085b"]) {
      const r = await post({ outcome: "ok", n: 1, name }, { as: CITIZEN });
      expect(r.status, name).toBe(422);
      expect(r.json.error.issues[0].path).toBe("name");
    }
    expect((await post({ outcome: "ok", n: 1, name: "línea 1\n\tlínea 2\r\n" }, { as: CITIZEN })).status).toBe(200);
    // Anywhere in the body, even where the type is free (PostgreSQL stores neither NUL nor half a character).
    const nul = await post('{"outcome":"ok","n":1,"data":{"a":[1,"x\\u0000"]}}', { as: CITIZEN });
    expect(nul.status).toBe(422);
    expect(nul.json.error.issues[0].path).toBe("data.a.1");
    const key = await post('{"outcome":"ok","n":1,"data":{"\\ud800":1}}', { as: CITIZEN });
    expect(key.status).toBe(422);
  });

  it("422 for invalid UTF-8 and for nesting deeper than 64 levels, never 500", async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{"outcome":"ok","n":1,"name":"'), 0xff, 0xfe, ...new TextEncoder().encode('"}')]);
    const bad = await call(handler, "/api/v1/probe/abc", { method: "POST", params: { id: "abc" }, body: bytes, as: CITIZEN, headers: { "content-type": "application/json" } });
    expect(bad.status).toBe(422);
    const deep = `{"outcome":"ok","n":1,"data":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    for (const body of [deep, `{"outcome":"ok","n":1,"data":${"[".repeat(65)}${"]".repeat(65)}}`]) {
      const r = await post(body, { as: CITIZEN });
      expect(r.status).toBe(422);
      expect(r.json.error.issues[0].message).toMatch(/Anidamiento excesivo/);
    }
    expect((await post(`{"outcome":"ok","n":1,"data":${"[".repeat(60)}${"]".repeat(60)}}`, { as: CITIZEN })).status).toBe(200);
  });

  it("a code the operation does not document is a 500 in tests (the documentation would be wrong)", async () => {
    const r = await post({ outcome: "undocumented", n: 1 }, { as: CITIZEN });
    expect(r.status).toBe(500);
  });

  it("406 when Accept excludes JSON; any Accept that admits it is fine", async () => {
    for (const accept of ["application/json", "*/*", "application/*", "text/html,application/xhtml+xml,*/*;q=0.8"]) {
      expect((await post({ outcome: "ok", n: 1 }, { as: CITIZEN, headers: { accept } })).status, accept).toBe(200);
    }
    for (const accept of ["text/html", "application/xml", "application/json;q=0"]) {
      const r = await post({ outcome: "ok", n: 1 }, { as: CITIZEN, headers: { accept } });
      expect(r.status, accept).toBe(406);
      expect(r.json).toMatchObject(errorWith("not_acceptable"));
    }
  });

  it("413 for a body over 1 MB", async () => {
    const r = await post({ outcome: "ok", n: 1, pad: "x".repeat(1_100_000) }, { as: CITIZEN });
    expect(r.status).toBe(413);
    expect(r.json).toMatchObject(errorWith("payload_too_large"));
  });

  it("404 for a malformed path parameter", async () => {
    expect((await post({ outcome: "ok", n: 1 }, { as: CITIZEN, id: "ABC" })).status).toBe(404);
  });

  it("500 without any detail for an unexpected error, or a response that breaks its own schema", async () => {
    for (const outcome of ["crash", "bad-response"]) {
      const r = await post({ outcome, n: 1 }, { as: CITIZEN });
      expect(r.status).toBe(500);
      expect(r.json).toEqual(errorBody("internal", "Ocurrió un error interno. Intente nuevamente más tarde."));
    }
  });
});
