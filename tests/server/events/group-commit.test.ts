// Group commit (flows/events/group-commit.ts) on a real database: batches that
// arrive while a write is under way share the next transaction; nobody is
// answered before the commit that holds their rows; a batch that fails
// inside a group fails alone and the others are written once.
import type { Executor } from '../../../src/server/db/database'
import { insertEventsCounting, type EventRow } from '../../../src/server/db/repos/event-repo'
import { GroupCommit } from '../../../src/server/flows/events/group-commit'
import { describeEachDb } from '../helpers/each-db'
import { createTestDb, type TestDb } from '../helpers/test-db'

const row = (id: string): EventRow => ({ id, type: 'page_view', ts: 1_700_000_000_000, receivedAt: '2023-11-14T22:13:20.000Z', anonId: 'gc-anon', shopper: 'gc-anon', sessionId: 's', page: 'pages/index/index' })

describeEachDb('group commit', (dialect) => {
  let t: TestDb
  beforeAll(async () => {
    t = await createTestDb(dialect)
  })
  afterAll(() => t.drop())

  const storedIds = async (prefix: string) =>
    (await t.database.db.selectFrom('events').select('id').where('id', 'like', `${prefix}%`).orderBy('id').execute()).map((r) => r.id)

  test('batches queued behind a write share the next transaction, each answered after it commits', async () => {
    let releaseFirst!: () => void
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve))
    const locks: string[][] = []
    let calls = 0
    const gc = new GroupCommit(t.database.db, async (_trx, keys) => {
      locks.push([...keys])
      if (calls++ === 0) await firstHeld // the first write is still under way while the others arrive
    })
    const answered: string[] = []
    const send = (id: string, keys: string[]) =>
      gc.run(keys, (trx: Executor) => insertEventsCounting(trx, [row(id)], t.database.sqlite)).then((n) => {
        answered.push(id)
        return n
      })

    const first = send('gc1-a', ['k1'])
    await new Promise((resolve) => setImmediate(resolve)) // its write has started
    const rest = [send('gc1-b', ['k3', 'k2']), send('gc1-c', ['k2']), send('gc1-d', ['k4'])]
    await new Promise((resolve) => setImmediate(resolve))
    expect(answered).toEqual([]) // nobody is answered while the first write holds the database
    releaseFirst()
    expect(await Promise.all([first, ...rest])).toEqual([1, 1, 1, 1])
    // Two transactions: the first alone, then the three that queued behind it, locking their keys once, sorted.
    expect(locks).toEqual([['k1'], ['k2', 'k3', 'k4']])
    expect(gc.stats).toEqual({ transactions: 2, jobs: 4, fallbacks: 0 })
    expect(await storedIds('gc1-')).toEqual(['gc1-a', 'gc1-b', 'gc1-c', 'gc1-d'])
  })

  test('batches read in the same turn of the event loop go in one transaction', async () => {
    const gc = new GroupCommit(t.database.db, async () => {})
    const write = (id: string) => (trx: Executor) => insertEventsCounting(trx, [row(id)], t.database.sqlite)
    expect(await Promise.all(['gc3-a', 'gc3-b', 'gc3-c'].map((id) => gc.run([], write(id))))).toEqual([1, 1, 1])
    expect(gc.stats).toEqual({ transactions: 1, jobs: 3, fallbacks: 0 })
    // A resent batch is stored once: its insert counts nothing new.
    expect(await gc.run([], write('gc3-a'))).toBe(0)
  })

  test('a batch that fails inside a group fails alone; the others are written once', async () => {
    let releaseFirst!: () => void
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve))
    let calls = 0
    const gc = new GroupCommit(t.database.db, async () => {
      if (calls++ === 0) await firstHeld
    })
    const write = (id: string) => (trx: Executor) => insertEventsCounting(trx, [row(id)], t.database.sqlite)
    const first = gc.run([], write('gc2-a'))
    await new Promise((resolve) => setImmediate(resolve))
    const good1 = gc.run([], write('gc2-b'))
    const bad = gc.run([], async (trx) => {
      await insertEventsCounting(trx, [row('gc2-bad')], t.database.sqlite)
      throw new Error('this batch breaks')
    })
    const good2 = gc.run([], write('gc2-c'))
    releaseFirst()
    await expect(bad).rejects.toThrow('this batch breaks')
    expect(await Promise.all([first, good1, good2])).toEqual([1, 1, 1])
    expect(gc.stats.fallbacks).toBe(1)
    // The group's transaction rolled back (gc2-bad with it); each batch was then written alone.
    expect(await storedIds('gc2-')).toEqual(['gc2-a', 'gc2-b', 'gc2-c'])
  })
})
