/**
 * The server cart: priced line by line on the server (core's priceCart),
 * with each line's problem shown (gone, sold out, not enough stock), and a
 * guest cart merged in with `merge: true` after login.
 */
import { describeEachDb } from '../helpers/each-db'
import { createShop, type Shop, type Shopper } from './helpers/shop'
import { seedSku } from './helpers/orders'

describeEachDb('server cart', (dialect) => {
  let shop: Shop
  let buyer: Shopper
  let scarf: { productId: string; skuId: string }
  let scarce: { productId: string; skuId: string }
  let soldOut: { productId: string; skuId: string }

  beforeAll(async () => {
    shop = await createShop({ dialect })
    buyer = await shop.shopper()
    scarf = await seedSku(shop, 59900, 10, '羊绒围巾')
    scarce = await seedSku(shop, 1000, 2, '限量徽章')
    soldOut = await seedSku(shop, 500, 0, '已售罄')
  })
  afterAll(() => shop.close())

  const put = (body: unknown, who = buyer) => shop.call('PUT', '/api/v1/cart', { token: who.token, body })

  it('starts empty and prices every line it keeps', async () => {
    const fresh = await shop.shopper()
    const empty = await shop.call('GET', '/api/v1/cart', { token: fresh.token })
    expect(empty.status).toBe(200)
    expect(empty.json).toEqual({ items: [], totalFen: 0, payableCount: 0, payableLines: 0, hasProblems: false })

    const res = await put({ items: [{ skuId: scarf.skuId, qty: 2 }] }, fresh)
    expect(res.status).toBe(200)
    expect(res.json).toEqual(
      expect.objectContaining({
        items: [expect.objectContaining({ skuId: scarf.skuId, qty: 2, productId: scarf.productId, title: '羊绒围巾', priceFen: 59900, lineFen: 119800, maxQty: 10, image: '/media/scarf.jpg' })],
        totalFen: 119800,
        payableCount: 2,
        hasProblems: false
      })
    )
    expect((await shop.call('GET', '/api/v1/cart', { token: fresh.token })).json).toEqual(res.json)
  })

  it('surfaces pricing problems per line and leaves them out of the total', async () => {
    const res = await put({
      items: [
        { skuId: scarf.skuId, qty: 1 },
        { skuId: scarce.skuId, qty: 5 },
        { skuId: soldOut.skuId, qty: 1 },
        { skuId: 'sku_gone', qty: 1 }
      ]
    })
    expect(res.status).toBe(200)
    const problems = Object.fromEntries(res.json.items.map((l: { skuId: string; problem?: string }) => [l.skuId, l.problem ?? 'ok']))
    expect(problems).toEqual({ [scarf.skuId]: 'ok', [scarce.skuId]: 'INSUFFICIENT_STOCK', [soldOut.skuId]: 'SOLD_OUT', sku_gone: 'SKU_GONE' })
    expect(res.json).toEqual(expect.objectContaining({ totalFen: 59900, payableCount: 1, payableLines: 1, hasProblems: true }))
  })

  it('shows a price change: the cart is priced now, not when the line was added', async () => {
    const item = await seedSku(shop, 2000, 5, '会涨价')
    await put({ items: [{ skuId: item.skuId, qty: 1 }] })
    const product = (await shop.call('GET', `/api/admin/products/${item.productId}`, { cookie: shop.t.adminCookie })).json.product
    const sku = product.skus[0]
    await shop.call('PUT', `/api/admin/products/${item.productId}`, {
      cookie: shop.t.adminCookie,
      body: { title: product.title, description: product.description, images: product.images, skus: [{ ...sku, priceFen: 2500 }] }
    })
    const res = await shop.call('GET', '/api/v1/cart', { token: buyer.token })
    expect(res.json.items[0]).toEqual(expect.objectContaining({ priceFen: 2500, lineFen: 2500 }))
    expect(res.json.totalFen).toBe(2500)
  })

  it('merges a guest cart into the account cart at login (same SKU adds up, capped at stock)', async () => {
    const who = await shop.shopper()
    await put({ items: [{ skuId: scarf.skuId, qty: 2 }, { skuId: scarce.skuId, qty: 1 }] }, who)
    const merged = await put({ merge: true, items: [{ skuId: scarce.skuId, qty: 2 }, { skuId: soldOut.skuId, qty: 1 }] }, who)
    expect(merged.status).toBe(200)
    expect(merged.json.items.map((l: { skuId: string; qty: number }) => [l.skuId, l.qty])).toEqual([
      [scarf.skuId, 2],
      [scarce.skuId, 2],
      [soldOut.skuId, 1]
    ])
    expect(merged.json.items[2].problem).toBe('SOLD_OUT')
  })

  it('refuses bad carts with 4xx and a code, and keeps the cart as it was', async () => {
    await put({ items: [{ skuId: scarf.skuId, qty: 3 }] })
    const bad: [unknown, number, string][] = [
      [{ items: [{ skuId: scarf.skuId, qty: 0 }] }, 400, 'INVALID_ITEMS'],
      [{ items: [{ skuId: scarf.skuId, qty: 100 }] }, 400, 'INVALID_ITEMS'],
      [{ items: [{ skuId: scarf.skuId, qty: 1.5 }] }, 400, 'INVALID_ITEMS'],
      [{ items: [{ skuId: 'bad id!', qty: 1 }] }, 400, 'INVALID_ITEMS'],
      [{ items: [{ skuId: scarf.skuId, qty: 1 }, { skuId: scarf.skuId, qty: 1 }] }, 400, 'INVALID_ITEMS'],
      [{ items: Array.from({ length: 101 }, (_, i) => ({ skuId: `s${i}`, qty: 1 })) }, 400, 'INVALID_ITEMS'],
      [{ items: 'all' }, 400, 'INVALID_ITEMS'],
      [{}, 400, 'INVALID_ITEMS'],
      [{ items: [], merge: 'yes' }, 400, 'VALIDATION_FAILED']
    ]
    for (const [body, status, code] of bad) {
      const res = await put(body)
      expect([body, res.status, res.json.error.code]).toEqual([body, status, code])
    }
    const notJson = await shop.call('PUT', '/api/v1/cart', { token: buyer.token, body: 'items', headers: { 'content-type': 'text/plain' } })
    expect(notJson.status).toBe(415)
    expect((await shop.call('PUT', '/api/v1/cart', { body: { items: [] } })).json.error.code).toBe('UNAUTHENTICATED')
    expect((await shop.call('GET', '/api/v1/cart')).status).toBe(401)
    const kept = await shop.call('GET', '/api/v1/cart', { token: buyer.token })
    expect(kept.json.items.map((l: { skuId: string; qty: number }) => [l.skuId, l.qty])).toEqual([[scarf.skuId, 3]])
  })
})
