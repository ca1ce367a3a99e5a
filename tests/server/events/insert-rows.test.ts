// The events insert (db/repos/event-repo.ts) on a real database: every column
// stored as given; without the SQLite handle, rows go in multi-row statements
// of at most EVENT_ROWS_PER_INSERT rows (within SQLite's and PostgreSQL's
// parameter limits), duplicates skipped across chunks; and on SQLite an
// insert builds no temporary b-tree for a partial index (migration 0016).
import { EVENT_ROWS_PER_INSERT, MAX_INSERT_PARAMS, insertEventsCounting, type EventRow } from '../../../src/server/db/repos/event-repo'
import { describeEachDb } from '../helpers/each-db'
import { createTestDb, type TestDb } from '../helpers/test-db'

const TS = 1_700_000_000_000
const row = (id: string, extra: Partial<EventRow> = {}): EventRow => ({
  id, type: 'page_view', ts: TS, receivedAt: '2023-11-14T22:13:20.000Z', anonId: 'ir-anon', shopper: 'ir-anon', sessionId: 's', page: 'pages/index/index', ...extra
})

describeEachDb('events insert', (dialect) => {
  let t: TestDb
  beforeAll(async () => {
    t = await createTestDb(dialect)
  })
  afterAll(() => t.drop())

  const count = async (prefix: string) =>
    Number((await t.database.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).where('id', 'like', `${prefix}%`).executeTakeFirstOrThrow()).n)

  test('every column is stored as given, on both insert paths', async () => {
    const full: EventRow = {
      id: 'ir-full', type: 'share', ts: TS + 1, receivedAt: '2023-11-14T22:13:21.000Z', anonId: 'ir-a', userId: 'ir-u', shopper: 'ir-u',
      sessionId: 'ir-s', page: 'pages/p/index', scene: 1007, shareId: 'ir-sh', parentShareId: 'ir-psh', channel: 'chat', contentSlug: 'ir-slug',
      productId: 'ir-p', skuId: 'ir-k', qty: 3, orderId: 'ir-o', totalFen: 1990, props: '{"a":1}', campaignCode: 'Camp1'
    }
    expect(await insertEventsCounting(t.database.db, [full])).toBe(1)
    const copy = { ...full, id: 'ir-full2' }
    expect(await t.database.db.transaction().execute((trx) => insertEventsCounting(trx, [copy], t.database.sqlite))).toBe(1)
    const rows = await t.database.db.selectFrom('events').selectAll().where('id', 'in', ['ir-full', 'ir-full2']).orderBy('id').execute()
    expect(rows.map((r) => ({ ...r, ts: Number(r.ts) }))).toEqual([full, copy])
  })

  test('a batch past one statement\'s parameter limit goes in chunks, duplicates skipped in and across them', async () => {
    expect(EVENT_ROWS_PER_INSERT * 21).toBeLessThanOrEqual(MAX_INSERT_PARAMS)
    const n = EVENT_ROWS_PER_INSERT + 7
    const rows = Array.from({ length: n }, (_, i) => row(`ir-c-${String(i).padStart(5, '0')}`))
    // a repeat inside the first chunk, and one of the first chunk again at the end of the second
    const withRepeats = [...rows.slice(0, 10), rows[3]!, ...rows.slice(10), rows[5]!]
    expect(await insertEventsCounting(t.database.db, withRepeats)).toBe(n)
    expect(await count('ir-c-')).toBe(n)
    expect(await insertEventsCounting(t.database.db, [...rows.slice(-3), row('ir-c-new')])).toBe(1)
    expect(await count('ir-c-')).toBe(n + 1)
  })

  if (dialect === 'sqlite') {
    test('an insert into events evaluates the partial indexes without a temporary b-tree', () => {
      const columns = ['id', 'type', 'ts', 'received_at', 'shopper']
      const plan = t.database.sqlite!.prepare(`EXPLAIN INSERT INTO events (${columns.join(', ')}) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`)
        .all('x', 'page_view', TS, 'now', 'x') as Array<{ opcode: string }>
      expect(plan.map((op) => op.opcode)).not.toContain('OpenEphemeral')
    })
  }
})
