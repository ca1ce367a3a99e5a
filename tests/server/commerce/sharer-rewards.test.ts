/**
 * Sharer rewards through real HTTP against the WeChat sandbox, on both
 * databases: a friend opens a sharer's share while logged in, buys, the
 * order completes (the auto-complete job) → the sharer earns the rule's
 * coupon once, in the ledger; a refund inside the after-sales window takes
 * the unused reward back. An order without the buyer's own logged-in open
 * of the share earns nothing. 我的分享 counts it all.
 */
import { poll } from '../../helpers/poll'
import { describeEachDb } from '../helpers/each-db'
import { ADMIN } from '../helpers/test-app'
import { createFulfilmentShop, type FulfilmentShop } from '../shipping/helpers/fulfilment'
import { ADDRESS, payInSandbox, seedSku } from './helpers/orders'
import type { Shopper } from './helpers/shop'

const HOUR = 3600_000
const DAY = 24 * HOUR
let seq = 0


describeEachDb('sharer rewards', (dialect) => {
  let shop: FulfilmentShop
  let couponId: string

  beforeAll(async () => {
    shop = await createFulfilmentShop({ dialect, env: { ORDER_AUTO_COMPLETE_DAYS: '10', AFTER_SALE_DAYS: '7' } })
    const now = shop.clock.now().getTime()
    const coupon = await shop.call('POST', '/api/admin/coupons', {
      cookie: shop.t.adminCookie,
      body: { title: '分享奖励券', kind: 'amount_off', amountOffFen: 1000, minSpendFen: 5000, startsAt: new Date(now - HOUR).toISOString(), endsAt: new Date(now + 365 * DAY).toISOString(), validDays: 30, perUser: 1 }
    })
    couponId = coupon.json.coupon.id
    const rule = await shop.call('POST', '/api/admin/rewards/rules', { cookie: shop.t.adminCookie, body: { couponId, minPaidFen: 10000 } })
    expect(rule.status).toBe(201)
    expect(rule.json.rule).toEqual(expect.objectContaining({ contentSlug: null, couponId, couponTitle: '分享奖励券', minPaidFen: 10000, active: true }))
  })
  afterAll(() => shop.closeAll())

  const send = async (who: Shopper, type: string, fields: Record<string, unknown>) => {
    const id = `e${++seq}`
    const res = await shop.call('POST', '/api/v1/events', {
      token: who.token,
      body: { events: [{ id, type, ts: shop.clock.now().getTime(), anonId: `a-${who.userId}`, sessionId: `s-${who.userId}`, ...fields }] }
    })
    expect(res.json).toEqual(expect.objectContaining({ accepted: 1 }))
  }
  const rewardsOf = async (who: Shopper) =>
    (await shop.call('GET', '/api/v1/me/coupons', { token: who.token })).json.items.filter((c: { source: string }) => c.source === 'reward')
  const completeByTime = async (orderId: string) => {
    expect((await shop.ship(orderId, { logisticsType: 'express', parcels: [{ carrierCode: 'STO', trackingNo: `ST${++seq}` }] })).status).toBe(200)
    await shop.tick()
    shop.clock.advance(10 * DAY + HOUR)
    await shop.tick()
    shop.t.adminCookie = await shop.t.login(ADMIN.email, ADMIN.password)
    expect((await shop.adminOrder(orderId)).status).toBe('completed')
  }

  it('the sharer earns the coupon once when the friend’s order completes, and loses it when that order is refunded in the window', async () => {
    const sharer = await shop.shopper()
    const friend = await shop.shopper()
    const shareId = `sh${++seq}x`
    await send(sharer, 'share', { shareId, channel: 'chat', contentSlug: 'spring' })
    await send(friend, 'share_open', { shareId, scene: 1007, channel: 'chat' })

    const attributed = await shop.call('POST', '/api/v1/orders', {
      token: friend.token,
      headers: { 'idempotency-key': `key-${++seq}-reward` },
      body: { items: [{ skuId: (await firstSku()).skuId, qty: 1 }], address: ADDRESS, attribution: { shareId } }
    })
    expect(attributed.status).toBe(201)
    expect(attributed.json.order.attribution).toEqual(expect.objectContaining({ shareId, sharerId: sharer.userId }))
    await pay(friend, attributed.json.order.id)

    expect(await rewardsOf(sharer)).toEqual([])
    await completeByTime(attributed.json.order.id)
    const rewards = await rewardsOf(sharer)
    expect(rewards).toEqual([expect.objectContaining({ couponId, title: '分享奖励券', status: 'usable', source: 'reward' })])
    // Once: the job running again grants nothing more.
    await shop.tick()
    expect(await rewardsOf(sharer)).toHaveLength(1)

    const ledger = (await shop.call('GET', '/api/admin/rewards/ledger', { cookie: shop.t.adminCookie })).json.items
    expect(ledger.filter((l: { orderId: string }) => l.orderId === attributed.json.order.id)).toEqual([
      expect.objectContaining({ kind: 'grant', sharerId: sharer.userId, couponId, shareId, userCouponId: rewards[0].id })
    ])
    const shares = (await shop.call('GET', '/api/v1/me/shares', { token: sharer.token })).json
    expect(shares.items).toEqual([expect.objectContaining({ shareId, contentSlug: 'spring', channel: 'chat', opens: 1, orders: 1, rewards: 1 })])
    expect(shares.totals).toEqual({ shares: 1, opens: 1, orders: 1, rewards: 1 })
    const sharers = (await shop.call('GET', '/api/admin/analytics/sharers', { cookie: shop.t.adminCookie })).json.rows
    expect(sharers.find((r: { userId: string }) => r.userId === sharer.userId)).toEqual(expect.objectContaining({ paidOrders: 1, paidFen: 29900, rewardsGranted: 1 }))
    const pages = (await shop.call('GET', '/api/admin/analytics/content', { cookie: shop.t.adminCookie })).json.rows
    expect(pages.find((r: { slug: string }) => r.slug === 'spring')).toEqual(expect.objectContaining({ rewardsGranted: 1 }))
    const channels = (await shop.call('GET', '/api/admin/analytics/channels', { cookie: shop.t.adminCookie })).json.rows
    expect(channels.find((r: { channel: string }) => r.channel === 'chat')).toEqual(expect.objectContaining({
      channel: 'chat', orders: 1, paidOrders: 1, paidFen: 29900, refundedFen: 0, netPaidFen: 29900, discountFen: 0, rewardsGranted: 1, opens: 1
    }))

    // A refund inside the after-sales window voids the unused reward.
    const refund = await shop.call('POST', `/api/admin/orders/${attributed.json.order.id}/refund`, { cookie: shop.t.adminCookie, body: { amountFen: 1000, reason: '补差价' } })
    expect(refund.status).toBe(200)
    await poll(async () => ((await rewardsOf(sharer)).length === 0 ? true : undefined), { what: 'reward voided' })
    const after = (await shop.call('GET', '/api/admin/rewards/ledger', { cookie: shop.t.adminCookie })).json.items
    expect(after.filter((l: { orderId: string }) => l.orderId === attributed.json.order.id).map((l: { kind: string }) => l.kind).sort()).toEqual(['grant', 'void'])
    expect((await shop.call('GET', '/api/v1/me/shares', { token: sharer.token })).json.totals.rewards).toBe(0)
  })

  it('no reward without the buyer’s own logged-in open of the share', async () => {
    const sharer = await shop.shopper()
    const buyer = await shop.shopper()
    const shareId = `sh${++seq}y`
    await send(sharer, 'share', { shareId, channel: 'chat', contentSlug: 'spring' })
    // The buyer only hints the share (no share_open): the server attributes the page alone.
    const res = await shop.call('POST', '/api/v1/orders', {
      token: buyer.token,
      headers: { 'idempotency-key': `key-${++seq}-none` },
      body: { items: [{ skuId: (await firstSku()).skuId, qty: 1 }], address: ADDRESS, attribution: { shareId } }
    })
    expect(res.status).toBe(201)
    await pay(buyer, res.json.order.id)
    await completeByTime(res.json.order.id)
    expect(await rewardsOf(sharer)).toEqual([])
  })

  let sku: { skuId: string } | undefined
  async function firstSku(): Promise<{ skuId: string }> {
    if (sku) return sku
    sku = { skuId: (await seedSku(shop, 29900, 1000, '亚麻衬衫')).skuId }
    return sku
  }
  async function pay(who: Shopper, orderId: string): Promise<void> {
    await payInSandbox(shop, who, orderId)
    await poll(async () => ((await shop.adminOrder(orderId)).status === 'paid' ? true : undefined), { what: 'paid' })
  }
})
