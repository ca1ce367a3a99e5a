/**
 * The reports against a story built by hand, through the real HTTP API and
 * the real WeChat sandbox (orders are placed and paid for real, so their
 * attribution is the server's). Every expected number below was counted
 * from the story, not from the implementation.
 *
 * S = start. Prices: sku1 10000 fen, sku2 5900 fen.
 *   S-30m   Alice (logs in first with device aA) adds sku1 to cart, no page
 *   S       Alice views winter and shares it: shA (root, depth 1)
 *   S+10m   Dave (device aD, anonymous) launches through shA, views winter  ← his first events ever
 *   S+12h   Bob (device aB, anonymous) launches and views the home page    ← so Bob is not new later
 *   S+1d    Bob launches through shA, views winter twice, shares shB (parent shA, depth 2);
 *           the same batch is sent twice (duplicate)
 *   S+1d+5m Alice opens her own share shA (a self-open)
 *   S+2d    Carol (device aC) launches through shB, views winter, adds sku1 (winter), checks out,
 *           logs in (aC), orders 1×sku1 = 10000 and never pays
 *   S+3d    Bob logs in with aB (his anonymous past becomes his), views winter, adds 2×sku1
 *           (winter), checks out, orders 20000 and pays
 *   S+8d+1h Dave logs in with aD, views spring, adds sku2 (spring), checks out, orders 5900 with
 *           hint contentSlug spring and pays; his open of shA is 8 days old
 *   S+8d+2h staff refund 1000 of Bob's order and WeChat closes it (nothing refunded); Bob asks for
 *           5000 back (after-sales) and staff approve: refunded; staff refund Dave's 5900 in full.
 *           Paid amounts stay gross (Dave's refunded order still counts as paid); refundedFen is
 *           what came back: 5000 on winter (Alice's share), 5900 on spring.
 */
import { describeEachDb } from '../helpers/each-db'
import { orderOf, payInSandbox, placeOrder, seedSku } from '../commerce/helpers/orders'
import { createShop, type Shop, type Shopper } from '../commerce/helpers/shop'
import { ADMIN } from '../helpers/test-app'
import { sendEvents } from './event-helpers'
import { poll } from '../../helpers/poll'

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

describeEachDb('reports on a hand-built story', (dialect) => {
  let shop: Shop
  let S: number
  const users: Record<string, Shopper> = {}
  const orders: Record<string, { id: string }> = {}
  let seq = 0
  let cookie = ''

  const at = (offset: number) => shop.clock.set(new Date(S + offset))
  const e = (type: string, anonId: string, session: string, offset: number, fields: Record<string, unknown> = {}) => ({
    id: `e${++seq}`,
    type,
    ts: S + offset,
    anonId,
    sessionId: session,
    ...fields
  })
  const login = async (name: string, anonId: string) => {
    const { code, openid } = shop.sandbox.loginCode({ openid: `openid-${name}` })
    const res = await shop.call('POST', '/api/v1/auth/login', { body: { code, anonId } })
    if (res.status !== 200) throw new Error(`login ${name}: ${res.status} ${JSON.stringify(res.json)}`)
    users[name] = { token: res.json.token, userId: res.json.user.id, openid }
    return users[name]
  }
  const report = async (path: string, from: number, to: number, extra = '') => {
    const q = `from=${encodeURIComponent(new Date(from).toISOString())}&to=${encodeURIComponent(new Date(to).toISOString())}${extra}`
    const res = await shop.call('GET', `/api/admin/analytics/${path}?${q}`, { cookie })
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.json)}`)
    return res.json
  }

  beforeAll(async () => {
    shop = await createShop({ dialect })
    S = Math.floor(shop.clock.now().getTime() / MIN) * MIN
    const sku1 = (await seedSku(shop, 10000, 50)).skuId
    const sku2 = (await seedSku(shop, 5900, 50, '丝巾')).skuId

    at(-HOUR)
    const alice = await login('alice', 'aA')
    at(-30 * MIN)
    await sendEvents(shop.t, [e('app_launch', 'aA', 'A1', -30 * MIN), e('add_to_cart', 'aA', 'A1', -30 * MIN + 1000, { skuId: 'k1', qty: 1 })], alice.token)
    at(0)
    await sendEvents(shop.t, [
      e('content_view', 'aA', 'A1', 0, { contentSlug: 'winter' }),
      e('share', 'aA', 'A1', 1000, { shareId: 'shA', channel: 'chat', contentSlug: 'winter' })
    ], alice.token)

    at(10 * MIN)
    await sendEvents(shop.t, [
      e('app_launch', 'aD', 'D1', 10 * MIN, { scene: 1007 }),
      e('share_open', 'aD', 'D1', 10 * MIN + 1000, { shareId: 'shA', scene: 1007, contentSlug: 'winter' }),
      e('content_view', 'aD', 'D1', 10 * MIN + 2000, { contentSlug: 'winter' })
    ])

    at(12 * HOUR)
    await sendEvents(shop.t, [e('app_launch', 'aB', 'B0', 12 * HOUR, { scene: 1001 }), e('page_view', 'aB', 'B0', 12 * HOUR + 1000, { page: 'pages/index/index' })])

    at(DAY)
    const bobBatch = [
      e('app_launch', 'aB', 'B1', DAY, { scene: 1007 }),
      e('share_open', 'aB', 'B1', DAY + 1000, { shareId: 'shA', scene: 1007, contentSlug: 'winter' }),
      e('content_view', 'aB', 'B1', DAY + 2000, { contentSlug: 'winter' }),
      e('content_view', 'aB', 'B1', DAY + 60_000, { contentSlug: 'winter' }),
      e('share', 'aB', 'B1', DAY + 90_000, { shareId: 'shB', parentShareId: 'shA', channel: 'timeline', contentSlug: 'winter' })
    ]
    expect(await sendEvents(shop.t, bobBatch)).toEqual({ accepted: 5, duplicates: 0, rejected: [] })
    expect(await sendEvents(shop.t, bobBatch)).toEqual({ accepted: 0, duplicates: 5, rejected: [] })
    at(DAY + 5 * MIN)
    await sendEvents(shop.t, [e('share_open', 'aA', 'A2', DAY + 5 * MIN, { shareId: 'shA', scene: 1007, contentSlug: 'winter' })], alice.token)

    at(2 * DAY)
    await sendEvents(shop.t, [
      e('app_launch', 'aC', 'C1', 2 * DAY, { scene: 1007 }),
      e('share_open', 'aC', 'C1', 2 * DAY + 1000, { shareId: 'shB', scene: 1007, contentSlug: 'winter' }),
      e('content_view', 'aC', 'C1', 2 * DAY + 2000, { contentSlug: 'winter' }),
      e('add_to_cart', 'aC', 'C1', 2 * DAY + 3000, { skuId: sku1, qty: 1, contentSlug: 'winter' }),
      e('checkout_start', 'aC', 'C1', 2 * DAY + 4000)
    ])
    at(2 * DAY + MIN)
    const carol = await login('carol', 'aC')
    orders.carol = await orderOf(shop, carol, [{ skuId: sku1, qty: 1 }])

    at(3 * DAY)
    const bob = await login('bob', 'aB')
    await sendEvents(shop.t, [
      e('content_view', 'aB', 'B2', 3 * DAY + 1000, { contentSlug: 'winter' }),
      e('add_to_cart', 'aB', 'B2', 3 * DAY + 2000, { skuId: sku1, qty: 2, contentSlug: 'winter' }),
      e('checkout_start', 'aB', 'B2', 3 * DAY + 3000)
    ], bob.token)
    at(3 * DAY + MIN)
    orders.bob = await orderOf(shop, bob, [{ skuId: sku1, qty: 2 }])
    await payInSandbox(shop, bob, orders.bob.id)

    at(8 * DAY + HOUR)
    const dave = await login('dave', 'aD')
    await sendEvents(shop.t, [
      e('content_view', 'aD', 'D2', 8 * DAY + HOUR + 1000, { contentSlug: 'spring' }),
      e('add_to_cart', 'aD', 'D2', 8 * DAY + HOUR + 2000, { skuId: sku2, qty: 1, contentSlug: 'spring' }),
      e('checkout_start', 'aD', 'D2', 8 * DAY + HOUR + 3000)
    ], dave.token)
    at(8 * DAY + HOUR + MIN)
    const daveOrder = await placeOrder(shop, dave, [{ skuId: sku2, qty: 1 }], { body: { attribution: { contentSlug: 'spring' } } })
    expect(daveOrder.status).toBe(201)
    orders.dave = daveOrder.json.order
    await payInSandbox(shop, dave, orders.dave.id)

    at(8 * DAY + 2 * HOUR)
    cookie = await shop.t.login(ADMIN.email, ADMIN.password)
    const staffOrder = async (id: string) => (await shop.call('GET', `/api/admin/orders/${id}`, { cookie })).json.order
    const settled = (id: string) => poll(() => staffOrder(id), { until: (o) => o.status !== 'refunding', what: `order ${id} to leave refunding` })
    shop.sandbox.control.nextRefundOutcome = 'CLOSED'
    expect((await shop.call('POST', `/api/admin/orders/${orders.bob.id}/refund`, { cookie, body: { amountFen: 1000, reason: '补差价' } })).status).toBe(200)
    expect((await settled(orders.bob.id)).refundedFen).toBe(0)
    const asked = await shop.call('POST', `/api/v1/orders/${orders.bob.id}/after-sales`, { token: bob.token, body: { kind: 'refund', reason: '少件/漏发', amountFen: 5000 } })
    expect(asked.status).toBe(201)
    expect((await shop.call('POST', `/api/admin/after-sales/${asked.json.afterSale.id}/approve`, { cookie, body: {} })).status).toBe(200)
    expect(await settled(orders.bob.id)).toEqual(expect.objectContaining({ status: 'paid', refundedFen: 5000 }))
    expect((await shop.call('POST', `/api/admin/orders/${orders.dave.id}/refund`, { cookie, body: { amountFen: 5900, reason: '缺货' } })).status).toBe(200)
    expect(await settled(orders.dave.id)).toEqual(expect.objectContaining({ status: 'refunded', refundedFen: 5900 }))
    at(9 * DAY)
    // Staff sessions do not last the story's nine days.
    cookie = await shop.t.login(ADMIN.email, ADMIN.password)
  }, 60_000)
  afterAll(() => shop.close())

  test('each order carries the attribution the rule gives, as staff see it', async () => {
    const staffView = async (id: string) => (await shop.call('GET', `/api/admin/orders/${id}`, { cookie })).json.order
    // Carol came through Bob's reshare while Bob was still anonymous: the sharer is his device id.
    expect((await staffView(orders.carol.id)).attribution).toEqual({ shareId: 'shB', sharerId: 'aB', contentSlug: 'winter', depth: 2, scene: 1007, channel: 'chat' })
    expect((await staffView(orders.bob.id)).attribution).toEqual({
      shareId: 'shA',
      sharerId: users.alice!.userId,
      contentSlug: 'winter',
      depth: 1,
      scene: 1007,
      channel: 'chat'
    })
    // Dave's only open is 8 days old: the hint's page stands alone.
    expect((await staffView(orders.dave.id)).attribution).toEqual({ shareId: null, sharerId: null, contentSlug: 'spring', depth: null, scene: null })
    expect((await staffView(orders.bob.id)).status).toBe('paid')
    expect((await staffView(orders.dave.id)).status).toBe('refunded')
    expect((await staffView(orders.carol.id)).status).not.toMatch(/^(paid|shipped|completed)$/)
  })

  describe('whole story window [S-1h, S+9d)', () => {
    const from = () => S - HOUR
    const to = () => S + 9 * DAY

    test('funnel', async () => {
      // views: Alice, Dave, Bob, Carol. Alice's add_to_cart came before her view.
      expect((await report('funnel', from(), to())).steps).toEqual([
        { name: 'content_view', users: 4 },
        { name: 'add_to_cart', users: 3 },
        { name: 'checkout_start', users: 3 },
        { name: 'order_created', users: 3 },
        { name: 'order_paid', users: 2 }
      ])
    })

    test('funnel from one page', async () => {
      expect((await report('funnel', from(), to(), '&contentSlug=spring')).steps.map((s: { users: number }) => s.users)).toEqual([1, 1, 1, 1, 1])
      expect((await report('funnel', from(), to(), '&contentSlug=winter')).steps.map((s: { users: number }) => s.users)).toEqual([4, 3, 3, 3, 2])
      expect((await report('funnel', from(), to(), '&contentSlug=autumn')).steps.map((s: { users: number }) => s.users)).toEqual([0, 0, 0, 0, 0])
    })

    test('content', async () => {
      expect((await report('content', from(), to())).rows).toEqual([
        // views: Alice 1, Dave 1, Bob 2+1, Carol 1; opens by others: Dave, Bob on shA, Carol on shB
        { slug: 'winter', views: 6, viewers: 4, shares: 2, shareOpens: 3, addToCarts: 2, orders: 2, paidOrders: 1, paidFen: 20000, refundedFen: 5000, discountFen: 0, rewardsGranted: 0 },
        { slug: 'spring', views: 1, viewers: 1, shares: 0, shareOpens: 0, addToCarts: 1, orders: 1, paidOrders: 1, paidFen: 5900, refundedFen: 5900, discountFen: 0, rewardsGranted: 0 }
      ])
    })

    test('sharers', async () => {
      expect((await report('sharers', from(), to())).rows).toEqual([
        // loggedInOpens: every opener (Dave, Bob, Carol) has logged in by the time the report runs.
        // Alice: opened by Dave (new) and Bob (seen before); Bob's paid order; shB descends from shA
        { userId: users.alice!.userId, shares: 1, opens: 2, loggedInOpens: 2, newUsers: 1, paidOrders: 1, paidFen: 20000, refundedFen: 5000, discountFen: 0, rewardsGranted: 0, maxDepth: 2 },
        // Bob (bound at login): opened by Carol (new); her order is unpaid
        { userId: users.bob!.userId, shares: 1, opens: 1, loggedInOpens: 1, newUsers: 1, paidOrders: 0, paidFen: 0, refundedFen: 0, discountFen: 0, rewardsGranted: 0, maxDepth: 2 }
      ])
    })
  })

  describe('later window [S+2d-1h, S+9d)', () => {
    const from = () => S + 2 * DAY - HOUR
    const to = () => S + 9 * DAY

    test('funnel', async () => {
      expect((await report('funnel', from(), to())).steps.map((s: { users: number }) => s.users)).toEqual([3, 3, 3, 3, 2])
    })

    test('content', async () => {
      expect((await report('content', from(), to())).rows).toEqual([
        { slug: 'winter', views: 2, viewers: 2, shares: 0, shareOpens: 1, addToCarts: 2, orders: 2, paidOrders: 1, paidFen: 20000, refundedFen: 5000, discountFen: 0, rewardsGranted: 0 },
        { slug: 'spring', views: 1, viewers: 1, shares: 0, shareOpens: 0, addToCarts: 1, orders: 1, paidOrders: 1, paidFen: 5900, refundedFen: 5900, discountFen: 0, rewardsGranted: 0 }
      ])
    })

    test('sharers', async () => {
      expect((await report('sharers', from(), to())).rows).toEqual([
        { userId: users.alice!.userId, shares: 0, opens: 0, loggedInOpens: 0, newUsers: 0, paidOrders: 1, paidFen: 20000, refundedFen: 5000, discountFen: 0, rewardsGranted: 0, maxDepth: 0 },
        { userId: users.bob!.userId, shares: 0, opens: 1, loggedInOpens: 1, newUsers: 1, paidOrders: 0, paidFen: 0, refundedFen: 0, discountFen: 0, rewardsGranted: 0, maxDepth: 0 }
      ])
    })
  })

  test('daily: paid orders by the day they were paid, every day listed', async () => {
    // Local days in +08:00, the offset `from` is written in.
    const local = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10)
    const iso8 = (ms: number) => `${new Date(ms + 8 * HOUR).toISOString().slice(0, 19)}+08:00`
    const firstDay = Date.parse(`${local(S)}T00:00:00+08:00`)
    const res = await shop.call(
      'GET',
      `/api/admin/analytics/daily?from=${encodeURIComponent(iso8(firstDay))}&to=${encodeURIComponent(iso8(firstDay + 10 * DAY))}`,
      { cookie }
    )
    expect(res.status).toBe(200)
    const expected = Array.from({ length: 10 }, (_, i) => ({ day: local(firstDay + i * DAY), paidOrders: 0, paidFen: 0 }))
    const bobDay = expected.find((r) => r.day === local(S + 3 * DAY + MIN))!
    bobDay.paidOrders = 1
    bobDay.paidFen = 20000
    const daveDay = expected.find((r) => r.day === local(S + 8 * DAY + HOUR + MIN))!
    daveDay.paidOrders = 1
    daveDay.paidFen = 5900
    expect(res.json.rows).toEqual(expected)
  })
})
