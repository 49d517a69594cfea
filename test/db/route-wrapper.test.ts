import { describe, expect, it } from "vitest";
import { defineOperation } from "@/lib/api/operation";
import { handle } from "@/lib/api/route";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { z } from "@/lib/zod";
import { call } from "../support/api";

// A test operation exercising every branch of the wrapper against the real session resolution.
const op = defineOperation({
  operationId: "probe",
  method: "POST",
  path: "/api/v1/probe/{id}",
  tags: ["test"],
  summary: "probe",
  auth: "session",
  params: z.object({ id: z.string().regex(/^[a-z]+$/) }),
  body: z.object({ outcome: z.enum(["ok", "forbidden", "missing", "conflict", "crash", "bad-response"]), n: z.number().int().min(1) }),
  response: z.object({ id: z.string(), run: z.string() }),
  errors: [401, 403, 404, 409, 422],
});

const handler = handle(op, async ({ params, body, actor }) => {
  switch (body.outcome) {
    case "forbidden":
      throw new ForbiddenError();
    case "missing":
      throw new NotFoundError();
    case "conflict":
      throw new ConflictError("El recurso está en estado ENVIADA.", "invalid_transition");
    case "crash":
      throw new Error("secret internal detail at /srv/app.ts:12");
    case "bad-response":
      return { id: params.id } as never;
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
    expect((await post({ outcome: "ok", n: 1 })).json).toEqual({ error: { code: "unauthenticated", message: "Debe iniciar sesión para realizar esta acción." } });
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
    expect((await post({ outcome: "forbidden", n: 1 }, { as: CITIZEN })).json.error.code).toBe("forbidden");
    expect((await post({ outcome: "missing", n: 1 }, { as: CITIZEN })).status).toBe(404);
    const c = await post({ outcome: "conflict", n: 1 }, { as: CITIZEN });
    expect(c.status).toBe(409);
    expect(c.json).toEqual({ error: { code: "invalid_transition", message: "El recurso está en estado ENVIADA." } });
  });

  it("422 with field paths for an invalid body, 422 for malformed JSON, 415 for another content type", async () => {
    const r = await post({ outcome: "nope", n: 0 }, { as: CITIZEN });
    expect(r.status).toBe(422);
    expect(r.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["n", "outcome"]);
    expect((await post("{not json", { as: CITIZEN })).status).toBe(422);
    const text = await post("hola", { as: CITIZEN, headers: { "content-type": "text/plain" } });
    expect(text.status).toBe(415);
    expect(text.json.error.code).toBe("unsupported_media_type");
  });

  it("413 for a body over 1 MB", async () => {
    const r = await post({ outcome: "ok", n: 1, pad: "x".repeat(1_100_000) }, { as: CITIZEN });
    expect(r.status).toBe(413);
    expect(r.json.error.code).toBe("payload_too_large");
  });

  it("404 for a malformed path parameter", async () => {
    expect((await post({ outcome: "ok", n: 1 }, { as: CITIZEN, id: "ABC" })).status).toBe(404);
  });

  it("500 without any detail for an unexpected error, or a response that breaks its own schema", async () => {
    for (const outcome of ["crash", "bad-response"]) {
      const r = await post({ outcome, n: 1 }, { as: CITIZEN });
      expect(r.status).toBe(500);
      expect(r.json).toEqual({ error: { code: "internal", message: "Ocurrió un error interno. Intente nuevamente más tarde." } });
    }
  });
});
