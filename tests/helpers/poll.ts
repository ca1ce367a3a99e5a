/**
 * The one way a test waits for something that happens on its own (a
 * notification, a background job, a child process): call `fn` until its
 * value is accepted, and return that value.
 *
 *   const paid = await poll(() => orderStatus(id), { until: (s) => s === 'paid', what: `order ${id} paid` })
 *   const row = await poll(() => findRow(id), { what: 'the row' })   // until: neither undefined, null nor false
 *
 * `timeoutMs` is a safety net so a broken test fails instead of hanging, not
 * an assertion on how fast anything is: keep it generous. The failure names
 * what was awaited and the last value seen.
 */
import { inspect } from 'node:util'

export interface PollOptions<T> {
  /** What is awaited, in words: it is the failure message. */
  what: string
  /** Accepts a value; by default any value but undefined, null and false. */
  until?: (value: T) => boolean
  timeoutMs?: number
  everyMs?: number
}

const present = (value: unknown) => value !== undefined && value !== null && value !== false

type Present<T> = Exclude<T, undefined | null | false>

export function poll<T>(fn: () => T | Promise<T>, opts: PollOptions<T> & { until: (value: T) => boolean }): Promise<T>
export function poll<T>(fn: () => T | Promise<T>, opts: Omit<PollOptions<T>, 'until'>): Promise<Present<T>>
export async function poll<T>(fn: () => T | Promise<T>, opts: PollOptions<T>): Promise<T> {
  const { what, until = present, timeoutMs = 10_000, everyMs = 20 } = opts
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await fn()
    if (until(value)) return value
    if (Date.now() > deadline) {
      throw new Error(`poll: still waiting for ${what} after ${timeoutMs} ms (last value: ${inspect(value, { depth: 2, breakLength: Infinity })})`)
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
}
