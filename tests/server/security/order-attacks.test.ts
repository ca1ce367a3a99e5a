// Attacks: one shopper cannot hold stock with a pile of
// unpaid orders (at most 3, race-safe), and `?sync=1` cannot relay every read
// to WeChat Pay (at most one query per order every 5 s, by the stored check time).
import { describeEachDb } from '../helpers/each-db'
import { createShop, type Shop } from '../commerce/helpers/shop'
import { orderOf, payParams, placeOrder, seedSku, stockOf } from '../commerce/helpers/orders'

describeEachDb('order hoarding and sync floods', (dialect) => {
  let shop: Shop
  let skuId: string

  beforeAll(async () => {
    shop = await createShop({ dialect, unreachable: true })
    skuId = (await seedSku(shop, 9900, 100)).skuId
  })
  afterAll(() => shop.close())

  it('10 orders at once from one shopper: 3 are made, 7 get 409 TOO_MANY_UNPAID_ORDERS and reserve nothing', async () => {
    const hoarder = await shop.shopper()
    const answers = await Promise.all(Array.from({ length: 10 }, () => placeOrder(shop, hoarder, [{ skuId, qty: 5 }])))
    expect(answers.filter((a) => a.status === 201)).toHaveLength(3)
    const refused = answers.filter((a) => a.status !== 201)
    expect(refused.map((a) => [a.status, a.json.error.code])).toEqual(Array(7).fill([409, 'TOO_MANY_UNPAID_ORDERS']))
    expect(await stockOf(shop, skuId)).toBe(85)
    // Cancelling one frees a place; another shopper is not affected at all.
    const first = answers.find((a) => a.status === 201)!.json.order
    expect((await shop.call('POST', `/api/v1/orders/${first.id}/cancel`, { token: hoarder.token })).status).toBe(200)
    expect((await placeOrder(shop, hoarder, [{ skuId, qty: 1 }])).status).toBe(201)
    expect((await placeOrder(shop, await shop.shopper(), [{ skuId, qty: 1 }])).status).toBe(201)
  })

  it('30 quick ?sync=1 reads of one order ask WeChat Pay once; once more after 5 s', async () => {
    const buyer = await shop.shopper()
    const order = await orderOf(shop, buyer, [{ skuId, qty: 1 }])
    await payParams(shop, buyer, order.id)
    const queries = jest.spyOn(shop.t.deps.pay!, 'queryOrder')
    const reads = await Promise.all(
      Array.from({ length: 30 }, () => shop.call('GET', `/api/v1/orders/${order.id}?sync=1`, { token: buyer.token }))
    )
    expect(reads.every((r) => r.status === 200 && r.json.order.status === 'pending_payment')).toBe(true)
    expect(queries).toHaveBeenCalledTimes(1)
    shop.clock.advance(4_999)
    await shop.call('GET', `/api/v1/orders/${order.id}?sync=1`, { token: buyer.token })
    expect(queries).toHaveBeenCalledTimes(1)
    shop.clock.advance(1)
    await shop.call('GET', `/api/v1/orders/${order.id}?sync=1`, { token: buyer.token })
    expect(queries).toHaveBeenCalledTimes(2)
    queries.mockRestore()
  })
})
