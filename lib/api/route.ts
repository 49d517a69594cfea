import "server-only";
import crypto from "node:crypto";
import type { NextRequest } from "next/server";
import type { Auth, Operation } from "@/lib/api/operation";
import type { TErrorBody } from "@/lib/api/error-body";
import { actorFromCookies, type Actor } from "@/lib/auth/session";
import { AppError, type ErrorIssue } from "@/lib/errors";
import { log } from "@/lib/log";
import { z } from "@/lib/zod";

const MAX_JSON_BODY_BYTES = 1_000_000;

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

type Ctx<Q, P, B, A extends Auth> = {
  query: Out<Q>;
  params: Out<P>;
  body: Out<B>;
  /** The signed-in person (always present for `auth: "session"`). Services check permissions with it. */
  actor: A extends "session" ? Actor : Actor | null;
  req: NextRequest;
  requestId: string;
};

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export function errorResponse(status: number, body: TErrorBody, requestId: string, headers?: HeadersInit): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", "X-Request-Id": requestId, ...headers } });
}

export function zodIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(raíz)", message: i.message }));
}

function queryObject(req: NextRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of req.nextUrl.searchParams) if (!(k in out)) out[k] = v;
  return out;
}

async function readJsonBody(req: NextRequest): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new AppError("unsupported_media_type", "El cuerpo debe ser JSON (Content-Type: application/json).", 415);
  }
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_JSON_BODY_BYTES) throw new AppError("payload_too_large", "El cuerpo excede el tamaño máximo (1 MB).", 413);
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_JSON_BODY_BYTES) throw new AppError("payload_too_large", "El cuerpo excede el tamaño máximo (1 MB).", 413);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("validation_failed", "El cuerpo no es JSON válido.", 422, [{ path: "(cuerpo)", message: "JSON mal formado" }]);
  }
}

/**
 * The route wrapper: parses path, query and body with the operation's zod schemas, resolves the
 * session, calls the service and maps every error to `{ error: { code, message, issues? } }`
 * (401, 403, 404, 409, 413, 415, 422; anything unexpected is logged and answered 500 without detail).
 */
export function handle<Q extends z.ZodType | undefined, P extends z.ZodType | undefined, B extends z.ZodType | undefined, R extends z.ZodType, A extends Auth>(
  op: Operation<Q, P, B, R, A>,
  impl: (ctx: Ctx<Q, P, B, A>) => Promise<z.input<R> | Response>,
) {
  return async (req: NextRequest, routeCtx: RouteContext): Promise<Response> => {
    const requestId = crypto.randomUUID();
    try {
      let params: unknown = undefined;
      if (op.params) {
        const parsed = op.params.safeParse(await routeCtx.params);
        // A path that names nothing valid names nothing that exists.
        if (!parsed.success) throw new AppError("not_found", "El recurso solicitado no existe.", 404);
        params = parsed.data;
      }
      let query: unknown = undefined;
      if (op.query) {
        const parsed = op.query.safeParse(queryObject(req));
        if (!parsed.success) throw new AppError("validation_failed", "Los parámetros de la consulta no son válidos.", 422, zodIssues(parsed.error));
        query = parsed.data;
      }
      let body: unknown = undefined;
      if (op.body) {
        const parsed = op.body.safeParse(await readJsonBody(req));
        if (!parsed.success) throw new AppError("validation_failed", "Los datos enviados no son válidos.", 422, zodIssues(parsed.error));
        body = parsed.data;
      }
      const actor = await actorFromCookies(req.cookies);
      if (op.auth === "session" && !actor) throw new AppError("unauthenticated", "Debe iniciar sesión para realizar esta acción.", 401);

      const result = await impl({ query, params, body, actor, req, requestId } as Ctx<Q, P, B, A>);
      if (result instanceof Response) return result;
      if (process.env.PISEE_CHECK_RESPONSES === "1") op.response.parse(result);
      return Response.json(result, {
        status: op.successStatus ?? 200,
        headers: { "Cache-Control": "no-store", "X-Request-Id": requestId },
      });
    } catch (err) {
      if (err instanceof AppError) {
        const body: TErrorBody = { error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } };
        return errorResponse(err.status, body, requestId);
      }
      log.error({ requestId, operation: op.operationId, err: err instanceof Error ? { message: err.message, stack: err.stack } : String(err) }, "unhandled API error");
      return errorResponse(500, { error: { code: "internal", message: "Ocurrió un error interno. Intente nuevamente más tarde." } }, requestId);
    }
  };
}
