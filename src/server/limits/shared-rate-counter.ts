/**
 * Fixed-window rate counting shared by every instance without a database
 * write per request: each instance counts in memory, and a periodic flush
 * adds its new counts to a shared store and learns everyone's totals. A
 * decision uses (total at the last flush + what this instance counted since),
 * so instances together may overshoot a limit by what they admit within one
 * flush interval, never more. The store is an interface: the database today
 * (rate-counter-repo), Redis (INCRBY + EXPIRE per key) could be plugged in.
 */
import type { Clock } from '../clock'

export interface CounterDelta {
  key: string
  windowStart: number
  delta: number
}

export interface CounterStore {
  /** Adds each delta to the shared count of (key, windowStart); answers the totals after adding. */
  add(deltas: readonly CounterDelta[]): Promise<Array<{ key: string; windowStart: number; total: number }>>
  /** Forgets windows that started before this. */
  prune(beforeWindowStart: number): Promise<void>
}

export interface Check {
  key: string
  limit: number
  units: number
}

export type TakeAnswer = { ok: true } | { ok: false; key: string; retryAfterSeconds: number }

interface Entry {
  windowStart: number
  /** The shared total at the last flush (everyone's counts, ours included). */
  shared: number
  /** Counted here since, not yet sent. */
  pending: number
  /** Sent by a flush still under way: not in `shared` yet, still counts. */
  sending: number
}

export class SharedRateCounter {
  private readonly entries = new Map<string, Entry>()
  private flushing: Promise<void> | null = null
  private timer: ReturnType<typeof setInterval> | null = null
  private prunedAt: number | null = null

  constructor(
    private readonly store: CounterStore,
    private readonly clock: Clock,
    readonly windowMs: number,
    private readonly onError: (e: unknown) => void = () => {}
  ) {}

  private windowStart(now: number): number {
    return now - (now % this.windowMs)
  }

  private entry(key: string, windowStart: number): Entry {
    let e = this.entries.get(key)
    if (!e || e.windowStart !== windowStart) {
      e = { windowStart, shared: 0, pending: 0, sending: 0 }
      this.entries.set(key, e)
    }
    return e
  }

  /** What this instance knows was counted for `key` in the current window. */
  count(key: string): number {
    const e = this.entries.get(key)
    return e && e.windowStart === this.windowStart(this.clock.now().getTime()) ? e.shared + e.sending + e.pending : 0
  }

  private retryAfter(now: number): number {
    return Math.max(1, Math.ceil((this.windowStart(now) + this.windowMs - now) / 1000))
  }

  /** Refuses when any key is already at its limit (nothing counted); used before the body is read. */
  check(keys: ReadonlyArray<{ key: string; limit: number }>): TakeAnswer {
    const now = this.clock.now().getTime()
    for (const { key, limit } of keys) {
      if (this.count(key) >= limit) return { ok: false, key, retryAfterSeconds: this.retryAfter(now) }
    }
    return { ok: true }
  }

  /** Counts `units` against every key, or nothing when any of them would pass its limit. */
  take(checks: readonly Check[]): TakeAnswer {
    const now = this.clock.now().getTime()
    const start = this.windowStart(now)
    for (const c of checks) {
      if (this.count(c.key) + c.units > c.limit) return { ok: false, key: c.key, retryAfterSeconds: this.retryAfter(now) }
    }
    for (const c of checks) this.entry(c.key, start).pending += c.units
    return { ok: true }
  }

  /** Sends what this instance counted since the last flush and learns the shared totals. One at a time. */
  flush(): Promise<void> {
    this.flushing ??= this.flushNow().finally(() => {
      this.flushing = null
    })
    return this.flushing
  }

  private async flushNow(): Promise<void> {
    const current = this.windowStart(this.clock.now().getTime())
    const deltas: CounterDelta[] = []
    for (const [key, e] of this.entries) {
      if (e.windowStart < current - this.windowMs) this.entries.delete(key) // too old to matter
      else if (e.pending > 0) deltas.push({ key, windowStart: e.windowStart, delta: e.pending })
      else if (e.windowStart < current) this.entries.delete(key) // last window, nothing left to send
      // Nothing new here, but the key is live: adding 0 answers the total, so this instance
      // still learns what the others counted (else an idle instance would trust a stale total).
      else deltas.push({ key, windowStart: e.windowStart, delta: 0 })
    }
    const sent = deltas.map((d) => {
      const e = this.entries.get(d.key)!
      e.pending -= d.delta
      e.sending += d.delta
      return e
    })
    let totals: Array<{ key: string; windowStart: number; total: number }> | null = null
    try {
      totals = deltas.length > 0 ? await this.store.add(deltas) : []
      // Old windows are forgotten once a window, not at every flush: an idle instance writes nothing.
      if (this.prunedAt !== current) {
        await this.store.prune(current - this.windowMs)
        this.prunedAt = current
      }
    } catch (e) {
      this.onError(e)
    }
    // Entries are replaced, not changed, when a window turns: `sent` are the ones the deltas came from.
    sent.forEach((e, i) => {
      const d = deltas[i]!
      e.sending -= d.delta
      if (totals === null) e.pending += d.delta // kept for the next flush; the limit still holds here meanwhile
    })
    for (const t of totals ?? []) {
      const e = this.entries.get(t.key)
      if (e && e.windowStart === t.windowStart) e.shared = Math.max(e.shared, t.total)
    }
  }

  start(intervalMs: number): void {
    if (this.timer) return
    this.timer = setInterval(() => void this.flush(), intervalMs)
    this.timer.unref()
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.flush()
  }
}
