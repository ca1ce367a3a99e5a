// Content views have one partial index that leads with ts (migration 0017),
// not the two random-keyed ones before it; on SQLite every statement the
// funnel and content reports run over content views reads it as a ts range
// and never scans events (the plans are those of the statements the reports
// really prepare).
import { sql } from 'kysely'
import { contentReport } from '../../../src/server/flows/analytics/content-report'
import { funnelReport } from '../../../src/server/flows/analytics/funnel-report'
import { reportWindow } from '../../../src/server/flows/analytics/report-window'
import { describeEachDb } from '../helpers/each-db'
import { createTestDb, type TestDb } from '../helpers/test-db'

describeEachDb('events indexes of content views', (dialect) => {
  let t: TestDb
  beforeAll(async () => {
    t = await createTestDb(dialect)
  })
  afterAll(() => t.drop())

  test('one ts-leading partial index replaces events_cv_shopper and events_cv_slug', async () => {
    const { rows } =
      dialect === 'sqlite'
        ? await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'`.execute(t.database.db)
        : await sql<{ name: string }>`SELECT indexname AS name FROM pg_indexes WHERE tablename = 'events'`.execute(t.database.db)
    const names = rows.map((r) => r.name)
    expect(names).toContain('events_cv_ts')
    expect(names).not.toContain('events_cv_shopper')
    expect(names).not.toContain('events_cv_slug')
  })

  if (dialect === 'sqlite') {
    test('the reports read content views as a ts range on events_cv_ts, without a scan of events', async () => {
      const sqlite = t.database.sqlite!
      const prepared: string[] = []
      const prepare = sqlite.prepare.bind(sqlite)
      const spy = jest.spyOn(sqlite, 'prepare').mockImplementation((text: string) => {
        prepared.push(text)
        return prepare(text)
      })
      try {
        const w = reportWindow({ from: '2025-05-02T00:00:00+08:00', to: '2025-06-01T00:00:00+08:00' }, new Date())
        if (!w.ok) throw new Error(w.error.message)
        await funnelReport(t.database.db, w.value)
        await funnelReport(t.database.db, w.value, 'cv-index-page')
        await contentReport(t.database.db, w.value)
      } finally {
        spy.mockRestore()
      }
      const readers = prepared.filter((text) => text.includes("'content_view'") && !text.includes('event_daily_rollups'))
      expect(readers.length).toBe(3)
      for (const text of readers) {
        const params = Array.from({ length: text.split('?').length - 1 }, () => 0)
        const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail)
        expect(plan).toContainEqual(expect.stringMatching(/^SEARCH events USING COVERING INDEX events_cv_ts \(ts>\? AND ts<\?\)$/))
        expect(plan.filter((d) => /^SCAN (events|e)\b/.test(d))).toEqual([])
      }
    })
  }
})
