// Order deadlines. Times come in as arguments (core never reads the clock).
import dayjs from 'dayjs'
import { type Instant, requireEpochMs } from './time'

/** When an unpaid order closes: createdAt + timeoutMinutes, as UTC ISO (`…Z`). */
export function orderExpiresAt(createdAt: string, timeoutMinutes: number): string {
  if (!Number.isInteger(timeoutMinutes) || timeoutMinutes <= 0) {
    throw new RangeError(`timeoutMinutes must be a positive integer, got ${timeoutMinutes}`)
  }
  return dayjs(requireEpochMs(createdAt, 'createdAt')).add(timeoutMinutes, 'minute').toISOString()
}

/** True from the expiry instant on. */
export function isOrderExpired(expiresAt: string, now: Instant): boolean {
  return requireEpochMs(now, 'now') >= requireEpochMs(expiresAt, 'expiresAt')
}
