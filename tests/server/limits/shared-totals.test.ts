// Two instances (two counters on two connections to one database) share their
// totals through rate_counters at each flush, and count in memory between
// flushes: a request costs no database write. The clock is injected and the
// flushes are called, so nothing waits on time.
import { databaseCounterStore } from '../../../src/server/db/repos/rate-counter-repo'
import { SharedRateCounter, type CounterStore } from '../../../src/server/limits/shared-rate-counter'
import { describeEachDb } from '../helpers/each-db'
import { createTestDb, type TestDb } from '../helpers/test-db'
import { TestClock } from '../helpers/test-clock'

/** The database store, counting the calls that reach it. */
function counted(store: CounterStore) {
  const calls = { add: 0 }
  return {
    calls,
    store: { add: (d: Parameters<CounterStore['add']>[0]) => (calls.add++, store.add(d)), prune: (b: number) => store.prune(b) } satisfies CounterStore
  }
}

describeEachDb('rate limits shared by two instances', (dialect) => {
  let t: TestDb
  beforeAll(async () => {
    t = await createTestDb(dialect)
  })
  afterAll(() => t.drop())

  test('each instance counts in memory, and a flush shares the totals with the other', async () => {
    const clock = new TestClock('2025-06-01T00:00:05Z')
    const a = counted(databaseCounterStore(t.database.db))
    const b = counted(databaseCounterStore(t.reopen().db))
    const one = new SharedRateCounter(a.store, clock, 60_000)
    const two = new SharedRateCounter(b.store, clock, 60_000)
    const take = (c: SharedRateCounter, units: number) => c.take([{ key: 'events:ip:1.2.3.4', limit: 10, units }]).ok

    for (let i = 0; i < 4; i++) expect(take(one, 1)).toBe(true)
    for (let i = 0; i < 3; i++) expect(take(two, 1)).toBe(true)
    // Seven requests, no database write yet: each instance knows only its own.
    expect(a.calls.add + b.calls.add).toBe(0)
    expect([one.count('events:ip:1.2.3.4'), two.count('events:ip:1.2.3.4')]).toEqual([4, 3])

    await one.flush()
    await two.flush()
    await one.flush() // learns what two sent
    expect([one.count('events:ip:1.2.3.4'), two.count('events:ip:1.2.3.4')]).toEqual([7, 7])
    const rows = await t.database.db.selectFrom('rateCounters').selectAll().execute()
    expect(rows.map((r) => ({ key: r.key, count: Number(r.count) }))).toEqual([{ key: 'events:ip:1.2.3.4', count: 7 }])

    // Together they hold the limit: three more units in all, whichever instance takes them.
    expect(take(two, 3)).toBe(true)
    await two.flush()
    await one.flush()
    expect(take(one, 1)).toBe(false)
    expect(one.check([{ key: 'events:ip:1.2.3.4', limit: 10 }]).ok).toBe(false)

    // A new window starts from zero on both.
    clock.advance(60_000)
    expect(take(one, 1)).toBe(true)
    expect(take(two, 1)).toBe(true)
  })
})
