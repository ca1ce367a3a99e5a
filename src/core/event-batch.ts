// The POST /events body: at most MAX_BATCH_EVENTS events and MAX_BATCH_BYTES.
// The shape is checked once; then each event alone, so good events are kept.
import { fastClientEvent } from './event-fast-path'
import { type Event, type EventCode, MAX_BATCH_BYTES, MAX_BATCH_EVENTS, validateEvent } from './event-schema'
import { err, ok, type Result } from './result'
import { jsonByteLength } from './utf8'
import { isPlainObject } from './zod-issues'

export type BatchCode = 'INVALID_BATCH' | 'TOO_MANY_EVENTS' | 'BATCH_TOO_LARGE'
export type BatchRejection = { index: number; code: EventCode; message: string }

/** byteLength: the raw body's size when the server has it; else measured as JSON. */
export function validateBatchShape(body: unknown, byteLength?: number): Result<unknown[], BatchCode> {
  const bytes = byteLength ?? jsonByteLength(body) ?? Infinity
  if (bytes > MAX_BATCH_BYTES) return err('BATCH_TOO_LARGE', `the batch is ${bytes} bytes; at most ${MAX_BATCH_BYTES}`, { bytes })
  if (!isPlainObject(body) || !Array.isArray(body.events)) return err('INVALID_BATCH', 'the body must be {"events":[…]}')
  if (body.events.length > MAX_BATCH_EVENTS) {
    return err('TOO_MANY_EVENTS', `${body.events.length} events in one batch; at most ${MAX_BATCH_EVENTS}`, { count: body.events.length })
  }
  return ok(body.events)
}

/**
 * Each event of a client batch, kept or rejected with its index. A kept
 * event that passed the fast path (event-fast-path.ts) is the input object
 * itself and carries its props as JSON (`propsJson`), so storage does not
 * write it again; the others went through validateEvent, which words every
 * rejection.
 */
export function validateBatch(
  events: readonly unknown[],
  options: { now?: number } = {}
): { events: Array<{ index: number; event: Event; propsJson?: string | null }>; rejected: BatchRejection[] } {
  const kept: Array<{ index: number; event: Event; propsJson?: string | null }> = []
  const rejected: BatchRejection[] = []
  for (let index = 0; index < events.length; index++) {
    const input = events[index]
    const fast = fastClientEvent(input, options.now)
    if (fast) {
      kept.push({ index, event: fast.event, propsJson: fast.propsJson })
      continue
    }
    const result = validateEvent(input, { from: 'client', now: options.now })
    if (result.ok) kept.push({ index, event: result.value })
    else rejected.push({ index, code: result.error.code, message: result.error.message })
  }
  return { events: kept, rejected }
}
