/**
 * Unpaid orders close: after ORDER_PAY_TIMEOUT_MINUTES the job (it reads
 * the database, so a restart loses nothing) closes the WeChat Pay order and
 * returns the stock; a shopper can cancel earlier. A paid order stays paid.
 */
import { runDueJobs } from '../../../src/server/jobs'
import { describeEachDb } from '../helpers/each-db'
import { MINUTE } from '../helpers/test-clock'
import { createShop, type Shop, type Shopper } from './helpers/shop'
import { orderOf, payInSandbox, payParams, seedSku, stockOf } from './helpers/orders'

describeEachDb('closing unpaid orders', (dialect) => {
  let shop: Shop
  let buyer: Shopper

  beforeAll(async () => {
    shop = await createShop({ dialect, env: { ORDER_PAY_TIMEOUT_MINUTES: '20' } })
    buyer = await shop.shopper()
  })
  afterAll(() => shop.close())

  const orderStatus = async (id: string) => (await shop.call('GET', `/api/v1/orders/${id}`, { token: buyer.token })).json.order

  it('closes an unpaid order after the timeout, across a restart, at WeChat too, and returns its stock', async () => {
    const { skuId } = await seedSku(shop, 3000, 4)
    const sentToWechat = await orderOf(shop, buyer, [{ skuId, qty: 2 }])
    const { prepayId } = await payParams(shop, buyer, sentToWechat.id)
    const neverPaid = await orderOf(shop, buyer, [{ skuId, qty: 1 }])
    expect(await stockOf(shop, skuId)).toBe(1)

    await shop.restart()
    shop.clock.advance(19 * MINUTE)
    // Not due yet; reconciliation asks WeChat about the one it knows, which says NOTPAY.
    const early = await runDueJobs(shop.t.deps)
    expect(early.orders?.closed ?? []).toEqual([])
    expect(early.orders?.reconciled.orders).toEqual({ [sentToWechat.id]: 'unpaid' })
    expect((await orderStatus(sentToWechat.id)).status).toBe('pending_payment')

    shop.clock.advance(2 * MINUTE)
    const tick = await runDueJobs(shop.t.deps)
    expect(tick.orders?.closed.sort()).toEqual([sentToWechat.id, neverPaid.id].sort())
    expect(await orderStatus(sentToWechat.id)).toEqual(expect.objectContaining({ status: 'closed', closedAt: expect.any(String) }))
    expect((await orderStatus(neverPaid.id)).status).toBe('closed')
    expect(await stockOf(shop, skuId)).toBe(4)
    expect(shop.sandbox.store.orders.get(sentToWechat.outTradeNo)?.tradeState).toBe('CLOSED')
    await expect(shop.sandbox.confirmPayment(prepayId)).rejects.toThrow(/ORDER_CLOSED/)

    // Closing is once: another tick returns nothing twice.
    expect((await runDueJobs(shop.t.deps)).orders).toBeUndefined()
    expect(await stockOf(shop, skuId)).toBe(4)
    const pay = await shop.call('POST', `/api/v1/orders/${sentToWechat.id}/pay`, { token: buyer.token })
    expect(pay.status).toBe(409)
    expect(pay.json.error.code).toBe('ORDER_CLOSED')
  })

  it('lets the shopper cancel an unpaid order, closing it at WeChat and returning stock', async () => {
    const { skuId } = await seedSku(shop, 3000, 5)
    const order = await orderOf(shop, buyer, [{ skuId, qty: 3 }])
    await payParams(shop, buyer, order.id)
    const res = await shop.call('POST', `/api/v1/orders/${order.id}/cancel`, { token: buyer.token })
    expect(res.status).toBe(200)
    expect(res.json.order.status).toBe('closed')
    expect(await stockOf(shop, skuId)).toBe(5)
    expect(shop.sandbox.store.orders.get(order.outTradeNo)?.tradeState).toBe('CLOSED')
    const again = await shop.call('POST', `/api/v1/orders/${order.id}/cancel`, { token: buyer.token })
    expect(again.status).toBe(200)
    expect(await stockOf(shop, skuId)).toBe(5)
  })

  it('refuses to cancel a paid order, and the job leaves paid orders alone', async () => {
    const { skuId } = await seedSku(shop, 3000, 5)
    const order = await orderOf(shop, buyer, [{ skuId, qty: 1 }])
    await payInSandbox(shop, buyer, order.id)
    const res = await shop.call('POST', `/api/v1/orders/${order.id}/cancel`, { token: buyer.token })
    expect(res.status).toBe(409)
    expect(res.json.error.code).toBe('ALREADY_PAID')
    shop.clock.advance(60 * MINUTE)
    await runDueJobs(shop.t.deps)
    expect((await orderStatus(order.id)).status).toBe('paid')
    expect(await stockOf(shop, skuId)).toBe(4)
  })

  it('marks paid, not closed, an overdue order WeChat says was paid (a lost notification)', async () => {
    const { skuId } = await seedSku(shop, 3000, 5)
    const order = await orderOf(shop, buyer, [{ skuId, qty: 1 }])
    const { prepayId } = await payParams(shop, buyer, order.id)
    // WeChat took the money but its notification never arrived.
    const atWechat = shop.sandbox.store.orders.get(order.outTradeNo)!
    shop.sandbox.store.prepays.delete(prepayId)
    Object.assign(atWechat, { tradeState: 'SUCCESS', transactionId: '4200000000202506010000000001', successTime: '2025-06-01T10:00:00+08:00' })
    shop.clock.advance(25 * MINUTE)
    const tick = await runDueJobs(shop.t.deps)
    expect(tick.orders?.paid).toContain(order.id)
    expect((await orderStatus(order.id)).status).toBe('paid')
    expect(await stockOf(shop, skuId)).toBe(4)
  })

  it("refuses to pay an order whose time is up, and hides other shoppers' orders", async () => {
    const { skuId } = await seedSku(shop, 3000, 5)
    const order = await orderOf(shop, buyer, [{ skuId, qty: 1 }])
    const stranger = await shop.shopper()
    for (const [method, path] of [['GET', ''], ['POST', '/pay'], ['POST', '/cancel']] as const) {
      const res = await shop.call(method, `/api/v1/orders/${order.id}${path}`, { token: stranger.token })
      expect([path, res.status, res.json.error.code]).toEqual([path, 404, 'ORDER_NOT_FOUND'])
    }
    shop.clock.advance(21 * MINUTE)
    const pay = await shop.call('POST', `/api/v1/orders/${order.id}/pay`, { token: buyer.token })
    expect(pay.status).toBe(409)
    expect(pay.json.error.code).toBe('ORDER_EXPIRED')
  })
})
