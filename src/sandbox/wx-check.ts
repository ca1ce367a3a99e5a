// zod for the mini-program APIs' request checks: each check's error is the
// WeChat answer it stands for (errcode and detail, carried in the issue's
// message), and WeChat reports one problem at a time, so the first issue is
// the answer.
import { wxError, type WxError } from './mp-errors'

/** The error of a zod check that answers errcode (with detail) when it fails. */
export function wx(errcode: number, detail?: string): string {
  return JSON.stringify([errcode, detail ?? null])
}

export function firstWxError(issues: ReadonlyArray<{ message: string }>): WxError {
  const message = issues[0]?.message ?? ''
  try {
    const [errcode, detail] = JSON.parse(message) as [number, string | null]
    if (typeof errcode === 'number') return wxError(errcode, detail ?? undefined)
  } catch {
    // a check without a wx() error: a bug in the schema, answered as a bad body
  }
  return wxError(47001, message)
}
