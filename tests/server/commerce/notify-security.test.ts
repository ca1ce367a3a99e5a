/**
 * The notify handler refuses what WeChat did not send or did not mean:
 * forged (another key), unsigned, stale, tampered (body or ciphertext),
 * another merchant's or app's, unknown orders and wrong amounts answer
 * 4xx `{"code":"FAIL","message":…}` and leave the order as it was. A wrong
 * amount is also flagged for staff (admins only).
 */
import { describeEachDb } from '../helpers/each-db'
import { editorCookie } from '../helpers/seed'
import { createShop, type Shop, type Shopper } from './helpers/shop'
import { eventsOf, orderOf, payParams, seedSku } from './helpers/orders'
import { otherPrivateKey, signedNotification, transactionResource, type Spoil } from './helpers/notify'

describeEachDb('payment notifications that must be refused', (dialect) => {
  let shop: Shop
  let buyer: Shopper
  let skuId: string
  let order: { id: string; outTradeNo: string; totalFen: number }

  const send = async (resource: object, spoil: Spoil = {}, eventType = 'TRANSACTION.SUCCESS') => {
    const n = signedNotification(shop.keys, shop.clock.now().getTime(), eventType, resource, spoil)
    const res = await fetch(`${shop.baseUrl}/api/v1/wechatpay/notify`, { method: 'POST', headers: n.headers, body: n.body })
    const text = await res.text()
    return { status: res.status, json: text ? JSON.parse(text) : undefined }
  }
  const statusNow = async () => (await shop.call('GET', `/api/v1/orders/${order.id}`, { token: buyer.token })).json.order.status

  beforeAll(async () => {
    shop = await createShop({ dialect })
    buyer = await shop.shopper()
    skuId = (await seedSku(shop, 8800, 50)).skuId
    order = await orderOf(shop, buyer, [{ skuId, qty: 1 }])
    await payParams(shop, buyer, order.id)
  })
  afterAll(() => shop.close())

  const refusals: [string, () => Spoil | object, number][] = [
    ['signed with another key (forged)', () => ({ signWith: otherPrivateKey() }), 401],
    ['without a signature', () => ({ omitSignature: true }), 401],
    ['signed by an unknown key id', () => ({ serial: 'PUB_KEY_ID_0000000000000000000000' }), 401],
    ['301 s old (stale)', () => ({ skewS: -301 }), 401],
    ['301 s in the future', () => ({ skewS: 301 }), 401],
    ['changed after signing (tampered body)', () => ({ tamperBody: (b: string) => b.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" ') }), 401],
    ['with a ciphertext whose GCM tag fails', () => ({ tamperCipher: true }), 400]
  ]

  it.each(refusals)('refuses a notification %s and changes nothing', async (_name, spoil, status) => {
    const res = await send(transactionResource(shop.keys, order), spoil() as Spoil)
    expect(res.status).toBe(status)
    expect(res.json).toEqual({ code: 'FAIL', message: expect.any(String) })
    expect(await statusNow()).toBe('pending_payment')
    expect(await eventsOf(shop, order.id, 'order_paid')).toBe(0)
  })

  it.each([
    ['another merchant', { mchid: '1999999999' }, 400],
    ['another app', { appid: 'wx0000000000000000' }, 400],
    ['an order we never made', { out_trade_no: 'NOSUCHORDER_1' }, 404],
    ['an attach naming another order', { attach: 'ord_other' }, 400],
    ['a trade that is not paid', { trade_state: 'NOTPAY' }, 400]
  ])('refuses a well-signed notification for %s', async (_name, over, status) => {
    const res = await send(transactionResource(shop.keys, order, over))
    expect(res.status).toBe(status)
    expect(res.json.code).toBe('FAIL')
    expect(await statusNow()).toBe('pending_payment')
  })

  it('refuses a body that is not JSON and an unexpected event type', async () => {
    const raw = await fetch(`${shop.baseUrl}/api/v1/wechatpay/notify`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' })
    expect(raw.status).toBe(401)
    expect(await raw.json()).toEqual({ code: 'FAIL', message: expect.any(String) })
    const refund = await send(transactionResource(shop.keys, order), {}, 'REFUND.SUCCESS')
    expect(refund.status).toBe(400)
    expect(await statusNow()).toBe('pending_payment')
  })

  it('refuses a wrong amount, flags it once for admins, and still accepts the true notification', async () => {
    const wrong = transactionResource(shop.keys, order, { amount: { total: 1, payer_total: 1, currency: 'CNY', payer_currency: 'CNY' } })
    expect((await send(wrong)).status).toBe(400)
    expect((await send(wrong)).status).toBe(400)
    expect(await statusNow()).toBe('pending_payment')

    const flags = await shop.call('GET', '/api/admin/flags', { cookie: shop.t.adminCookie })
    expect(flags.status).toBe(200)
    const mine = flags.json.items.filter((f: { orderId: string }) => f.orderId === order.id)
    expect(mine).toEqual([
      expect.objectContaining({ kind: 'AMOUNT_MISMATCH', outTradeNo: order.outTradeNo, details: expect.objectContaining({ expectedFen: 8800, reportedFen: 1 }) })
    ])
    const detail = await shop.call('GET', `/api/admin/orders/${order.id}`, { cookie: shop.t.adminCookie })
    expect(detail.json.order.flags).toHaveLength(1)
    const editor = await editorCookie(shop.t)
    expect((await shop.call('GET', '/api/admin/flags', { cookie: editor })).status).toBe(403)
    expect((await shop.call('GET', '/api/admin/flags')).status).toBe(401)

    const good = await send(transactionResource(shop.keys, order))
    expect(good.status).toBe(204)
    expect(await statusNow()).toBe('paid')
    expect(await eventsOf(shop, order.id, 'order_paid')).toBe(1)
  })
})
