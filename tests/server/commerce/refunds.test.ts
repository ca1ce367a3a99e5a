/**
 * Staff refunds through WeChat Pay: admin only; full or partial (core's
 * state machine); out_refund_no is the refund's id; the order is refunding
 * until REFUND.SUCCESS arrives (then paid again for a partial refund,
 * refunded at the total); CLOSED and ABNORMAL refunds are flagged.
 */
import { describeEachDb } from '../helpers/each-db'
import { editorCookie } from '../helpers/seed'
import { createShop, type Shop, type Shopper } from './helpers/shop'
import { eventsOf, orderOf, payInSandbox, seedSku } from './helpers/orders'
import { otherPrivateKey, signedNotification } from './helpers/notify'
import { poll } from '../../helpers/poll'

describeEachDb('refunds', (dialect) => {
  let shop: Shop
  let buyer: Shopper
  let skuId: string

  beforeAll(async () => {
    shop = await createShop({ dialect, sandbox: { refundDelayMs: 300, duplicates: 3 } })
    buyer = await shop.shopper()
    skuId = (await seedSku(shop, 8800, 100)).skuId
  })
  afterAll(() => shop.close())

  const paidOrder = async () => {
    const order = await orderOf(shop, buyer, [{ skuId, qty: 1 }])
    await payInSandbox(shop, buyer, order.id)
    return order
  }
  const refund = (id: string, body: unknown, cookie = shop.t.adminCookie) =>
    shop.call('POST', `/api/admin/orders/${id}/refund`, { cookie, body })
  const staffView = async (id: string) => (await shop.call('GET', `/api/admin/orders/${id}`, { cookie: shop.t.adminCookie })).json.order
  const settled = (id: string) => poll(async () => {
    const o = await staffView(id)
    return o.status === 'refunding' ? undefined : o
  }, { what: `order ${id} to leave refunding` })

  it('refunds part, then the rest, each completed by the refund notification', async () => {
    const order = await paidOrder()
    const first = await refund(order.id, { amountFen: 3000, reason: '尺码不合适' })
    expect(first.status).toBe(200)
    expect(first.json.order).toEqual(expect.objectContaining({ status: 'refunding', refundedFen: 0 }))
    expect(first.json.order.refunds).toEqual([expect.objectContaining({ amountFen: 3000, status: 'processing', reason: '尺码不合适' })])
    const outRefundNo = first.json.order.refunds[0].outRefundNo
    expect(shop.sandbox.store.refunds.get(outRefundNo)).toEqual(expect.objectContaining({ refundFen: 3000, outTradeNo: order.outTradeNo }))

    const busy = await refund(order.id, { amountFen: 100, reason: '再退' })
    expect(busy.status).toBe(409)
    expect(busy.json.error.code).toBe('REFUND_IN_PROGRESS')

    const afterFirst = await settled(order.id)
    expect(afterFirst).toEqual(expect.objectContaining({ status: 'paid', refundedFen: 3000 }))
    expect(afterFirst.refunds[0]).toEqual(expect.objectContaining({ status: 'success', settledAt: expect.any(String), wechatRefundId: expect.any(String) }))

    const tooMuch = await refund(order.id, { amountFen: 5801, reason: '多退' })
    expect(tooMuch.status).toBe(409)
    expect(tooMuch.json.error).toEqual(expect.objectContaining({ code: 'REFUND_EXCEEDS_PAID', details: expect.objectContaining({ refundableFen: 5800 }) }))

    expect((await refund(order.id, { amountFen: 5800, reason: '全部退款' })).status).toBe(200)
    const done = await settled(order.id)
    expect(done).toEqual(expect.objectContaining({ status: 'refunded', refundedFen: 8800 }))
    expect(done.refunds.map((r: { status: string }) => r.status)).toEqual(['success', 'success'])
    // Three copies of each notification arrived; each refund counted once.
    expect(await eventsOf(shop, order.id, 'order_refunded')).toBe(2)
    const mine = await shop.call('GET', `/api/v1/orders/${order.id}`, { token: buyer.token })
    expect(mine.json.order).toEqual(expect.objectContaining({ status: 'refunded', refundedFen: 8800 }))
  })

  it('puts the order back and flags it when WeChat closes the refund', async () => {
    const order = await paidOrder()
    shop.sandbox.control.nextRefundOutcome = 'CLOSED'
    expect((await refund(order.id, { amountFen: 8800, reason: '退款' })).status).toBe(200)
    const back = await settled(order.id)
    expect(back).toEqual(expect.objectContaining({ status: 'paid', refundedFen: 0 }))
    expect(back.refunds[0].status).toBe('closed')
    expect(back.flags).toEqual([expect.objectContaining({ kind: 'REFUND_CLOSED', orderId: order.id })])
  })

  it('flags an abnormal refund and keeps the order refunding', async () => {
    const order = await paidOrder()
    shop.sandbox.control.nextRefundOutcome = 'ABNORMAL'
    expect((await refund(order.id, { amountFen: 1000, reason: '退款' })).status).toBe(200)
    const flagged = await poll(async () => {
      const o = await staffView(order.id)
      return o.flags.length > 0 ? o : undefined
    }, { what: 'the abnormal flag' })
    expect(flagged.status).toBe('refunding')
    expect(flagged.refunds[0].status).toBe('abnormal')
    expect(flagged.flags[0].kind).toBe('REFUND_ABNORMAL')
  })

  it('lets only admins refund, and refuses bad amounts and unpaid orders', async () => {
    const order = await paidOrder()
    const editor = await editorCookie(shop.t)
    expect((await refund(order.id, { amountFen: 100, reason: 'x' }, editor)).status).toBe(403)
    expect((await shop.call('POST', `/api/admin/orders/${order.id}/refund`, { body: { amountFen: 100, reason: 'x' } })).status).toBe(401)
    for (const body of [{ amountFen: 0, reason: 'x' }, { amountFen: 1.5, reason: 'x' }, { amountFen: 100 }, { amountFen: 100, reason: '' }, [8800]]) {
      const res = await refund(order.id, body)
      expect([body, res.status, res.json.error.code]).toEqual([body, 400, 'VALIDATION_FAILED'])
    }
    // Not JSON: refused before any handler (staff writes are JSON only).
    expect((await refund(order.id, 'amountFen=100')).status).toBe(415)
    const unpaid = await orderOf(shop, buyer, [{ skuId, qty: 1 }])
    const res = await refund(unpaid.id, { amountFen: 100, reason: 'x' })
    expect(res.status).toBe(409)
    expect(res.json.error.code).toBe('INVALID_TRANSITION')
    expect((await refund('ord_missing', { amountFen: 100, reason: 'x' })).json.error.code).toBe('ORDER_NOT_FOUND')
    expect((await staffView(order.id))).toEqual(expect.objectContaining({ status: 'paid', refundedFen: 0, refunds: [] }))
  })

  it('refuses a forged refund notification', async () => {
    const order = await paidOrder()
    const resource = { mchid: shop.keys.mchid, out_trade_no: order.outTradeNo, out_refund_no: 'rfd_x', refund_id: '5000', refund_status: 'SUCCESS', amount: { total: 8800, refund: 8800, payer_total: 8800, payer_refund: 8800 } }
    const n = signedNotification(shop.keys, shop.clock.now().getTime(), 'REFUND.SUCCESS', resource, { signWith: otherPrivateKey() })
    const res = await fetch(`${shop.baseUrl}/api/v1/wechatpay/refund-notify`, { method: 'POST', headers: n.headers, body: n.body })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({ code: 'FAIL', message: expect.any(String) })
    const unknown = signedNotification(shop.keys, shop.clock.now().getTime(), 'REFUND.SUCCESS', resource)
    const res2 = await fetch(`${shop.baseUrl}/api/v1/wechatpay/refund-notify`, { method: 'POST', headers: unknown.headers, body: unknown.body })
    expect(res2.status).toBe(404)
    expect((await staffView(order.id)).status).toBe('paid')
  })
})
