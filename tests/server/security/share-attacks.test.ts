// Attacks: a shareId belongs to whoever announced it first
// by the server's clock (a thief's older `ts` changes nothing), and the
// sharers report tells logged-in openers from made-up anonymous ids.
import { describeEachDb } from '../helpers/each-db'
import { createTestApp, type TestApp, type Json } from '../helpers/test-app'
import { startWechatFake, type WechatFake } from '../helpers/wechat-fake'
import { ev, loginShopper, sendEvents } from '../events/event-helpers'

describeEachDb('share ownership and the sharers report', (dialect) => {
  let t: TestApp
  let fake: WechatFake
  let now: number
  beforeAll(async () => {
    fake = await startWechatFake()
    t = await createTestApp({ dialect, env: { WECHAT_API_BASE: fake.url } })
    now = t.clock.now().getTime()
  })
  afterAll(async () => {
    await t.close()
    await fake.close()
  })

  const sharers = async (): Promise<Json[]> => {
    const from = new Date(now - 86_400_000).toISOString()
    const to = new Date(now + 86_400_000).toISOString()
    const res = await t.call('GET', `/api/admin/analytics/sharers?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, { cookie: t.adminCookie })
    expect(res.status).toBe(200)
    return res.json.rows
  }

  test('re-announcing someone else\'s share id with an older ts is rejected (SHARE_ID_TAKEN); the share keeps its owner', async () => {
    const owner = await loginShopper(t, fake, 'openid-owner', 'anonOwner')
    await sendEvents(t, [ev('own-share', 'share', 'anonOwner', now - 1000, { shareId: 'shX', channel: 'chat', contentSlug: 'winter' })], owner.token)
    await sendEvents(t, [ev('open-1', 'share_open', 'anonReader', now, { shareId: 'shX', scene: 1007 })])

    const theft = await sendEvents(t, [
      ev('thief-share', 'share', 'anonThief', now - 60_000, { shareId: 'shX', channel: 'chat', contentSlug: 'winter' }),
      ev('thief-other', 'share', 'anonThief', now, { shareId: 'shThief', channel: 'chat', contentSlug: 'winter' })
    ])
    expect(theft.accepted).toBe(1)
    expect(theft.rejected.map((r) => [r.index, r.code])).toEqual([[0, 'SHARE_ID_TAKEN']])
    // The owner may announce their own id again (a resent or re-shared path).
    expect((await sendEvents(t, [ev('own-again', 'share', 'anonOwner', now, { shareId: 'shX', channel: 'timeline', contentSlug: 'winter' })])).rejected).toEqual([])

    const rows = await sharers()
    const ownerRow = rows.find((r) => r.userId === owner.userId)
    expect(ownerRow).toEqual(expect.objectContaining({ opens: 1 }))
    expect(rows.find((r) => r.userId === 'anonThief')).toEqual(expect.objectContaining({ shares: 1, opens: 0 }))
  })

  test('opens from made-up anonymous ids count in opens, and only logged-in shoppers in loggedInOpens', async () => {
    const sharer = await loginShopper(t, fake, 'openid-sharer', 'anonSharer')
    await sendEvents(t, [ev('s2', 'share', 'anonSharer', now, { shareId: 'shY', channel: 'chat', contentSlug: 'winter' })], sharer.token)
    await sendEvents(t, [1, 2, 3, 4, 5].map((i) => ev(`fake-open-${i}`, 'share_open', `anonFake${i}`, now + i, { shareId: 'shY' })))
    const reader = await loginShopper(t, fake, 'openid-reader', 'anonRealReader')
    await sendEvents(t, [ev('real-open', 'share_open', 'anonRealReader', now + 10, { shareId: 'shY' })], reader.token)

    const row = (await sharers()).find((r) => r.userId === sharer.userId)
    expect(row).toEqual(expect.objectContaining({ opens: 6, loggedInOpens: 1 }))
  })
})
