// Attribution at order time (docs/architecture.md "Attribution") over stored events:
// the shopper's anon ids merged by login, 7-day window, own shares excluded,
// sharer resolved to a user where bound, depth from the chain.
import { attributeOrder } from '../../../src/server/flows/attribution/attribute-order'
import { describeEachDb } from '../helpers/each-db'
import { createTestApp, type TestApp } from '../helpers/test-app'
import { startWechatFake, type WechatFake } from '../helpers/wechat-fake'
import { ev, loginShopper, sendEvents } from './event-helpers'

const DAY = 24 * 60 * 60 * 1000

describeEachDb('order attribution', (dialect) => {
  let t: TestApp
  let fake: WechatFake
  let at: Date
  let buyer: { token: string; userId: string }
  let middle: { token: string; userId: string }

  beforeAll(async () => {
    fake = await startWechatFake()
    t = await createTestApp({ dialect, env: { WECHAT_API_BASE: fake.url } })
    at = t.clock.now()
    const T = at.getTime()
    // root sharer: anonymous forever (anon "aRoot"); middle sharer logs in on "aMid".
    // The buyer browses on two devices: "aBuy1" (before login) and "aBuy2".
    await sendEvents(t, [
      ev('r-share', 'share', 'aRoot', T - 5 * DAY, { shareId: 'shRoot', channel: 'chat', contentSlug: 'winter' }),
      ev('m-open', 'share_open', 'aMid', T - 4 * DAY, { shareId: 'shRoot', scene: 1007 }),
      ev('m-share', 'share', 'aMid', T - 4 * DAY + 1000, { shareId: 'shMid', parentShareId: 'shRoot', channel: 'timeline', contentSlug: 'winter' }),
      ev('b-open1', 'share_open', 'aBuy1', T - 3 * DAY, { shareId: 'shRoot', scene: 1007 }),
      ev('b-open2', 'share_open', 'aBuy1', T - 2 * DAY, { shareId: 'shMid', scene: 1154 }),
      // the buyer's own share, opened by the buyer on the other device: never counts
      ev('b-share', 'share', 'aBuy1', T - 2 * DAY + 1000, { shareId: 'shOwn', channel: 'chat', contentSlug: 'spring' }),
      ev('b-open3', 'share_open', 'aBuy2', T - DAY, { shareId: 'shOwn', scene: 1007 })
    ])
    middle = await loginShopper(t, fake, 'openid-middle', 'aMid')
    buyer = await loginShopper(t, fake, 'openid-buyer', 'aBuy1')
    await loginShopper(t, fake, 'openid-buyer', 'aBuy2')
  })
  afterAll(async () => {
    await t.close()
    await fake.close()
  })

  test('the latest open of another shopper’s share wins; depth and sharer come from the chain', async () => {
    const a = await attributeOrder(t.deps.db, { userId: buyer.userId, at, hint: { contentSlug: 'ignored', shareId: 'shOwn' } })
    expect(a).toEqual({ shareId: 'shMid', sharerUserId: middle.userId, contentSlug: 'winter', depth: 2, scene: '1154', channel: 'timeline', campaignCode: null })
  })

  test('an unbound sharer is named by their anon id; depth 1 for a root share', async () => {
    // Just before the open of shMid, only the open of shRoot counts.
    const a = await attributeOrder(t.deps.db, { userId: buyer.userId, at: new Date(at.getTime() - 2 * DAY - 1) })
    expect(a).toEqual({ shareId: 'shRoot', sharerUserId: 'aRoot', contentSlug: 'winter', depth: 1, scene: '1007', channel: 'chat', campaignCode: null })
  })

  test('an open exactly 7 days before counts; one millisecond older does not, and the hint stands alone', async () => {
    // the shMid open was at T-2d: an order at T+5d is exactly 7 days later
    expect((await attributeOrder(t.deps.db, { userId: buyer.userId, at: new Date(at.getTime() + 5 * DAY) })).shareId).toBe('shMid')
    const late = await attributeOrder(t.deps.db, {
      userId: buyer.userId,
      at: new Date(at.getTime() + 5 * DAY + 1),
      hint: { contentSlug: 'summer', scene: '1001', shareId: 'shMid' }
    })
    expect(late).toEqual({ shareId: null, sharerUserId: null, contentSlug: 'summer', depth: null, scene: '1001', channel: null, campaignCode: null })
  })

  test('a shopper with no opens gets the hint’s slug, or nothing', async () => {
    expect(await attributeOrder(t.deps.db, { userId: middle.userId, at: new Date(at.getTime() - 5 * DAY) })).toEqual({
      shareId: null,
      sharerUserId: null,
      contentSlug: null,
      depth: null,
      scene: null,
      channel: null,
      campaignCode: null
    })
  })
})
