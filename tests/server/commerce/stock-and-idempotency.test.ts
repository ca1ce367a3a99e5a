/**
 * Stock is reserved with the order, atomically: 50 shoppers racing for 5
 * units make exactly 5 orders (on SQLite and on PostgreSQL), and an
 * Idempotency-Key answers the same order without reserving again.
 */
import { randomUUID } from 'node:crypto'
import { describeEachDb } from '../helpers/each-db'
import { createShop, type Shop, type Shopper } from './helpers/shop'
import { placeOrder, seedSku, stockOf } from './helpers/orders'

describeEachDb('stock reservation and idempotency', (dialect) => {
  let shop: Shop
  let buyers: Shopper[]

  beforeAll(async () => {
    shop = await createShop({ dialect })
    buyers = []
    for (let i = 0; i < 10; i++) buyers.push(await shop.shopper())
  })
  afterAll(() => shop.close())

  it('lets 50 racing orders for 5 units make exactly 5 orders', async () => {
    const { skuId } = await seedSku(shop, 1990, 5, '限量款')
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => placeOrder(shop, buyers[i % buyers.length]!, [{ skuId, qty: 1 }]))
    )
    const created = results.filter((r) => r.status === 201)
    const refused = results.filter((r) => r.status === 409)
    expect(created).toHaveLength(5)
    expect(refused).toHaveLength(45)
    for (const r of refused) expect(r.json.error).toEqual(expect.objectContaining({ code: 'OUT_OF_STOCK', details: expect.objectContaining({ skuId }) }))
    expect(await stockOf(shop, skuId)).toBe(0)
    const rows = await shop.t.deps.db.selectFrom('orders').select('id').where('items', 'like', `%${skuId}%`).execute()
    expect(rows).toHaveLength(5)
  })

  it('reserves several SKUs all or nothing', async () => {
    const plenty = await seedSku(shop, 1000, 10, '充足')
    const scarce = await seedSku(shop, 1000, 1, '紧缺')
    const res = await placeOrder(shop, buyers[0]!, [{ skuId: plenty.skuId, qty: 2 }, { skuId: scarce.skuId, qty: 2 }])
    expect(res.status).toBe(409)
    expect(res.json.error).toEqual(expect.objectContaining({ code: 'OUT_OF_STOCK', details: { skuId: scarce.skuId, available: 1 } }))
    expect(await stockOf(shop, plenty.skuId)).toBe(10)
    expect(await stockOf(shop, scarce.skuId)).toBe(1)
  })

  it('answers the same order for the same Idempotency-Key and reserves once', async () => {
    const { skuId } = await seedSku(shop, 2500, 10)
    const key = randomUUID()
    const first = await placeOrder(shop, buyers[1]!, [{ skuId, qty: 3 }], { key })
    const second = await placeOrder(shop, buyers[1]!, [{ skuId, qty: 3 }], { key })
    expect(first.status).toBe(201)
    expect(second.status).toBe(201)
    expect(second.headers.get('idempotent-replayed')).toBe('true')
    expect(second.json.order).toEqual(first.json.order)
    expect(await stockOf(shop, skuId)).toBe(7)
  })

  it('answers one order to concurrent requests with one key', async () => {
    const { skuId } = await seedSku(shop, 2500, 10)
    const key = randomUUID()
    const results = await Promise.all(Array.from({ length: 8 }, () => placeOrder(shop, buyers[2]!, [{ skuId, qty: 1 }], { key })))
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201))
    expect(new Set(results.map((r) => r.json.order.id)).size).toBe(1)
    expect(await stockOf(shop, skuId)).toBe(9)
  })

  it('refuses a key reused for a different order, and keeps keys per shopper', async () => {
    const { skuId } = await seedSku(shop, 2500, 10)
    const key = randomUUID()
    expect((await placeOrder(shop, buyers[3]!, [{ skuId, qty: 1 }], { key })).status).toBe(201)
    const reused = await placeOrder(shop, buyers[3]!, [{ skuId, qty: 2 }], { key })
    expect(reused.status).toBe(422)
    expect(reused.json.error.code).toBe('IDEMPOTENCY_KEY_REUSED')
    const otherShopper = await placeOrder(shop, buyers[4]!, [{ skuId, qty: 1 }], { key })
    expect(otherShopper.status).toBe(201)
    expect(await stockOf(shop, skuId)).toBe(8)
  })

  it('takes prices from the server, whatever the client sends', async () => {
    const { skuId } = await seedSku(shop, 4200, 10)
    const res = await placeOrder(shop, buyers[5]!, [{ skuId, qty: 2 }], { body: { totalFen: 1, items: [{ skuId, qty: 2, priceFen: 1 }] } })
    expect(res.status).toBe(201)
    expect(res.json.order.totalFen).toBe(8400)
    expect(res.json.order.items[0].priceFen).toBe(4200)
  })
})
