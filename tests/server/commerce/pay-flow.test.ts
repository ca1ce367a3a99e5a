/**
 * The whole buying path through real HTTP and the real sandbox: order,
 * JSAPI order at WeChat Pay, paySign checked by the sandbox as
 * wx.requestPayment would, the shopper pays, WeChat's signed and encrypted
 * notification marks the order paid; duplicates make one transition.
 */
import { describeEachDb } from '../helpers/each-db'
import { createShop, type Shop, type Shopper } from './helpers/shop'
import { eventsOf, orderOf, payInSandbox, payParams, seedSku, stockOf } from './helpers/orders'

describeEachDb('order and pay through the WeChat sandbox', (dialect) => {
  let shop: Shop
  let buyer: Shopper
  let skuId: string

  beforeAll(async () => {
    shop = await createShop({ dialect })
    buyer = await shop.shopper()
    skuId = (await seedSku(shop, 59900, 100)).skuId
  })
  afterAll(() => shop.close())

  it('prices on the server, reserves stock, and answers the order shape', async () => {
    const order = await orderOf(shop, buyer, [{ skuId, qty: 2 }])
    expect(order).toEqual(
      expect.objectContaining({
        status: 'pending_payment',
        totalFen: 119800,
        refundedFen: 0,
        items: [{ skuId, title: '羊绒围巾', attrs: { 颜色: '驼色' }, priceFen: 59900, qty: 2, image: '/media/scarf.jpg' }],
        address: expect.objectContaining({ name: '张三', phone: '13800138000' }),
        attribution: { shareId: null, sharerId: null, contentSlug: null, depth: null, scene: null }
      })
    )
    expect(order.outTradeNo).toMatch(/^[0-9A-Za-z_-]{6,32}$/)
    expect(Date.parse(order.expiresAt) - Date.parse(order.createdAt)).toBe(15 * 60_000)
    expect(order.paidAt).toBeUndefined()
    expect(await stockOf(shop, skuId)).toBe(98)
    expect(await eventsOf(shop, order.id, 'order_created')).toBe(1)
  })

  it('hands out requestPayment parameters whose paySign the sandbox accepts, for a WeChat order as we described it', async () => {
    const order = await orderOf(shop, buyer, [{ skuId, qty: 1 }])
    const { payment, prepayId } = await payParams(shop, buyer, order.id)
    expect(payment).toEqual({
      timeStamp: expect.stringMatching(/^\d{10}$/),
      nonceStr: expect.stringMatching(/^\w{1,32}$/),
      package: `prepay_id=${prepayId}`,
      signType: 'RSA',
      paySign: expect.any(String)
    })
    const atWechat = shop.sandbox.store.orders.get(order.outTradeNo)!
    expect(atWechat).toEqual(
      expect.objectContaining({
        totalFen: 59900,
        attach: order.id,
        openid: buyer.openid,
        notifyUrl: `${shop.baseUrl}/api/v1/wechatpay/notify`,
        tradeState: 'NOTPAY'
      })
    )
    // Whole seconds, as WeChat takes them: never later than our own expiry.
    expect(Date.parse(atWechat.timeExpire!)).toBe(Math.floor(Date.parse(order.expiresAt) / 1000) * 1000)
    expect(atWechat.timeExpire).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/)
  })

  it('marks the order paid from the notification, exactly once, and answers 204', async () => {
    const order = await orderOf(shop, buyer, [{ skuId, qty: 1 }])
    const deliveries = await payInSandbox(shop, buyer, order.id)
    expect(deliveries.map((d) => d.attempts[0]?.status)).toEqual([204])
    const res = await shop.call('GET', `/api/v1/orders/${order.id}`, { token: buyer.token })
    expect(res.json.order).toEqual(expect.objectContaining({ status: 'paid', paidAt: expect.any(String) }))
    expect(await eventsOf(shop, order.id, 'order_paid')).toBe(1)
  })

  it('makes one paid transition from 10 concurrent copies of one notification', async () => {
    const order = await orderOf(shop, buyer, [{ skuId, qty: 1 }])
    shop.sandbox.control.duplicates = 10
    try {
      const deliveries = await payInSandbox(shop, buyer, order.id)
      expect(deliveries).toHaveLength(10)
      expect(deliveries.every((d) => d.attempts[0]?.status === 204)).toBe(true)
    } finally {
      shop.sandbox.control.duplicates = 1
    }
    expect(await eventsOf(shop, order.id, 'order_paid')).toBe(1)
    const row = await shop.t.deps.db.selectFrom('orders').selectAll().where('id', '=', order.id).executeTakeFirstOrThrow()
    expect(row).toEqual(expect.objectContaining({ status: 'paid', transactionId: expect.stringMatching(/^42000/) }))
  })

  it('refuses to pay an order twice', async () => {
    const order = await orderOf(shop, buyer, [{ skuId, qty: 1 }])
    await payInSandbox(shop, buyer, order.id)
    const again = await shop.call('POST', `/api/v1/orders/${order.id}/pay`, { token: buyer.token })
    expect(again.status).toBe(409)
    expect(again.json.error.code).toBe('ALREADY_PAID')
  })
})
