/**
 * share_facts (migration 0015), the reports' rollup of shares: kept by
 * ingest across batches (a child before its parent included), re-keyed when
 * a device logs in, and the sharer report read from it answering what the
 * old computation over every share event answered.
 */
import { sql } from 'kysely'
import type { Executor } from '../../../src/server/db/database'
import { allShares } from '../../../src/server/db/repos/analytics-repo'
import { rebuildShareFacts, recordShareFacts } from '../../../src/server/db/repos/share-fact-repo'
import { sharerReport } from '../../../src/server/flows/analytics/sharer-report'
import { PAID_STATUSES } from '../../../src/server/flows/analytics/paid-statuses'
import { reportWindow } from '../../../src/server/flows/analytics/report-window'
import { indexShares, subtreeMaxDepths } from '../../../src/server/flows/analytics/share-index'
import { generateEvents } from '../../bench/gen-events'
import { describeEachDb } from '../helpers/each-db'
import { createTestApp, type TestApp } from '../helpers/test-app'
import { createTestDb, type TestDb } from '../helpers/test-db'
import { startWechatFake, type WechatFake } from '../helpers/wechat-fake'
import { ev, loginShopper, sendEvents } from '../events/event-helpers'

const HOUR = 3_600_000

async function facts(db: Executor): Promise<Record<string, { sharer: string; depth: number; subtree: number }>> {
  const rows = await db.selectFrom('shareFacts').select(['shareId', 'sharer', 'depth', 'subtreeDepth']).orderBy('shareId').execute()
  return Object.fromEntries(rows.map((r) => [r.shareId, { sharer: r.sharer, depth: Number(r.depth), subtree: Number(r.subtreeDepth) }]))
}

describeEachDb('share facts kept by ingest', (dialect) => {
  let t: TestApp
  let fake: WechatFake
  beforeAll(async () => {
    fake = await startWechatFake()
    t = await createTestApp({ dialect, env: { WECHAT_API_BASE: fake.url } })
  })
  afterAll(async () => {
    await t.close()
    await fake.close()
  })

  test('depths and subtree depths across a chain sent over several batches, a child before its parent', async () => {
    const now = t.clock.now().getTime()
    const share = (id: string, anon: string, at: number, parent?: string) =>
      ev(`ev-${id}`, 'share', anon, now - 10 * HOUR + at * HOUR, { shareId: id, channel: 'chat', contentSlug: 'chain', ...(parent ? { parentShareId: parent } : {}) })
    // A ← B ← C ← D, and A ← E. C's batch arrives before B's: until B comes, C's parent is unknown (one hop).
    await sendEvents(t, [share('cA', 'dev-a', 0)])
    await sendEvents(t, [share('cC', 'dev-c', 2, 'cB')])
    expect((await facts(t.deps.db)).cC).toEqual({ sharer: 'dev-c', depth: 2, subtree: 2 })
    await sendEvents(t, [share('cB', 'dev-b', 1, 'cA'), share('cE', 'dev-e', 1, 'cA')])
    await sendEvents(t, [share('cD', 'dev-d', 3, 'cC')])
    // A resent batch and a later event reusing an id change nothing.
    await sendEvents(t, [share('cD', 'dev-d', 3, 'cC')])
    await sendEvents(t, [ev('ev-cB-again', 'share', 'dev-b', now - 5 * HOUR, { shareId: 'cB', channel: 'chat', contentSlug: 'chain' })])
    const kept = await facts(t.deps.db)
    expect(kept).toEqual({
      cA: { sharer: 'dev-a', depth: 1, subtree: 4 },
      cB: { sharer: 'dev-b', depth: 2, subtree: 4 },
      cC: { sharer: 'dev-c', depth: 3, subtree: 4 },
      cD: { sharer: 'dev-d', depth: 4, subtree: 4 },
      cE: { sharer: 'dev-e', depth: 2, subtree: 2 }
    })
    // What the migration's backfill computes from the events is what ingest kept.
    await rebuildShareFacts(t.deps.db)
    expect(await facts(t.deps.db)).toEqual(kept)

    const res = await t.call('GET', '/api/admin/analytics/sharers', { cookie: t.adminCookie })
    const depthOf = (userId: string) => res.json.rows.find((r: { userId: string }) => r.userId === userId)
    expect([depthOf('dev-a').maxDepth, depthOf('dev-b').maxDepth, depthOf('dev-b').shares, depthOf('dev-e').maxDepth]).toEqual([4, 4, 2, 2])
  })

  test('a device that logs in hands its shares to the user, in the facts and the report', async () => {
    const now = t.clock.now().getTime()
    await sendEvents(t, [ev('ev-kA', 'share', 'dev-k', now - HOUR, { shareId: 'kA', channel: 'chat', contentSlug: 'rekey' })])
    expect((await facts(t.deps.db)).kA?.sharer).toBe('dev-k')
    const { userId } = await loginShopper(t, fake, 'openid-k', 'dev-k')
    expect((await facts(t.deps.db)).kA?.sharer).toBe(userId)
    const res = await t.call('GET', '/api/admin/analytics/sharers', { cookie: t.adminCookie })
    const ids = res.json.rows.map((r: { userId: string }) => r.userId)
    expect(ids).toContain(userId)
    expect(ids).not.toContain('dev-k')
  })
})

/**
 * The sharer report as it was computed before share_facts (every share
 * event read, depths in memory, shares looked up by their first event),
 * as the reference on a generated dataset.
 */
async function oldSharerFigures(db: Executor, w: { fromMs: number; toMs: number; fromIso: string; toIso: string }) {
  const out = new Map<string, { shares: number; maxDepth: number; opens: number; newUsers: number; paidOrders: number; paidFen: number }>()
  const row = (k: string) => {
    let r = out.get(k)
    if (!r) out.set(k, (r = { shares: 0, maxDepth: 0, opens: 0, newUsers: 0, paidOrders: 0, paidFen: 0 }))
    return r
  }
  const events = await allShares(db)
  const shares = indexShares(events)
  const deepest = subtreeMaxDepths(shares)
  for (const s of events.filter((x) => x.ts >= w.fromMs && x.ts < w.toMs)) {
    const r = row(s.sharer)
    r.shares++
    if (shares.get(s.shareId) === s) r.maxDepth = Math.max(r.maxDepth, deepest.get(s.shareId) ?? 0)
  }
  const first = (col: string) => sql`JOIN events s ON s.type = 'share' AND s.share_id = ${sql.ref(col)}
    AND NOT EXISTS (SELECT 1 FROM events s2 WHERE s2.type = 'share' AND s2.share_id = s.share_id AND (s2.ts < s.ts OR (s2.ts = s.ts AND s2.id < s.id)))`
  const opens = await sql<{ sharer: string; opens: unknown; new_users: unknown }>`
    SELECT s.shopper AS sharer, COUNT(DISTINCT o.shopper) AS opens,
      COUNT(DISTINCT CASE WHEN NOT EXISTS (
        SELECT 1 FROM events x WHERE x.shopper = o.shopper AND x.ts < o.ts AND NOT (x.type = 'app_launch' AND x.session_id = o.session_id)
      ) THEN o.shopper END) AS new_users
    FROM events o ${first('o.share_id')}
    WHERE o.type = 'share_open' AND o.ts >= ${w.fromMs} AND o.ts < ${w.toMs} AND s.shopper <> o.shopper
    GROUP BY s.shopper`.execute(db.withoutPlugins())
  for (const o of opens.rows) Object.assign(row(o.sharer), { opens: Number(o.opens), newUsers: Number(o.new_users) })
  const paid = await sql<{ sharer: string; n: unknown; fen: unknown }>`
    SELECT s.shopper AS sharer, COUNT(*) AS n, SUM(o.payable_fen) AS fen FROM orders o ${first('o.attr_share_id')}
    WHERE o.created_at >= ${w.fromIso} AND o.created_at < ${w.toIso} AND o.status IN (${sql.join(PAID_STATUSES.map((st) => sql`${st}`))})
    GROUP BY s.shopper`.execute(db.withoutPlugins())
  for (const p of paid.rows) Object.assign(row(p.sharer), { paidOrders: Number(p.n), paidFen: Number(p.fen) })
  return out
}

describeEachDb('share facts on a generated dataset', (dialect) => {
  let tdb: TestDb
  const END = Date.parse('2025-06-01T00:00:00+08:00')
  beforeAll(async () => {
    tdb = await createTestDb(dialect)
    // 60 days of history, the report window the last 30.
    await generateEvents(tdb.database, { events: 15_000, endMs: END, days: 60, seed: 7 })
  }, 120_000)
  afterAll(() => tdb.drop())

  test('ingest kept, batch by batch and out of order, what the backfill computes from the events', async () => {
    const db = tdb.database.db
    const { rows } = await sql<{ id: string; type: string; ts: unknown; shopper: string; share_id: string; parent_share_id: string | null; content_slug: string | null }>`
      SELECT id, type, ts, shopper, share_id, parent_share_id, content_slug FROM events WHERE type = 'share'`.execute(db.withoutPlugins())
    expect(rows.length).toBeGreaterThan(50)
    const expected = (await rebuildShareFacts(db), await facts(db))
    await db.deleteFrom('shareFacts').execute()
    // Batches of 7 in a shuffled order: children often arrive before their parents.
    let seed = 11
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    const shuffled = rows.map((r) => ({ r, k: rnd() })).sort((a, b) => a.k - b.k).map(({ r }) => r)
    for (let i = 0; i < shuffled.length; i += 7) {
      const batch = shuffled.slice(i, i + 7).map((r) => ({ id: r.id, type: r.type, ts: Number(r.ts), shopper: r.shopper, shareId: r.share_id, parentShareId: r.parent_share_id, contentSlug: r.content_slug }))
      await db.transaction().execute((trx) => recordShareFacts(trx, batch))
    }
    expect(await facts(db)).toEqual(expected)
  })

  test('the sharer report from the facts answers what reading every share answered', async () => {
    const db = tdb.database.db
    await rebuildShareFacts(db)
    const w = reportWindow({ from: '2025-05-02T00:00:00+08:00', to: '2025-06-01T00:00:00+08:00' }, new Date(END))
    if (!w.ok) throw new Error(w.error.message)
    const report = await sharerReport(db, w.value)
    const old = await oldSharerFigures(db, w.value)
    expect(report.rows.length).toBeGreaterThan(20)
    expect(report.rows.some((r) => r.maxDepth >= 3)).toBe(true)
    const now = Object.fromEntries(report.rows.map((r) => [r.userId, { shares: r.shares, maxDepth: r.maxDepth, opens: r.opens, newUsers: r.newUsers, paidOrders: r.paidOrders, paidFen: r.paidFen }]))
    expect(now).toEqual(Object.fromEntries(old))
  })
})
