// Expected failures in core are values, never throws: the server maps `code`
// to an HTTP status in one place, the app and admin map it to a message.
// Throws are kept for programmer errors (a non-integer fen, a malformed id
// from our own server) so bugs fail loudly instead of becoming data.
// Codes come from error-codes.ts, so a misspelt code fails the compiler.
import type { ErrorCode, ResultCode } from './error-codes'

export type { ErrorCode, ResultCode }

export type ResultError<C extends ResultCode = ErrorCode> = {
  code: C
  message: string
  details?: unknown
}

export type Result<T, C extends ResultCode = ErrorCode> =
  | { ok: true; value: T }
  | { ok: false; error: ResultError<C> }

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value }
}

export function err<C extends ResultCode>(
  code: C,
  message: string,
  details?: unknown
): { ok: false; error: ResultError<C> } {
  return details === undefined
    ? { ok: false, error: { code, message } }
    : { ok: false, error: { code, message, details } }
}

/** The value of an ok result; throws with the error's code otherwise (for tests and invariants). */
export function unwrap<T, C extends ResultCode>(result: Result<T, C>): T {
  if (result.ok) return result.value
  throw new Error(`${result.error.code}: ${result.error.message}`)
}

/** One failed field, with a dotted path such as `blocks.2.image`. */
export type FieldIssue = { path: string; message: string }
