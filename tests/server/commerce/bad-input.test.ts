/**
 * Every commerce route answers bad input with a 4xx and an error code, and
 * changes nothing; without WECHATPAY_* the pay routes answer 503
 * PAY_NOT_CONFIGURED while orders, cancel and the close job still work.
 */
import { runDueJobs } from '../../../src/server/jobs'
import { describeEachDb } from '../helpers/each-db'
import { MINUTE } from '../helpers/test-clock'
import { createShop, type Shop, type Shopper } from './helpers/shop'
import { ADDRESS, orderOf, seedSku, stockOf } from './helpers/orders'

describeEachDb('bad input on commerce routes', (dialect) => {
  let shop: Shop
  let buyer: Shopper
  let skuId: string

  beforeAll(async () => {
    shop = await createShop({ dialect })
    buyer = await shop.shopper()
    skuId = (await seedSku(shop, 1000, 10)).skuId
  })
  afterAll(() => shop.close())

  const ordersOfBuyer = async () =>
    (await shop.t.deps.db.selectFrom('orders').select('id').where('userId', '=', buyer.userId).execute()).length

  it('POST /api/v1/orders: refuses each bad request with its code and reserves nothing', async () => {
    const items = [{ skuId, qty: 1 }]
    const cases: [string, { key?: string | null; body?: unknown; token?: string; type?: string }, number, string][] = [
      ['no Idempotency-Key', { key: null, body: { items, address: ADDRESS } }, 400, 'INVALID_IDEMPOTENCY_KEY'],
      ['a short Idempotency-Key', { key: 'abc', body: { items, address: ADDRESS } }, 400, 'INVALID_IDEMPOTENCY_KEY'],
      ['a body that is a list', { body: [items] }, 400, 'VALIDATION_FAILED'],
      ['no items', { body: { items: [], address: ADDRESS } }, 400, 'INVALID_ITEMS'],
      ['a zero quantity', { body: { items: [{ skuId, qty: 0 }], address: ADDRESS } }, 400, 'INVALID_ITEMS'],
      ['no address', { body: { items } }, 400, 'INVALID_ADDRESS'],
      ['a bad phone', { body: { items, address: { ...ADDRESS, phone: '12345' } } }, 400, 'INVALID_ADDRESS'],
      ['a bad attribution', { body: { items, address: ADDRESS, attribution: { scene: 'x' } } }, 400, 'VALIDATION_FAILED'],
      ['an unknown attribution field', { body: { items, address: ADDRESS, attribution: { sharer: 'me' } } }, 400, 'VALIDATION_FAILED'],
      ['an unknown SKU', { body: { items: [{ skuId: 'sku_nope', qty: 1 }], address: ADDRESS } }, 409, 'SKU_UNAVAILABLE'],
      ['more than the stock', { body: { items: [{ skuId, qty: 11 }], address: ADDRESS } }, 409, 'OUT_OF_STOCK'],
      ['no login', { token: '', body: { items, address: ADDRESS } }, 401, 'UNAUTHENTICATED'],
      ['a bad token', { token: 'forged', body: { items, address: ADDRESS } }, 401, 'UNAUTHENTICATED'],
      ['a text body', { body: 'items=1', type: 'text/plain' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['broken JSON', { body: '{"items":', type: 'application/json' }, 400, 'INVALID_JSON']
    ]
    for (const [name, c, status, code] of cases) {
      const headers: Record<string, string> = {}
      if (c.key !== null) headers['idempotency-key'] = c.key ?? `key-${name.replace(/\W/g, '-')}-0000`
      if (c.type) headers['content-type'] = c.type
      const res = await shop.call('POST', '/api/v1/orders', { token: c.token ?? buyer.token, headers, body: c.body })
      expect([name, res.status, res.json?.error?.code]).toEqual([name, status, code])
    }
    expect(await ordersOfBuyer()).toBe(0)
    expect(await stockOf(shop, skuId)).toBe(10)
  })

  it('order reads and actions: bad ids, queries and cursors are 4xx with a code', async () => {
    const order = await orderOf(shop, buyer, [{ skuId, qty: 1 }])
    const cases: [string, string, number, string][] = [
      ['GET', '/api/v1/orders?limit=0', 400, 'VALIDATION_FAILED'],
      ['GET', '/api/v1/orders?limit=abc', 400, 'VALIDATION_FAILED'],
      ['GET', '/api/v1/orders?cursor=garbage', 400, 'INVALID_CURSOR'],
      ['GET', '/api/v1/orders/bad%20id', 400, 'VALIDATION_FAILED'],
      ['GET', `/api/v1/orders/${order.id}?sync=maybe`, 400, 'VALIDATION_FAILED'],
      ['GET', '/api/v1/orders/ord_nope', 404, 'ORDER_NOT_FOUND'],
      ['POST', '/api/v1/orders/bad%20id/pay', 400, 'VALIDATION_FAILED'],
      ['POST', '/api/v1/orders/ord_nope/pay', 404, 'ORDER_NOT_FOUND'],
      ['POST', '/api/v1/orders/bad%20id/cancel', 400, 'VALIDATION_FAILED'],
      ['POST', '/api/v1/orders/ord_nope/cancel', 404, 'ORDER_NOT_FOUND']
    ]
    for (const [method, path, status, code] of cases) {
      const res = await shop.call(method, path, { token: buyer.token })
      expect([path, res.status, res.json?.error?.code]).toEqual([path, status, code])
    }
    const list = await shop.call('GET', '/api/v1/orders?limit=1', { token: buyer.token })
    expect(list.json).toEqual({ items: [expect.objectContaining({ id: order.id, status: 'pending_payment' })], nextCursor: null })
    expect((await shop.call('GET', '/api/v1/orders')).status).toBe(401)
  })

  it('admin order routes: bad filters are 400; shoppers and editors are kept out', async () => {
    const admin = shop.t.adminCookie
    const cases: [string, number, string][] = [
      ['/api/admin/orders?status=lost', 400, 'VALIDATION_FAILED'],
      ['/api/admin/orders?from=yesterday', 400, 'VALIDATION_FAILED'],
      ['/api/admin/orders?from=2025-06-02T00:00:00Z&to=2025-06-01T00:00:00Z', 400, 'VALIDATION_FAILED'],
      ['/api/admin/orders?limit=1000', 400, 'VALIDATION_FAILED'],
      ['/api/admin/orders?cursor=x', 400, 'INVALID_CURSOR'],
      ['/api/admin/orders/bad%20id', 400, 'VALIDATION_FAILED'],
      ['/api/admin/orders/ord_nope', 404, 'ORDER_NOT_FOUND'],
      ['/api/admin/flags?limit=-1', 400, 'VALIDATION_FAILED']
    ]
    for (const [path, status, code] of cases) {
      const res = await shop.call('GET', path, { cookie: admin })
      expect([path, res.status, res.json?.error?.code]).toEqual([path, status, code])
    }
    expect((await shop.call('GET', '/api/admin/orders', { token: buyer.token })).status).toBe(401)
  })
})

describeEachDb('commerce without WeChat Pay configured', (dialect) => {
  let shop: Shop
  let buyer: Shopper

  beforeAll(async () => {
    shop = await createShop({ dialect, pay: false })
    buyer = await shop.shopper()
  })
  afterAll(() => shop.close())

  it('takes orders, answers 503 PAY_NOT_CONFIGURED to pay and refund, and still closes and cancels', async () => {
    const { skuId } = await seedSku(shop, 1000, 5)
    const order = await orderOf(shop, buyer, [{ skuId, qty: 2 }])
    const pay = await shop.call('POST', `/api/v1/orders/${order.id}/pay`, { token: buyer.token })
    expect([pay.status, pay.json.error.code]).toEqual([503, 'PAY_NOT_CONFIGURED'])
    const refund = await shop.call('POST', `/api/admin/orders/${order.id}/refund`, { cookie: shop.t.adminCookie, body: { amountFen: 100, reason: 'x' } })
    expect([refund.status, refund.json.error.code]).toEqual([503, 'PAY_NOT_CONFIGURED'])
    const notify = await fetch(`${shop.baseUrl}/api/v1/wechatpay/notify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(notify.status).toBe(503)
    expect(await notify.json()).toEqual({ code: 'FAIL', message: expect.any(String) })

    const cancelled = await orderOf(shop, buyer, [{ skuId, qty: 1 }])
    expect((await shop.call('POST', `/api/v1/orders/${cancelled.id}/cancel`, { token: buyer.token })).json.order.status).toBe('closed')
    shop.clock.advance(16 * MINUTE)
    expect((await runDueJobs(shop.t.deps)).orders?.closed).toEqual([order.id])
    expect(await stockOf(shop, skuId)).toBe(5)
  })
})
