/**
 * When WeChat's notifications never arrive (here PUBLIC_BASE_URL points at
 * a closed port), the server still learns the truth by asking: `GET
 * /orders/:id?sync=1` right after the phone says it paid, and the
 * reconciliation job for pending orders (SUCCESS, NOTPAY, CLOSED) and
 * processing refunds.
 */
import { runDueJobs } from '../../../src/server/jobs'
import { describeEachDb } from '../helpers/each-db'
import { MINUTE } from '../helpers/test-clock'
import { createShop, type Shop, type Shopper } from './helpers/shop'
import { eventsOf, orderOf, payInSandbox, payParams, seedSku, stockOf } from './helpers/orders'
import { poll } from '../../helpers/poll'

describeEachDb('reconciliation with WeChat Pay', (dialect) => {
  let shop: Shop
  let buyer: Shopper
  let skuId: string

  beforeAll(async () => {
    // Real retry timing (15 s first), so no retry lands during the test either.
    shop = await createShop({ dialect, unreachable: true, sandbox: { timeFactor: 1, refundDelayMs: 10 } })
    buyer = await shop.shopper()
    skuId = (await seedSku(shop, 6600, 100)).skuId
  })
  afterAll(() => shop.close())
  // A shopper holds at most 3 unpaid orders: each case buys as a new shopper.
  beforeEach(async () => {
    buyer = await shop.shopper()
  })

  const get = async (id: string, q = '') => (await shop.call('GET', `/api/v1/orders/${id}${q}`, { token: buyer.token })).json.order

  it('learns of a payment from ?sync=1 when the notification is lost', async () => {
    const order = await orderOf(shop, buyer, [{ skuId, qty: 1 }])
    const deliveries = await payInSandbox(shop, buyer, order.id)
    expect(deliveries[0]?.attempts[0]?.status).toBeNull()
    expect((await get(order.id)).status).toBe('pending_payment')
    expect(await get(order.id, '?sync=1')).toEqual(expect.objectContaining({ status: 'paid', paidAt: expect.any(String) }))
    expect(await eventsOf(shop, order.id, 'order_paid')).toBe(1)
    expect((await get(order.id, '?sync=1')).status).toBe('paid')
  })

  it('answers a pending order unchanged to ?sync=1 while WeChat says NOTPAY', async () => {
    const order = await orderOf(shop, buyer, [{ skuId, qty: 1 }])
    await payParams(shop, buyer, order.id)
    expect((await get(order.id, '?sync=1')).status).toBe('pending_payment')
  })

  it('reconciles pending orders a few minutes old: SUCCESS → paid, NOTPAY → pending, CLOSED → closed with stock back', async () => {
    const paid = await orderOf(shop, buyer, [{ skuId, qty: 1 }])
    await payInSandbox(shop, buyer, paid.id)
    const unpaid = await orderOf(shop, buyer, [{ skuId, qty: 1 }])
    await payParams(shop, buyer, unpaid.id)
    const closedThere = await orderOf(shop, buyer, [{ skuId, qty: 2 }])
    await payParams(shop, buyer, closedThere.id)
    shop.sandbox.store.orders.get(closedThere.outTradeNo)!.tradeState = 'CLOSED'
    const stock = await stockOf(shop, skuId)

    expect((await runDueJobs(shop.t.deps)).orders?.reconciled.orders[paid.id]).toBeUndefined()
    shop.clock.advance(4 * MINUTE)
    const tick = await runDueJobs(shop.t.deps)
    expect(tick.orders?.reconciled.orders).toEqual(expect.objectContaining({ [paid.id]: 'paid', [unpaid.id]: 'unpaid', [closedThere.id]: 'closed' }))
    expect((await get(paid.id)).status).toBe('paid')
    expect((await get(unpaid.id)).status).toBe('pending_payment')
    expect((await get(closedThere.id)).status).toBe('closed')
    expect(await stockOf(shop, skuId)).toBe(stock + 2)

    // Asked a minute ago: not asked again until a few minutes pass.
    shop.clock.advance(MINUTE)
    expect((await runDueJobs(shop.t.deps)).orders?.reconciled.orders[unpaid.id]).toBeUndefined()
  })

  it('settles a refund whose notification was lost by asking WeChat', async () => {
    const order = await orderOf(shop, buyer, [{ skuId, qty: 1 }])
    await payInSandbox(shop, buyer, order.id)
    expect((await get(order.id, '?sync=1')).status).toBe('paid')
    const res = await shop.call('POST', `/api/admin/orders/${order.id}/refund`, { cookie: shop.t.adminCookie, body: { amountFen: 6600, reason: '退货' } })
    expect(res.json.order.status).toBe('refunding')
    const outRefundNo = res.json.order.refunds[0].outRefundNo
    const settledInWeChat = await poll(() => shop.sandbox.store.refunds.get(outRefundNo)?.status, { until: (s) => s !== 'PROCESSING', what: `WeChat to settle refund ${outRefundNo}` })
    expect(settledInWeChat).toBe('SUCCESS')
    expect((await get(order.id)).status).toBe('refunding')

    shop.clock.advance(4 * MINUTE)
    const tick = await runDueJobs(shop.t.deps)
    expect(tick.orders?.reconciled.refunds).toEqual(expect.objectContaining({ [res.json.order.refunds[0].id]: 'settled' }))
    expect(await get(order.id)).toEqual(expect.objectContaining({ status: 'refunded', refundedFen: 6600 }))
    expect(await eventsOf(shop, order.id, 'order_refunded')).toBe(1)
  })
})
