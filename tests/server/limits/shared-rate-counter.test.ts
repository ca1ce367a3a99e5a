// The in-memory side of the shared rate counter: what it admits while a flush
// is under way, what a failed flush keeps, and how windows turn.
import { SharedRateCounter, type CounterDelta, type CounterStore } from '../../../src/server/limits/shared-rate-counter'
import { TestClock } from '../helpers/test-clock'

function heldStore() {
  const totals = new Map<string, number>()
  let release: (() => void) | null = null
  let fail = false
  const store: CounterStore = {
    async add(deltas: readonly CounterDelta[]) {
      await new Promise<void>((resolve) => (release = resolve))
      if (fail) throw new Error('database down')
      return deltas.map((d) => {
        const k = `${d.key}@${d.windowStart}`
        totals.set(k, (totals.get(k) ?? 0) + d.delta)
        return { key: d.key, windowStart: d.windowStart, total: totals.get(k)! }
      })
    },
    prune: async () => {}
  }
  return { store, totals, release: () => release?.(), failNext: (f: boolean) => (fail = f) }
}

test('counts being flushed still count: no extra admissions while the store answers', async () => {
  const held = heldStore()
  const clock = new TestClock('2025-06-01T00:00:10Z')
  const c = new SharedRateCounter(held.store, clock, 60_000)
  for (let i = 0; i < 5; i++) expect(c.take([{ key: 'k', limit: 6, units: 1 }]).ok).toBe(true)
  const flushing = c.flush()
  expect(c.count('k')).toBe(5)
  expect(c.take([{ key: 'k', limit: 6, units: 1 }]).ok).toBe(true)
  expect(c.take([{ key: 'k', limit: 6, units: 1 }])).toEqual({ ok: false, key: 'k', retryAfterSeconds: 50 })
  held.release()
  await flushing
  expect(c.count('k')).toBe(6)
})

test('a failed flush keeps its counts for the next one; a new window starts from zero', async () => {
  const held = heldStore()
  const clock = new TestClock('2025-06-01T00:00:00Z')
  const c = new SharedRateCounter(held.store, clock, 60_000)
  c.take([{ key: 'k', limit: 10, units: 4 }])
  held.failNext(true)
  const failed = c.flush()
  held.release()
  await failed
  expect(c.count('k')).toBe(4)
  held.failNext(false)
  const ok = c.flush()
  held.release()
  await ok
  expect(held.totals.get('k@' + Date.parse('2025-06-01T00:00:00Z'))).toBe(4)
  clock.advance(60_000)
  expect(c.count('k')).toBe(0)
  expect(c.check([{ key: 'k', limit: 1 }]).ok).toBe(true)
})
