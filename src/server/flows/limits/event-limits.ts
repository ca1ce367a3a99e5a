/**
 * POST /api/v1/events limits (docs/api.md "Limits"): events a minute per
 * client address and per device id (anonId), counted by a SharedRateCounter
 * (memory per instance, totals shared through the database). Generous for
 * a shopping mall's Wi-Fi behind one address: a busy shopper's app sends a
 * few dozen events a minute; EVENT_LIMITS.perAddress is hundreds of them.
 * A device may catch up on its whole offline queue (1,000 events) at once.
 * An empty or broken batch still costs one unit, so it cannot flood either.
 */
import type { SharedRateCounter, TakeAnswer } from '../../limits/shared-rate-counter'

export interface EventLimits {
  windowMs: number
  perAddress: number
  perDevice: number
}

export const EVENT_LIMITS: EventLimits = { windowMs: 60_000, perAddress: 10_000, perDevice: 1_200 }

const addressKey = (ip: string) => `events:ip:${ip}`
const deviceKey = (anonId: string) => `events:dev:${anonId}`

export interface EventLimiter {
  limits: EventLimits
  counter: SharedRateCounter
  /** Before the body is read: an address already at its limit is refused at once. */
  checkAddress(ip: string): TakeAnswer
  /** Counts the batch against its address and each device in it; nothing is counted when refused. */
  takeBatch(ip: string, body: unknown): TakeAnswer
  /** Shares this instance's counts and learns the others' (also runs every second on its own). */
  flush(): Promise<void>
}

export function eventLimiter(counter: SharedRateCounter, limits: EventLimits = EVENT_LIMITS): EventLimiter {
  return {
    limits,
    counter,
    checkAddress: (ip) => counter.check([{ key: addressKey(ip), limit: limits.perAddress }]),
    takeBatch(ip, body) {
      const events =
        typeof body === 'object' && body !== null && Array.isArray((body as { events?: unknown }).events)
          ? (body as { events: unknown[] }).events
          : []
      const perDevice = new Map<string, number>()
      for (const e of events) {
        const anonId = typeof e === 'object' && e !== null ? (e as { anonId?: unknown }).anonId : undefined
        if (typeof anonId === 'string' && anonId.length > 0 && anonId.length <= 64) perDevice.set(anonId, (perDevice.get(anonId) ?? 0) + 1)
      }
      return counter.take([
        { key: addressKey(ip), limit: limits.perAddress, units: Math.max(1, events.length) },
        ...[...perDevice].map(([anonId, units]) => ({ key: deviceKey(anonId), limit: limits.perDevice, units }))
      ])
    },
    flush: () => counter.flush()
  }
}
