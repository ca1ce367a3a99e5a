/**
 * The contract's answer schemas against what the server really answers.
 * Answers go out through their schema, which strips unknown keys, so a field
 * a flow adds without the contract would vanish silently (the order's
 * closedAt did). Here the flows' own values, taken after a real checkout,
 * refund request and shipment, must come back unchanged through
 * `schema.parse`: a field the schema lacks, or one it names differently,
 * fails. And an answer missing a required field is a 500, never sent.
 */
import type { z } from 'zod'
import { cartDto } from '@core/contract/cart'
import { productResponse } from '@core/contract/catalog'
import { errorResponses } from '@core/contract/common'
import { orderList, orderResponse } from '@core/contract/orders'
import { pageList, pageResponse } from '@core/contract/pages'
import { carriersResponse } from '@core/contract/receipt'
import { subscriptionsResponse } from '@core/contract/subscriptions'
import type { Result } from '@core/result'
import { getProduct } from '../../../src/server/flows/catalog/get-product'
import { getCart } from '../../../src/server/flows/cart/shopper-cart'
import { listPublishedPages } from '../../../src/server/flows/content/list-published'
import { readPage } from '../../../src/server/flows/content/read-page'
import { getMyOrder, listMyOrders } from '../../../src/server/flows/orders/shopper-orders'
import { listCarriers } from '../../../src/server/flows/shipping/carriers'
import { recordAcceptances } from '../../../src/server/flows/subscriptions/record-acceptances'
import type { RegisterRoutes } from '../../../src/server/routes/route'
import { advanceOrder, afterSales, paidOrder, seedCarriers, TEMPLATES_ENV } from '../after-sales/helpers'
import { seedSku } from '../commerce/helpers/orders'
import { createShop, type Shop, type Shopper } from '../commerce/helpers/shop'
import { describeEachDb } from '../helpers/each-db'
import { seedPage } from '../helpers/seed'
import { createTestApp, type TestApp } from '../helpers/test-app'

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

/** The value comes back from its schema exactly as it went in. */
function roundTrips(schema: z.ZodType, value: unknown): void {
  // JSON first: the wire has no undefined-valued keys, Dates or the like.
  const wire: unknown = JSON.parse(JSON.stringify(value))
  expect(schema.parse(wire)).toStrictEqual(wire)
}

describeEachDb('contract answers round-trip the flows’ real values', (dialect) => {
  let shop: Shop
  let buyer: Shopper
  let productId: string
  let skuId: string
  let slug: string

  beforeAll(async () => {
    shop = await createShop({ dialect, env: TEMPLATES_ENV })
    buyer = await shop.shopper()
    ;({ productId, skuId } = await seedSku(shop, 5000, 100))
    slug = 'contract-page'
    await seedPage(shop.t, slug, { productId, publish: true })
    await seedCarriers(shop)
  })
  afterAll(() => shop.close())

  it('a shipped order with a refund request, the order list, the cart, pages, product, carriers and credits', async () => {
    const { deps } = shop.t
    const order = await paidOrder(shop, buyer, [{ skuId, qty: 2 }])
    await advanceOrder(shop, order.id, 'shipped')
    expect((await afterSales(shop).ask(buyer, order.id, { kind: 'refund', reason: '少件/漏发', amountFen: 1000 })).status).toBe(201)
    expect((await shop.call('PUT', '/api/v1/cart', { token: buyer.token, body: { items: [{ skuId, qty: 1 }, { skuId: 'gone-sku', qty: 1 }] } })).status).toBe(200)

    const mine = valueOf(await getMyOrder(deps, buyer.userId, order.id, false))
    expect(mine.order).toEqual(expect.objectContaining({ status: 'shipped', shipments: [expect.anything()], afterSale: expect.anything() }))
    roundTrips(orderResponse, { order: mine.order })
    roundTrips(orderList, valueOf(await listMyOrders(deps, buyer.userId, { limit: 20 })))
    const cart = await getCart(deps, buyer.userId)
    expect(cart.hasProblems).toBe(true)
    roundTrips(cartDto, cart)
    roundTrips(pageResponse, valueOf(await readPage(deps, slug)))
    roundTrips(pageList, valueOf(await listPublishedPages(deps, { limit: 20 })))
    roundTrips(productResponse, { product: valueOf(await getProduct(deps, productId)) })
    roundTrips(carriersResponse, { items: valueOf(await listCarriers(deps)) })
    roundTrips(subscriptionsResponse, { credits: await recordAcceptances(deps, buyer.userId, ['shipped']) })
  })
})

describe('an answer that breaks its schema is not sent', () => {
  let t: TestApp
  let answer: unknown
  const brokenOrder: RegisterRoutes = (app) => {
    app.get('/test/order', { schema: { response: { 200: orderResponse, ...errorResponses } } }, async () => answer as z.infer<typeof orderResponse>)
  }
  beforeAll(async () => {
    t = await createTestApp({ dialect: 'sqlite', extraRoutes: [brokenOrder] })
  })
  afterAll(() => t.close())

  it('a missing required field or a wrong type answers 500 INTERNAL', async () => {
    const order = {
      id: 'o1',
      outTradeNo: 'T1',
      status: 'paid',
      totalFen: 100,
      discountFen: 0,
      payableFen: 100,
      items: [],
      address: { name: '张三', phone: '13800138000', province: '上海市', city: '上海市', district: '黄浦区', detail: '南京东路 1 号' },
      attribution: { shareId: null, sharerId: null, contentSlug: null, depth: null, scene: null },
      createdAt: '2026-12-01T00:00:00.000Z',
      expiresAt: '2026-12-01T00:30:00.000Z',
      refundedFen: 0,
      shipments: [],
      refunds: []
    }
    answer = { order }
    expect((await t.call('GET', '/test/order')).status).toBe(200)
    const { outTradeNo: _gone, ...missing } = order
    for (const broken of [missing, { ...order, totalFen: '100' }, { ...order, status: 'lost' }]) {
      answer = { order: broken }
      const res = await t.call('GET', '/test/order')
      expect([res.status, res.json.error.code]).toEqual([500, 'INTERNAL'])
    }
  })
})
