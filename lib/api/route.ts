import "server-only";
import crypto from "node:crypto";
import Negotiator from "negotiator";
import type { NextRequest } from "next/server";
import { answerableCodes, type Auth, type Operation } from "@/lib/api/operation";
import type { TErrorBody } from "@/lib/api/error-body";
import { readJsonBody } from "@/lib/api/json-body";
import { actorFromCookies, type Actor } from "@/lib/auth/session";
import { AppError, ERROR_CODES, type ErrorCode, type ErrorIssue } from "@/lib/errors";
import { log } from "@/lib/log";
import type { z } from "@/lib/zod";

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

/** The one error answer for a code of ERROR_CODES. */
export function errorBodyFor(code: ErrorCode, message?: string, issues?: ErrorIssue[]): TErrorBody {
  return { error: { code, message: message ?? ERROR_CODES[code].message, ...(issues ? { issues } : {}) } };
}

export function zodIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(raíz)", message: i.message }));
}

function queryObject(req: NextRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of req.nextUrl.searchParams) if (!(k in out)) out[k] = v;
  return out;
}

/** Tests check that an operation answers only the codes it documents (PISEE_CHECK_RESPONSES=1). */
const STRICT = () => process.env.PISEE_CHECK_RESPONSES === "1";

/**
 * The route wrapper: resolves the session first (an anonymous write learns nothing about the
 * schema: 401 before any parsing), then parses path, query and body with the operation's zod
 * schemas, calls the service and maps every error to `{ error: { code, message, issues? } }`
 * with the status of ERROR_CODES; anything unexpected is logged and answered 500 without detail.
 */
export function handle<Q extends z.ZodType | undefined, P extends z.ZodType | undefined, B extends z.ZodType | undefined, R extends z.ZodType, A extends Auth>(
  op: Operation<Q, P, B, R, A>,
  impl: (ctx: Ctx<Q, P, B, A>) => Promise<z.input<R> | Response>,
) {
  const answerable = new Set(answerableCodes(op as Operation));
  return async (req: NextRequest, routeCtx: RouteContext): Promise<Response> => {
    const requestId = crypto.randomUUID();
    try {
      const accept = req.headers.get("accept");
      if (accept && !new Negotiator({ headers: { accept } }).mediaType([op.responseMedia ?? "application/json"])) throw new AppError("not_acceptable");
      const actor = await actorFromCookies(req.cookies);
      if (op.auth === "session" && !actor) throw new AppError("unauthenticated");
      let params: unknown = undefined;
      if (op.params) {
        const parsed = op.params.safeParse(await routeCtx.params);
        // A path that names nothing valid names nothing that exists.
        if (!parsed.success) throw new AppError("not_found");
        params = parsed.data;
      }
      let query: unknown = undefined;
      if (op.query) {
        const parsed = op.query.safeParse(queryObject(req));
        if (!parsed.success) throw new AppError("validation_failed", "Los parámetros de la consulta no son válidos.", zodIssues(parsed.error));
        query = parsed.data;
      }
      let body: unknown = undefined;
      if (op.body) {
        const parsed = op.body.safeParse(await readJsonBody(req));
        if (!parsed.success) throw new AppError("validation_failed", undefined, zodIssues(parsed.error));
        body = parsed.data;
      }

      const result = await impl({ query, params, body, actor, req, requestId } as Ctx<Q, P, B, A>);
      if (result instanceof Response) return result;
      if (STRICT()) op.response.parse(result);
      return Response.json(result, {
        status: op.successStatus ?? 200,
        headers: { "Cache-Control": "no-store", "X-Request-Id": requestId },
      });
    } catch (err) {
      if (err instanceof AppError) {
        if (!answerable.has(err.code)) {
          // The documentation would be wrong: fix the operation's `errors` (or the service).
          log.error({ requestId, operation: op.operationId, code: err.code }, "error code not documented for this operation");
          if (STRICT()) return errorResponse(500, errorBodyFor("internal"), requestId);
        }
        return errorResponse(err.status, errorBodyFor(err.code, err.message, err.issues), requestId);
      }
      log.error({ requestId, operation: op.operationId, err: err instanceof Error ? { message: err.message, stack: err.stack } : String(err) }, "unhandled API error");
      return errorResponse(500, errorBodyFor("internal"), requestId);
    }
  };
}
