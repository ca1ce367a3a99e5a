/**
 * Retention, on both databases, with the injected clock: shopper events sent
 * through HTTP on two days, then the clock moves 450 days on. The reports
 * over those old days (funnel, content, sharers) answer the same before
 * and after the retention job rolls the events up and prunes them, in
 * small batches; the raw rows are gone, shares and opens stay, recent
 * events stay, and expired sessions are purged.
 */
import { ADMIN, createTestApp, type TestApp } from '../helpers/test-app'
import { describeEachDb } from '../helpers/each-db'
import { ev, sendEvents, type Ev } from '../events/event-helpers'
import { runDueJobs } from '../../../src/server/jobs'
import { PRUNED_TYPES, runRetention } from '../../../src/server/ops/retention'

const DAY = 24 * 60 * 60 * 1000
const D1 = '2024-03-10T00:00:00+08:00'
const D2 = '2024-03-11T00:00:00+08:00'
const D3 = '2024-03-12T00:00:00+08:00'

describeEachDb('event retention keeps old reports', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ dialect, clock: undefined })
  })
  afterAll(() => t.close())

  /** Sends events at their own time: the clock stands at each batch's first ts. */
  const sendAt = async (events: Ev[]) => {
    t.clock.set(new Date(events[0]!.ts))
    const r = await sendEvents(t, events)
    expect(r.rejected).toEqual([])
  }

  const windows = [
    { from: D1, to: D3 },
    { from: D1, to: D2 },
    { from: D2, to: D3 }
  ]

  const reports = async (cookie: string) => {
    const out: Record<string, unknown> = {}
    for (const w of windows) {
      const q = `from=${encodeURIComponent(w.from)}&to=${encodeURIComponent(w.to)}`
      for (const path of ['funnel', 'content', 'sharers', `funnel?contentSlug=spring&`]) {
        const url = path.endsWith('&') ? `/api/admin/analytics/${path}${q}` : `/api/admin/analytics/${path}?${q}`
        const res = await t.call('GET', url, { cookie })
        expect(res.status).toBe(200)
        out[`${path} ${w.from}..${w.to}`] = res.json
      }
    }
    return out
  }

  it('answers the same for a window older than the retention after the prune, and the raw rows are gone', async () => {
    const d1 = Date.parse('2024-03-10T10:00:00+08:00')
    const d2 = Date.parse('2024-03-11T10:00:00+08:00')
    const cv = (id: string, who: string, ts: number, slug = 'spring') => ev(id, 'content_view', who, ts, { contentSlug: slug, page: 'pages/content/index' })
    await sendAt([
      ev('a-launch', 'app_launch', 'anon-a', d1),
      cv('a-cv1', 'anon-a', d1 + 1000),
      cv('a-cv2', 'anon-a', d1 + 2000),
      ev('a-atc', 'add_to_cart', 'anon-a', d1 + 3000, { contentSlug: 'spring', productId: 'p1', skuId: 's1', qty: 1 }),
      ev('a-co', 'checkout_start', 'anon-a', d1 + 4000),
      cv('b-cv', 'anon-b', d1 + 5000),
      ev('b-share', 'share', 'anon-b', d1 + 6000, { shareId: 'sh-b', channel: 'chat', contentSlug: 'spring' }),
      ev('d-pv', 'page_view', 'anon-d', d1 + 7000, { page: 'pages/index/index' })
    ])
    await sendAt([
      cv('a-cv3', 'anon-a', d2),
      cv('b-cv2', 'anon-b', d2 + 1000, 'autumn'),
      ev('b-atc', 'add_to_cart', 'anon-b', d2 + 2000, { contentSlug: 'autumn', productId: 'p2', skuId: 's2', qty: 2 }),
      ev('c-launch', 'app_launch', 'anon-c', d2 + 3000),
      ev('c-open', 'share_open', 'anon-c', d2 + 3001, { shareId: 'sh-b', channel: 'chat', scene: 1007, contentSlug: 'spring' }),
      cv('c-cv', 'anon-c', d2 + 4000),
      ev('c-atc', 'add_to_cart', 'anon-c', d2 + 5000, { contentSlug: 'spring', productId: 'p1', skuId: 's1', qty: 1 }),
      ev('d-open', 'share_open', 'anon-d', d2 + 6000, { shareId: 'sh-b', channel: 'chat', scene: 1007, contentSlug: 'spring' })
    ])

    // 450 days later: the shop still runs, new events arrive.
    const later = d2 + 450 * DAY
    await sendAt([cv('x-cv', 'anon-x', later), ev('x-pv', 'page_view', 'anon-x', later + 1, { page: 'pages/index/index' })])
    const cookie = await t.login(ADMIN.email, ADMIN.password)

    const before = await reports(cookie)
    // The reports saw the events (a guard against comparing two empty answers).
    expect(before[`content ${D1}..${D3}`]).toEqual({
      rows: expect.arrayContaining([expect.objectContaining({ slug: 'spring', views: 5, viewers: 3, shares: 1, shareOpens: 2, addToCarts: 2 })])
    })
    expect((before[`funnel ${D1}..${D3}`] as { steps: Array<{ users: number }> }).steps.map((s) => s.users).slice(0, 3)).toEqual([3, 3, 1])
    expect(before[`sharers ${D1}..${D3}`]).toEqual({ rows: [expect.objectContaining({ userId: 'anon-b', shares: 1, opens: 2, newUsers: 1 })] })

    const report = await runRetention(t.deps, { batch: 3 })
    expect(report.eventsPruned).toBe(12) // 16 old events; the share, the two share opens and the launch of the session with an open stay
    // Counted back from the start of today in Beijing.
    const today = new Date(later + 8 * 3600_000).toISOString().slice(0, 10)
    expect(report.cutoff).toBe(new Date(Date.parse(`${today}T00:00:00+08:00`) - 400 * DAY).toISOString())
    expect(report.purged.staffSessions).toBeGreaterThanOrEqual(1)

    const after = await reports(cookie)
    expect(after).toEqual(before)

    const raw = await t.deps.db
      .selectFrom('events')
      .select(['id', 'type'])
      .where('ts', '<', later)
      .orderBy('id')
      .execute()
    expect(raw).toEqual([
      { id: 'b-share', type: 'share' },
      { id: 'c-launch', type: 'app_launch' },
      { id: 'c-open', type: 'share_open' },
      { id: 'd-open', type: 'share_open' }
    ])
    const recent = await t.deps.db.selectFrom('events').select('id').where('ts', '>=', later).orderBy('id').execute()
    expect(recent.map((r) => r.id)).toEqual(['x-cv', 'x-pv'])
    expect(PRUNED_TYPES).toContain('content_view')

    // The jobs loop runs it too, and a second pass finds nothing left.
    const tick = await runDueJobs(t.deps)
    expect(tick.leader).toBe(true)
    expect(tick.retention).toBeUndefined()
    expect(await reports(cookie)).toEqual(before)
  })
})
