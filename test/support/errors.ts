import { ERROR_CODES, type ErrorCode } from "@/lib/errors";

/**
 * Error answers in tests, by code of ERROR_CODES (lib/errors.ts), never by a bare string: a
 * renamed or removed code breaks the test at compile time.
 */

/** `{ error: { code } }`, to compare with `toMatchObject`. */
export function errorWith(code: ErrorCode): { error: { code: ErrorCode } } {
  return { error: { code } };
}

/** The whole error answer of `code`: the table's message unless the service says something more specific. */
export function errorBody(code: ErrorCode, message: string = ERROR_CODES[code].message): { error: { code: ErrorCode; message: string } } {
  return { error: { code, message } };
}
