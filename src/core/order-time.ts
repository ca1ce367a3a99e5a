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

/** WeChat's rule for trade-managed orders: ship within 48 hours of payment. */
export const SHIP_WITHIN_HOURS = 48

/** The shipping deadline of an order paid at paidAt (UTC ISO). */
export function shipByOf(paidAt: string): string {
  return dayjs(requireEpochMs(paidAt, 'paidAt')).add(SHIP_WITHIN_HOURS, 'hour').toISOString()
}

/** When a shipped order completes by itself: shippedAt + days (ORDER_AUTO_COMPLETE_DAYS). */
export function autoCompleteAtOf(shippedAt: string, days: number): string {
  if (!Number.isInteger(days) || days <= 0) throw new RangeError(`days must be a positive integer, got ${days}`)
  return dayjs(requireEpochMs(shippedAt, 'shippedAt')).add(days, 'day').toISOString()
}
