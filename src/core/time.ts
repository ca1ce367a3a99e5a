// Instants as arguments: epoch ms (event ts) or ISO 8601 with an offset (wire
// times). An offset is required: a bare local time would mean different
// instants on the server and on a phone.
import dayjs from 'dayjs'

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/

export type Instant = number | string

/** Epoch ms, or NaN when the value is neither finite epoch ms nor ISO with offset. */
export function toEpochMs(value: Instant): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN
  return typeof value === 'string' && ISO_WITH_OFFSET.test(value) ? dayjs(value).valueOf() : NaN
}

/** toEpochMs for values our own code produced: a bad one is a bug and throws. */
export function requireEpochMs(value: Instant, name: string): number {
  const ms = toEpochMs(value)
  if (Number.isNaN(ms)) throw new RangeError(`${name} must be epoch ms or an ISO 8601 time with offset, got ${String(value)}`)
  return ms
}
