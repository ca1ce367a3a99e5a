// Order deadlines. Times come in as arguments (core never reads the clock).
import dayjs from 'dayjs'

// An offset is required: a bare local time would mean different instants on
// the server and on a phone.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/

function instant(value: string | number, name: string): number {
  const ms = typeof value === 'number' ? value : ISO_WITH_OFFSET.test(value) ? dayjs(value).valueOf() : NaN
  if (!Number.isFinite(ms)) throw new RangeError(`${name} must be epoch ms or an ISO 8601 time with offset, got ${String(value)}`)
  return ms
}

/** When an unpaid order closes: createdAt + timeoutMinutes, as UTC ISO (`…Z`). */
export function orderExpiresAt(createdAt: string, timeoutMinutes: number): string {
  if (!Number.isInteger(timeoutMinutes) || timeoutMinutes <= 0) {
    throw new RangeError(`timeoutMinutes must be a positive integer, got ${timeoutMinutes}`)
  }
  return dayjs(instant(createdAt, 'createdAt')).add(timeoutMinutes, 'minute').toISOString()
}

/** True from the expiry instant on. */
export function isOrderExpired(expiresAt: string, now: string | number): boolean {
  return instant(now, 'now') >= instant(expiresAt, 'expiresAt')
}
