/**
 * Coupons through real HTTP against the WeChat sandbox, on both databases:
 * admins define them (editors may not), shoppers claim them (50 racing for
 * 10 get exactly 10; one shopper racing themself gets perUser), an order
 * with a coupon is charged payableFen at WeChat Pay, a partial refund is
 * capped by what was paid, a cancelled order or a full refund before
 * shipping gives the coupon back.
 */
import { poll } from '../../helpers/poll'
import { describeEachDb } from '../helpers/each-db'
import { editorCookie } from '../helpers/seed'
import { createShop, type Shop, type Shopper } from './helpers/shop'
import { placeOrder, payInSandbox, seedSku } from './helpers/orders'

const HOUR = 3600_000
const DAY = 24 * HOUR


describeEachDb('coupons', (dialect) => {
  let shop: Shop
  let buyer: Shopper
  let scarf: { productId: string; skuId: string }
  let hat: { productId: string; skuId: string }

  beforeAll(async () => {
    shop = await createShop({ dialect, sandbox: { refundDelayMs: 50 } })
    buyer = await shop.shopper()
    scarf = await seedSku(shop, 8800, 1000, '羊绒围巾')
    hat = await seedSku(shop, 3300, 1000, '毛线帽')
  })
  afterAll(() => shop.close())

  const couponBody = (over: Record<string, unknown> = {}) => ({
    title: '满100减20',
    kind: 'amount_off',
    amountOffFen: 2000,
    minSpendFen: 10000,
    startsAt: new Date(shop.clock.now().getTime() - HOUR).toISOString(),
    endsAt: new Date(shop.clock.now().getTime() + 30 * DAY).toISOString(),
    perUser: 1,
    ...over
  })
  const createCoupon = async (over: Record<string, unknown> = {}) => {
    const res = await shop.call('POST', '/api/admin/coupons', { cookie: shop.t.adminCookie, body: couponBody(over) })
    expect(res.status).toBe(201)
    return res.json.coupon
  }
  const claim = (who: Shopper, couponId: string) => shop.call('POST', `/api/v1/coupons/${couponId}/claim`, { token: who.token })
  const myCoupons = async (who: Shopper) => (await shop.call('GET', '/api/v1/me/coupons', { token: who.token })).json.items
  const statusOf = async (who: Shopper, userCouponId: string) => (await myCoupons(who)).find((c: { id: string }) => c.id === userCouponId)?.status

  it('admins create, list and change coupons; editors get 403; bad terms are INVALID_COUPON', async () => {
    const coupon = await createCoupon({ total: 5 })
    expect(coupon).toEqual(expect.objectContaining({ title: '满100减20', description: '满100减20', claimed: 0, used: 0, total: 5, perUser: 1 }))
    const editor = await editorCookie(shop.t)
    expect((await shop.call('POST', '/api/admin/coupons', { cookie: editor, body: couponBody() })).status).toBe(403)
    expect((await shop.call('GET', '/api/admin/coupons', { cookie: editor })).status).toBe(403)
    const bad = await shop.call('POST', '/api/admin/coupons', { cookie: shop.t.adminCookie, body: couponBody({ amountOffFen: 20000 }) })
    expect(bad.status).toBe(400)
    expect(bad.json.error.code).toBe('INVALID_COUPON')
    expect(bad.json.error.details).toEqual([expect.objectContaining({ path: 'amountOffFen' })])
    const put = await shop.call('PUT', `/api/admin/coupons/${coupon.id}`, { cookie: shop.t.adminCookie, body: couponBody({ title: '新人券', total: 8 }) })
    expect(put.status).toBe(200)
    expect(put.json.coupon).toEqual(expect.objectContaining({ id: coupon.id, title: '新人券', total: 8 }))
    const list = await shop.call('GET', '/api/admin/coupons', { cookie: shop.t.adminCookie })
    expect(list.json.items.map((c: { id: string }) => c.id)).toContain(coupon.id)
  })

  it('50 shoppers racing for 10 coupons get exactly 10', async () => {
    const coupon = await createCoupon({ total: 10, minSpendFen: 0, amountOffFen: 500 })
    const shoppers: Shopper[] = []
    for (let i = 0; i < 50; i++) shoppers.push(await shop.shopper())
    const answers = await Promise.all(shoppers.map((s) => claim(s, coupon.id)))
    const won = answers.filter((a) => a.status === 201)
    expect(won).toHaveLength(10)
    expect(answers.filter((a) => a.status === 409).map((a) => a.json.error.code)).toEqual(Array(40).fill('COUPON_GONE'))
    expect(new Set(won.map((a) => a.json.userCoupon.id)).size).toBe(10)
    const rows = await shop.t.deps.db.selectFrom('userCoupons').select('userId').where('couponId', '=', coupon.id).execute()
    expect(new Set(rows.map((r) => r.userId)).size).toBe(10)
    const listed = (await shop.call('GET', '/api/admin/coupons', { cookie: shop.t.adminCookie })).json.items.find((c: { id: string }) => c.id === coupon.id)
    expect(listed.claimed).toBe(10)
    const block = await shop.call('GET', `/api/v1/coupons/${coupon.id}`)
    expect(block.json.coupon.state).toBe('gone')
  })

  it('one shopper claiming in parallel gets perUser and no more', async () => {
    const coupon = await createCoupon({ perUser: 2, minSpendFen: 0, amountOffFen: 100 })
    const me = await shop.shopper()
    const answers = await Promise.all(Array.from({ length: 8 }, () => claim(me, coupon.id)))
    expect(answers.filter((a) => a.status === 201)).toHaveLength(2)
    expect(answers.filter((a) => a.status === 409).every((a) => a.json.error.code === 'COUPON_LIMIT')).toBe(true)
    expect((await shop.call('GET', `/api/v1/coupons/${coupon.id}`, { token: me.token })).json.coupon.state).toBe('claimed')
    expect((await shop.call('GET', `/api/v1/coupons/${coupon.id}`)).json.coupon.state).toBe('claimable')
  })

  it('an order with a coupon is charged payableFen at WeChat Pay; the discount is spread over the lines; a refund is capped by what was paid', async () => {
    const coupon = await createCoupon()
    const uc = (await claim(buyer, coupon.id)).json.userCoupon
    expect(uc).toEqual(expect.objectContaining({ couponId: coupon.id, title: '满100减20', status: 'usable' }))

    // Under the minimum spend: refused, nothing locked.
    const small = await placeOrder(shop, buyer, [{ skuId: hat.skuId, qty: 1 }], { body: { couponId: uc.id } })
    expect([small.status, small.json.error.code]).toEqual([409, 'COUPON_MIN_SPEND'])
    expect(await statusOf(buyer, uc.id)).toBe('usable')

    // Someone else's coupon is not found.
    const other = await shop.shopper()
    const stolen = await placeOrder(shop, other, [{ skuId: scarf.skuId, qty: 2 }], { body: { couponId: uc.id } })
    expect([stolen.status, stolen.json.error.code]).toEqual([404, 'COUPON_NOT_FOUND'])

    // 2 × 88 + 1 × 33 = 209 yuan; 20 off spread 17600 : 3300 → 1684 + 316.
    const res = await placeOrder(shop, buyer, [{ skuId: scarf.skuId, qty: 2 }, { skuId: hat.skuId, qty: 1 }], {
      body: { couponId: uc.id, attribution: { contentSlug: 'coupon-page' } }
    })
    expect(res.status).toBe(201)
    const order = res.json.order
    expect(order).toEqual(expect.objectContaining({ totalFen: 20900, discountFen: 2000, payableFen: 18900, coupon: { id: uc.id, title: '满100减20' } }))
    expect(order.items.map((i: { discountFen: number }) => i.discountFen)).toEqual([1684, 316])
    expect(await statusOf(buyer, uc.id)).toBe('locked')

    // Locked: a second order cannot use it.
    const twice = await placeOrder(shop, buyer, [{ skuId: scarf.skuId, qty: 2 }], { body: { couponId: uc.id } })
    expect([twice.status, twice.json.error.code]).toEqual([409, 'COUPON_NOT_USABLE'])

    await payInSandbox(shop, buyer, order.id)
    expect(shop.sandbox.store.orders.get(order.outTradeNo)?.totalFen).toBe(18900)
    const paid = await poll(async () => {
      const o = (await shop.call('GET', `/api/v1/orders/${order.id}`, { token: buyer.token })).json.order
      return o.status === 'paid' ? o : undefined
    }, { what: 'paid' })
    expect(paid.payableFen).toBe(18900)
    expect(await statusOf(buyer, uc.id)).toBe('used')

    // Staff refund the hat's discounted share (3300 − 316), then cannot refund more than the rest of what was paid.
    const refund = (amountFen: number) => shop.call('POST', `/api/admin/orders/${order.id}/refund`, { cookie: shop.t.adminCookie, body: { amountFen, reason: '退一件' } })
    expect((await refund(2984)).status).toBe(200)
    const afterPart = await poll(async () => {
      const o = (await shop.call('GET', `/api/admin/orders/${order.id}`, { cookie: shop.t.adminCookie })).json.order
      return o.status === 'paid' ? o : undefined
    }, { what: 'partial refund settled' })
    expect(afterPart.refundedFen).toBe(2984)
    const outRefundNo = afterPart.refunds[0].outRefundNo
    expect(shop.sandbox.store.refunds.get(outRefundNo)).toEqual(expect.objectContaining({ refundFen: 2984 }))
    const tooMuch = await refund(18900 - 2984 + 1)
    expect(tooMuch.json.error).toEqual(expect.objectContaining({ code: 'REFUND_EXCEEDS_PAID', details: expect.objectContaining({ refundableFen: 15916 }) }))
    expect(await statusOf(buyer, uc.id)).toBe('used')

    // The rest, before anything shipped: the order is refunded in full and the coupon comes back.
    expect((await refund(15916)).status).toBe(200)
    await poll(async () => ((await shop.call('GET', `/api/admin/orders/${order.id}`, { cookie: shop.t.adminCookie })).json.order.status === 'refunded' ? true : undefined), { what: 'refunded' })
    expect(await statusOf(buyer, uc.id)).toBe('usable')

    // The content report shows what was charged (gross), the discount given and what was refunded.
    const to = encodeURIComponent(new Date(shop.clock.now().getTime() + HOUR).toISOString())
    const report = await shop.call('GET', `/api/admin/analytics/content?to=${to}`, { cookie: shop.t.adminCookie })
    expect(report.json.rows.find((r: { slug: string }) => r.slug === 'coupon-page')).toEqual(
      expect.objectContaining({ orders: 1, paidOrders: 1, paidFen: 18900, discountFen: 2000, refundedFen: 18900, rewardsGranted: 0 })
    )
  })

  it('a cancelled unpaid order gives its coupon back', async () => {
    const coupon = await createCoupon({ kind: 'percent_off', amountOffFen: null, percentOff: 15, maxOffFen: 1000, minSpendFen: 0, title: '85折' })
    const me = await shop.shopper()
    const uc = (await claim(me, coupon.id)).json.userCoupon
    const res = await placeOrder(shop, me, [{ skuId: hat.skuId, qty: 1 }], { body: { couponId: uc.id } })
    // 15% of 3300 = 495.
    expect(res.json.order).toEqual(expect.objectContaining({ totalFen: 3300, discountFen: 495, payableFen: 2805 }))
    expect(await statusOf(me, uc.id)).toBe('locked')
    const cancelled = await shop.call('POST', `/api/v1/orders/${res.json.order.id}/cancel`, { token: me.token })
    expect(cancelled.json.order.status).toBe('closed')
    expect(await statusOf(me, uc.id)).toBe('usable')
    // And it can be used again.
    const again = await placeOrder(shop, me, [{ skuId: hat.skuId, qty: 1 }], { body: { couponId: uc.id } })
    expect(again.json.order.discountFen).toBe(495)
  })

  it('a page may carry a coupon block only for a coupon that exists', async () => {
    const coupon = await createCoupon({ minSpendFen: 0, amountOffFen: 300 })
    const page = (couponId: string, slug: string) =>
      shop.call('POST', '/api/admin/pages', { cookie: shop.t.adminCookie, body: { slug, title: '领券', blocks: [{ type: 'text', text: '冬季好礼' }, { type: 'coupon', couponId }] } })
    const missing = await page('cpn_missing', 'coupon-missing')
    expect([missing.status, missing.json.error.code]).toEqual([400, 'UNKNOWN_COUPON'])
    expect(missing.json.error.details).toEqual([expect.objectContaining({ path: 'blocks.1.couponId' })])
    expect((await page(coupon.id, 'coupon-ok')).status).toBe(201)
  })

  it('an order without a coupon has discountFen 0 and payableFen = totalFen', async () => {
    const res = await placeOrder(shop, buyer, [{ skuId: hat.skuId, qty: 1 }])
    expect(res.json.order).toEqual(expect.objectContaining({ totalFen: 3300, discountFen: 0, payableFen: 3300 }))
    expect(res.json.order.coupon).toBeUndefined()
  })
})
