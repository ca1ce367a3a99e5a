/**
 * The one error type routes throw. The error handler turns it into
 * `{error:{code,message,details}}` with its status; codes that come back
 * from flows and core as Result values get their status in status-of-code.ts.
 * The code is an ErrorCode, so a code the clients do not know fails the compiler.
 */
import type { ErrorCode } from '@core/error-codes'
import type { Result } from '@core/result'
import { statusOfCode } from './status-of-code'

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown
  ) {
    super(message)
    this.name = 'AppError'
  }
}

/** The value of an ok Result; an error Result becomes an AppError with its mapped status. */
export function must<T>(result: Result<T, ErrorCode>): T {
  if (result.ok) return result.value
  const { code, message, details } = result.error
  throw new AppError(statusOfCode(code), code, message, details)
}
