/**
 * What one checkout costs the database, step by step, through the real
 * HTTP app and the real sandbox: a regression guard for the hot path
 * (docs/architecture.md "The checkout hot path"). Every statement the
 * driver runs is counted (BEGIN and COMMIT too); the bounds are what the
 * path needs today, so a repeated read or a write slipping back in fails
 * here. The answers are checked too: fewer statements, same behaviour.
 */
import { describeEachDb } from '../helpers/each-db'
import { createShop, type Shop, type Shopper } from './helpers/shop'
import { eventsOf, orderOf, payParams, seedSku, stockOf } from './helpers/orders'
import { logStatements, type StatementLog } from './helpers/statement-log'

// On PostgreSQL the order also takes the shopper's advisory lock and sends the stock change (pg_notify).
const BOUNDS = {
  sqlite: { create: 11, pay: 4, notify: 5 },
  postgres: { create: 13, pay: 4, notify: 5 }
}

describeEachDb('statements per checkout step', (dialect) => {
  let shop: Shop
  let buyer: Shopper
  let skuId: string
  let log: StatementLog

  beforeAll(async () => {
    shop = await createShop({ dialect })
    buyer = await shop.shopper()
    skuId = (await seedSku(shop, 19900, 50)).skuId
    // One checkout first: nothing below pays for first-time compilation.
    const first = await orderOf(shop, buyer, [{ skuId, qty: 1 }])
    await shop.sandbox.confirmPayment((await payParams(shop, buyer, first.id)).prepayId)
    log = logStatements()
  })
  afterAll(async () => {
    log.restore()
    await shop.close()
  })

  // The rate counters' periodic flush is not the checkout's.
  const ours = (statements: string[]) => statements.filter((s) => !/rate_counters/.test(s))

  it('creates, pays and confirms within its statement budget', async () => {
    log.start()
    const order = await orderOf(shop, buyer, [{ skuId, qty: 2 }])
    const create = ours(log.stop())

    log.start()
    const { prepayId } = await payParams(shop, buyer, order.id)
    const pay = ours(log.stop())

    log.start()
    const deliveries = await shop.sandbox.confirmPayment(prepayId)
    const notify = ours(log.stop())

    expect(deliveries[0]!.attempts[0]!.status).toBe(204)
    const bounds = BOUNDS[dialect]
    expect(create.length).toBeLessThanOrEqual(bounds.create)
    expect(pay.length).toBeLessThanOrEqual(bounds.pay)
    expect(notify.length).toBeLessThanOrEqual(bounds.notify)
    // Stock is still taken in the database, by the conditional UPDATE, inside the order's transaction.
    expect(create.filter((s) => /^update "skus" set "stock" = stock - /i.test(s))).toHaveLength(1)
    // The order is read once to pay, with its buyer's openid; no separate users read.
    expect(pay.filter((s) => /from "orders"/i.test(s))).toHaveLength(1)
    expect(pay.some((s) => /^select "openid" from "users"/i.test(s))).toBe(false)

    const paid = await shop.call('GET', `/api/v1/orders/${order.id}`, { token: buyer.token })
    expect(paid.json.order).toEqual(expect.objectContaining({ status: 'paid', totalFen: 39800, payableFen: 39800 }))
    expect(await stockOf(shop, skuId)).toBe(47)
    expect(await eventsOf(shop, order.id, 'order_created')).toBe(1)
    expect(await eventsOf(shop, order.id, 'order_paid')).toBe(1)
  })
})
