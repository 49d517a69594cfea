import type { z } from "@/lib/zod";

/**
 * One API operation: its method, path, who may call it, and the zod schemas of its input and
 * output. The same definition validates requests (lib/api/route.ts) and documents the API
 * (lib/api/openapi.ts), so the two cannot drift apart.
 */
export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

type Maybe = z.ZodType | undefined;
export type Auth = "public" | "session";

export type Operation<
  Q extends Maybe = Maybe,
  P extends Maybe = Maybe,
  B extends Maybe = Maybe,
  R extends z.ZodType = z.ZodType,
  A extends Auth = Auth,
> = {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI path template, e.g. `/api/v1/institutions/{code}`. */
  path: string;
  tags: string[];
  summary: string;
  description?: string;
  /** `public`: anyone; `session`: a signed-in person (permissions are checked by the service). */
  auth: A;
  query?: Q;
  params?: P;
  body?: B;
  response: R;
  /** Media type of the success answer when it is not JSON (e.g. application/pdf). */
  responseMedia?: string;
  /** A multipart/form-data upload read by the handler itself (the documented file field). */
  upload?: { field: string; description: string };
  successStatus?: 200 | 201 | 202;
  /** Error statuses this operation can answer besides 500. */
  errors: (401 | 403 | 404 | 409 | 413 | 415 | 422 | 503)[];
};

export function defineOperation<
  R extends z.ZodType,
  A extends Auth,
  Q extends Maybe = undefined,
  P extends Maybe = undefined,
  B extends Maybe = undefined,
>(op: Operation<Q, P, B, R, A>): Operation<Q, P, B, R, A> {
  return op;
}
