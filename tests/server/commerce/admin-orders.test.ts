/**
 * Staff order views (admins only): the list filtered by status and creation
 * time, paged newest first, and one order with items, address, payment,
 * refunds and attribution.
 */
import { describeEachDb } from '../helpers/each-db'
import { editorCookie } from '../helpers/seed'
import { MINUTE } from '../helpers/test-clock'
import { createShop, type Shop, type Shopper } from './helpers/shop'
import { orderOf, payInSandbox, placeOrder, seedSku } from './helpers/orders'

describeEachDb('admin orders', (dialect) => {
  let shop: Shop
  let buyer: Shopper
  let skuId: string
  const made: { id: string; createdAt: string }[] = []

  beforeAll(async () => {
    shop = await createShop({ dialect })
    buyer = await shop.shopper()
    skuId = (await seedSku(shop, 1200, 50)).skuId
    for (let i = 0; i < 3; i++) {
      made.push(await orderOf(shop, buyer, [{ skuId, qty: i + 1 }]))
      shop.clock.advance(MINUTE)
    }
    await payInSandbox(shop, buyer, made[1]!.id)
  })
  afterAll(() => shop.close())

  const list = async (q: string) => {
    const res = await shop.call('GET', `/api/admin/orders${q}`, { cookie: shop.t.adminCookie })
    expect(res.status).toBe(200)
    return res.json as { items: { id: string; status: string; userId: string }[]; nextCursor: string | null }
  }

  it('lists newest first, filters by status and time, and pages with a cursor', async () => {
    expect((await list('')).items.map((o) => o.id)).toEqual(made.map((o) => o.id).reverse())
    expect((await list('?status=paid')).items.map((o) => o.id)).toEqual([made[1]!.id])
    expect((await list('?status=pending_payment')).items.map((o) => o.id)).toEqual([made[2]!.id, made[0]!.id])
    const window = `?from=${encodeURIComponent(made[1]!.createdAt)}&to=${encodeURIComponent(made[2]!.createdAt)}`
    expect((await list(window)).items.map((o) => o.id)).toEqual([made[1]!.id])
    const first = await list('?limit=2')
    expect(first.items).toHaveLength(2)
    expect(first.items[0]!.userId).toBe(buyer.userId)
    const second = await list(`?limit=2&cursor=${first.nextCursor}`)
    expect(second).toEqual({ items: [expect.objectContaining({ id: made[0]!.id })], nextCursor: null })
  })

  it('shows one order with items, address, payment, refunds and attribution', async () => {
    const res = await shop.call('GET', `/api/admin/orders/${made[1]!.id}`, { cookie: shop.t.adminCookie })
    expect(res.status).toBe(200)
    expect(res.json.order).toEqual(
      expect.objectContaining({
        id: made[1]!.id,
        status: 'paid',
        totalFen: 2400,
        items: [expect.objectContaining({ skuId, qty: 2, priceFen: 1200 })],
        address: expect.objectContaining({ name: '张三', detail: '南京东路 1 号' }),
        payment: expect.objectContaining({ transactionId: expect.any(String), prepayId: expect.any(String), paidAt: expect.any(String) }),
        refunds: [],
        flags: [],
        attribution: { shareId: null, sharerId: null, contentSlug: null, depth: null, scene: null }
      })
    )
  })

  it('keeps the client attribution hint when no share explains the order', async () => {
    const res = await placeOrder(shop, buyer, [{ skuId, qty: 1 }], { body: { attribution: { contentSlug: 'winter-looks', scene: 1007 } } })
    expect(res.status).toBe(201)
    expect(res.json.order.attribution).toEqual({ shareId: null, sharerId: null, contentSlug: 'winter-looks', depth: null, scene: 1007 })
    const event = await shop.t.deps.db.selectFrom('events').selectAll().where('orderId', '=', res.json.order.id).executeTakeFirstOrThrow()
    expect(event).toEqual(expect.objectContaining({ type: 'order_created', userId: buyer.userId, contentSlug: 'winter-looks', totalFen: 1200 }))
  })

  it('is for admins only', async () => {
    const editor = await editorCookie(shop.t)
    for (const path of ['/api/admin/orders', `/api/admin/orders/${made[0]!.id}`]) {
      expect((await shop.call('GET', path, { cookie: editor })).status).toBe(403)
      expect((await shop.call('GET', path, { token: buyer.token })).status).toBe(401)
    }
  })
})
