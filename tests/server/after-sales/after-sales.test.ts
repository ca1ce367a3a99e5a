/**
 * After-sales through the real HTTP API, paid out through the real WeChat
 * Pay sandbox: the shopper asks, staff approve or reject, returns come back
 * and are received, refunds settle the request; the shopper's order shows
 * the request and its refunds. Core's rules are tested in tests/core.
 */
import { describeEachDb } from '../helpers/each-db'
import { editorCookie } from '../helpers/seed'
import { seedSku, stockOf } from '../commerce/helpers/orders'
import { createShop, type Shop, type Shopper } from '../commerce/helpers/shop'
import { advanceOrder, afterSales, paidOrder, seedCarriers, TEMPLATES_ENV } from './helpers'
import { poll } from '../../helpers/poll'

const DAY = 24 * 60 * 60 * 1000

describeEachDb('after-sales', (dialect) => {
  let shop: Shop
  let buyer: Shopper
  let other: Shopper
  let skuId: string
  let api: ReturnType<typeof afterSales>

  beforeAll(async () => {
    shop = await createShop({ dialect, env: TEMPLATES_ENV, sandbox: { refundDelayMs: 50 } })
    buyer = await shop.shopper()
    other = await shop.shopper()
    skuId = (await seedSku(shop, 5000, 100)).skuId
    api = afterSales(shop)
    await seedCarriers(shop)
  })
  afterAll(() => shop.close())

  it('a refund of a paid order: asked, approved, paid out by WeChat Pay, shown on the shopper’s order', async () => {
    const order = await paidOrder(shop, buyer, [{ skuId, qty: 2 }])
    const asked = await api.ask(buyer, order.id, { kind: 'refund', reason: '不想要了', amountFen: 4000, note: '拍多了' })
    expect(asked.status).toBe(201)
    const afterSale = asked.json.afterSale
    expect(afterSale).toEqual({
      id: expect.any(String),
      orderId: order.id,
      kind: 'refund',
      status: 'requested',
      reason: '不想要了',
      amountFen: 4000,
      note: '拍多了',
      images: [],
      createdAt: shop.clock.now().toISOString(),
      updatedAt: shop.clock.now().toISOString()
    })
    expect((await api.order(buyer, order.id)).afterSale).toEqual(afterSale)

    // One open request per order.
    const again = await api.ask(buyer, order.id, { kind: 'refund', reason: '再次申请', amountFen: 100 })
    expect([again.status, again.json.error.code]).toEqual([409, 'AFTER_SALE_OPEN'])

    const queued = await api.queue()
    expect(queued.status).toBe(200)
    expect(queued.json.items).toContainEqual({ ...afterSale, outTradeNo: order.outTradeNo, orderStatus: 'paid', totalFen: 10000, refundedFen: 0 })

    const approved = await api.approve(afterSale.id, {})
    expect(approved.status).toBe(200)
    expect(approved.json.afterSale).toEqual(expect.objectContaining({ status: 'refunding', restock: false }))
    const refund = [...shop.sandbox.store.refunds.values()].find((r) => r.outTradeNo === order.outTradeNo)
    expect(refund).toEqual(expect.objectContaining({ refundFen: 4000 }))

    const done = await api.settled(buyer, order.id)
    expect(done).toEqual(expect.objectContaining({ status: 'paid', refundedFen: 4000 }))
    expect(done.afterSale).toEqual(expect.objectContaining({ id: afterSale.id, status: 'refunded' }))
    expect(done.refunds).toEqual([
      { id: expect.any(String), amountFen: 4000, status: 'succeeded', createdAt: expect.any(String), settledAt: expect.any(String) }
    ])
    // A finished request no longer blocks a new one, up to what is left.
    const tooMuch = await api.ask(buyer, order.id, { kind: 'refund', reason: '全部退', amountFen: 6001 })
    expect([tooMuch.status, tooMuch.json.error.code, tooMuch.json.error.details.refundableFen]).toEqual([409, 'REFUND_EXCEEDS_PAID', 6000])
    expect((await api.ask(buyer, order.id, { kind: 'refund', reason: '全部退', amountFen: 6000 })).status).toBe(201)
  })

  it('only refunds before shipping; returns once shipped; nothing after the window; not another shopper’s order', async () => {
    const order = await paidOrder(shop, buyer, [{ skuId, qty: 1 }])
    const ret = await api.ask(buyer, order.id, { kind: 'return', reason: '尺码不合适', amountFen: 100 })
    expect([ret.status, ret.json.error.code]).toEqual([409, 'AFTER_SALE_KIND_NOT_ALLOWED'])
    const foreign = await api.ask(other, order.id, { kind: 'refund', reason: '不想要了', amountFen: 100 })
    expect([foreign.status, foreign.json.error.code]).toEqual([404, 'ORDER_NOT_FOUND'])

    await advanceOrder(shop, order.id, 'completed', new Date(shop.clock.now().getTime() - 8 * DAY))
    const late = await api.ask(buyer, order.id, { kind: 'return', reason: '尺码不合适', amountFen: 100 })
    expect([late.status, late.json.error.code]).toEqual([409, 'AFTER_SALE_EXPIRED'])

    const unpaid = (await shop.call('POST', '/api/v1/orders', {
      token: buyer.token,
      headers: { 'idempotency-key': `unpaid-${order.id}` },
      body: { items: [{ skuId, qty: 1 }], address: { name: '张三', phone: '13800138000', province: '上海市', city: '上海市', district: '黄浦区', detail: '南京东路 1 号' } }
    })).json.order
    const notPaid = await api.ask(buyer, unpaid.id, { kind: 'refund', reason: '不想要了', amountFen: 100 })
    expect([notPaid.status, notPaid.json.error.code]).toEqual([409, 'AFTER_SALE_NOT_ALLOWED'])
    await shop.call('POST', `/api/v1/orders/${unpaid.id}/cancel`, { token: buyer.token })
  })

  it('a return: approved with restock, parcel sent back, received, refunded; stock comes back', async () => {
    const order = await paidOrder(shop, buyer, [{ skuId, qty: 3 }])
    await advanceOrder(shop, order.id, 'shipped')
    const stockBefore = await stockOf(shop, skuId)
    const asked = await api.ask(buyer, order.id, { kind: 'return', reason: '尺码不合适', amountFen: 5000, items: [{ skuId, qty: 1 }] })
    expect(asked.status).toBe(201)
    const id = asked.json.afterSale.id
    expect(asked.json.afterSale.items).toEqual([{ skuId, qty: 1 }])

    // No parcel before approval; no receipt before the goods were asked for.
    expect((await api.shipBack(buyer, id, { carrierCode: 'SF', trackingNo: 'SF1234567890' })).json.error.code).toBe('INVALID_AFTER_SALE_TRANSITION')
    expect((await api.received(id)).json.error.code).toBe('INVALID_AFTER_SALE_TRANSITION')

    const approved = await api.approve(id, { restock: true })
    expect(approved.json.afterSale).toEqual(expect.objectContaining({ status: 'awaiting_return', restock: true }))
    expect(await stockOf(shop, skuId)).toBe(stockBefore)

    const unknownCarrier = await api.shipBack(buyer, id, { carrierCode: 'NOPE', trackingNo: 'X1234567' })
    expect([unknownCarrier.status, unknownCarrier.json.error.code]).toEqual([400, 'INVALID_CARRIER'])
    const badNo = await api.shipBack(buyer, id, { carrierCode: 'SF', trackingNo: '1' })
    expect([badNo.status, badNo.json.error.code]).toEqual([400, 'INVALID_RETURN_SHIPMENT'])
    expect((await api.shipBack(other, id, { carrierCode: 'SF', trackingNo: 'SF1234567890' })).status).toBe(404)
    const shipped = await api.shipBack(buyer, id, { carrierCode: 'SF', trackingNo: 'SF 1234 5678 90' })
    expect(shipped.status).toBe(200)
    expect(shipped.json.afterSale.returnShipment).toEqual({ carrier: { code: 'SF', name: '顺丰速运' }, trackingNo: 'SF1234567890', shippedAt: shop.clock.now().toISOString() })
    // The shopper may correct the parcel while staff wait for it.
    const corrected = await api.shipBack(buyer, id, { carrierCode: 'ZTO', trackingNo: '7300001111' })
    expect(corrected.json.afterSale.returnShipment.carrier).toEqual({ code: 'ZTO', name: '中通快递' })
    expect((await api.queue('?status=awaiting_return')).json.items.map((a: { id: string }) => a.id)).toContain(id)

    const received = await api.received(id)
    expect(received.status).toBe(200)
    expect(received.json.afterSale.status).toBe('refunding')
    expect(await stockOf(shop, skuId)).toBe(stockBefore + 1)
    // Withdrawing is too late once the goods are back.
    expect((await api.cancel(buyer, id)).json.error.code).toBe('INVALID_AFTER_SALE_TRANSITION')

    const done = await api.settled(buyer, order.id)
    expect(done).toEqual(expect.objectContaining({ status: 'shipped', refundedFen: 5000 }))
    expect(done.afterSale.status).toBe('refunded')
    // A second request for the same units does not put them back twice.
    const again = await api.ask(buyer, order.id, { kind: 'return', reason: '质量问题', amountFen: 10000 })
    await api.approve(again.json.afterSale.id, { restock: true })
    await api.received(again.json.afterSale.id)
    expect(await stockOf(shop, skuId)).toBe(stockBefore + 3)
    expect((await api.settled(buyer, order.id)).status).toBe('refunded')
  })

  it('reject with a reason; the shopper withdraws an open request; finished requests stay put', async () => {
    const order = await paidOrder(shop, buyer, [{ skuId, qty: 1 }])
    const first = (await api.ask(buyer, order.id, { kind: 'refund', reason: '不想要了', amountFen: 5000 })).json.afterSale
    const noReason = await api.reject(first.id, { reason: ' ' })
    expect([noReason.status, noReason.json.error.code]).toEqual([400, 'VALIDATION_FAILED'])
    const rejected = await api.reject(first.id, { reason: '商品已打包待发' })
    expect(rejected.json.afterSale).toEqual(expect.objectContaining({ status: 'rejected', rejectReason: '商品已打包待发' }))
    for (const res of [await api.approve(first.id), await api.reject(first.id, { reason: 'x' }), await api.cancel(buyer, first.id)]) {
      expect([res.status, res.json.error.code]).toEqual([409, 'AFTER_SALE_CLOSED'])
    }
    expect((await api.order(buyer, order.id)).afterSale.status).toBe('rejected')

    const second = (await api.ask(buyer, order.id, { kind: 'refund', reason: '不想要了', amountFen: 5000 })).json.afterSale
    expect((await api.cancel(other, second.id)).status).toBe(404)
    const cancelled = await api.cancel(buyer, second.id)
    expect(cancelled.json.afterSale.status).toBe('cancelled')
    expect((await api.approve(second.id)).json.error.code).toBe('AFTER_SALE_CLOSED')
    expect(await api.order(buyer, order.id)).toEqual(expect.objectContaining({ status: 'paid', refundedFen: 0, refunds: [] }))
    expect((await api.queue('?status=cancelled')).json.items[0].id).toBe(second.id)
  })

  it('a refund WeChat closes puts the request back to approved; approving again pays it out', async () => {
    const order = await paidOrder(shop, buyer, [{ skuId, qty: 1 }])
    const id = (await api.ask(buyer, order.id, { kind: 'refund', reason: '不想要了', amountFen: 5000 })).json.afterSale.id
    shop.sandbox.control.nextRefundOutcome = 'CLOSED'
    expect((await api.approve(id)).json.afterSale.status).toBe('refunding')
    const back = await api.settled(buyer, order.id)
    expect(back.afterSale.status).toBe('approved')
    expect(back.refunds).toEqual([expect.objectContaining({ status: 'failed' })])
    expect(back).toEqual(expect.objectContaining({ status: 'paid', refundedFen: 0 }))

    shop.clock.advance(60_000)
    expect((await api.approve(id)).json.afterSale.status).toBe('refunding')
    const done = await api.settled(buyer, order.id)
    expect(done.afterSale.status).toBe('refunded')
    expect(done.refunds.map((r: { status: string }) => r.status)).toEqual(['failed', 'succeeded'])
    expect(done.status).toBe('refunded')
  })

  it('an abnormal refund keeps the request refunding (WeChat may still settle it); a completed order takes requests inside the window', async () => {
    const order = await paidOrder(shop, buyer, [{ skuId, qty: 1 }])
    await advanceOrder(shop, order.id, 'completed', new Date(shop.clock.now().getTime() - 6 * DAY))
    const id = (await api.ask(buyer, order.id, { kind: 'refund', reason: '质量问题', amountFen: 2000 })).json.afterSale.id
    shop.sandbox.control.nextRefundOutcome = 'ABNORMAL'
    expect((await api.approve(id)).json.afterSale.status).toBe('refunding')
    const flagged = await poll(async () => {
      const o = (await shop.call('GET', `/api/admin/orders/${order.id}`, { cookie: shop.t.adminCookie })).json.order
      return o.flags.length > 0 ? o : undefined
    }, { what: 'the abnormal flag' })
    expect(flagged.flags[0].kind).toBe('REFUND_ABNORMAL')
    const mine = await api.order(buyer, order.id)
    expect(mine.afterSale.status).toBe('refunding')
    expect(mine.refunds).toEqual([expect.objectContaining({ amountFen: 2000, status: 'processing' })])
    expect((await api.cancel(buyer, id)).json.error.code).toBe('INVALID_AFTER_SALE_TRANSITION')
  })

  it('with automatic approval on, a paid, unshipped order is refunded on the request alone and its stock returns', async () => {
    const editor = await editorCookie(shop.t)
    expect((await shop.call('GET', '/api/admin/settings', { cookie: editor })).status).toBe(403)
    expect((await shop.call('GET', '/api/admin/settings')).status).toBe(401)
    expect((await shop.call('GET', '/api/admin/settings', { cookie: shop.t.adminCookie })).json).toEqual({ settings: { afterSaleAutoApprove: false } })
    const bad = await shop.call('PUT', '/api/admin/settings', { cookie: shop.t.adminCookie, body: { afterSaleAutoApprove: 'yes' } })
    expect([bad.status, bad.json.error.code]).toEqual([400, 'VALIDATION_FAILED'])
    const on = await shop.call('PUT', '/api/admin/settings', { cookie: shop.t.adminCookie, body: { afterSaleAutoApprove: true } })
    expect(on.json).toEqual({ settings: { afterSaleAutoApprove: true } })
    try {
      const order = await paidOrder(shop, buyer, [{ skuId, qty: 2 }])
      const stock = await stockOf(shop, skuId)
      const asked = await api.ask(buyer, order.id, { kind: 'refund', reason: '不想要了', amountFen: 10000 })
      expect(asked.status).toBe(201)
      expect(asked.json.afterSale).toEqual(expect.objectContaining({ status: 'refunding', restock: true }))
      expect(await stockOf(shop, skuId)).toBe(stock + 2)
      const done = await api.settled(buyer, order.id)
      expect(done).toEqual(expect.objectContaining({ status: 'refunded', refundedFen: 10000 }))

      // A shipped order still waits for staff.
      const shipped = await paidOrder(shop, buyer, [{ skuId, qty: 1 }])
      await advanceOrder(shop, shipped.id, 'shipped')
      expect((await api.ask(buyer, shipped.id, { kind: 'refund', reason: '少件/漏发', amountFen: 100 })).json.afterSale.status).toBe('requested')
    } finally {
      await shop.call('PUT', '/api/admin/settings', { cookie: shop.t.adminCookie, body: { afterSaleAutoApprove: false } })
    }
  })

  it('photos must be this shop’s uploads; bodies are checked; only signed-in shoppers and admins act', async () => {
    const order = await paidOrder(shop, buyer, [{ skuId, qty: 1 }])
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`photo-${order.id}`)])
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'a.png')
    const up = await fetch(`${shop.t.url}/api/v1/media`, { method: 'POST', headers: { authorization: `Bearer ${buyer.token}` }, body: form })
    expect(up.status).toBe(201)
    const { url } = (await up.json()) as { url: string }

    const stranger = `${shop.baseUrl}/media/${'c'.repeat(32)}.jpg`
    const notOurs = await api.ask(buyer, order.id, { kind: 'refund', reason: '质量问题', amountFen: 100, images: [stranger] })
    expect([notOurs.status, notOurs.json.error.code, notOurs.json.error.details]).toEqual([400, 'INVALID_AFTER_SALE', [{ path: 'images.0', message: 'no such upload' }]])
    const foreignHost = await api.ask(buyer, order.id, { kind: 'refund', reason: '质量问题', amountFen: 100, images: [url.replace(/^https?:\/\/[^/]+/, 'https://evil.example')] })
    expect(foreignHost.json.error.details).toEqual([{ path: 'images.0', message: 'not an upload of this shop' }])
    const badLine = await api.ask(buyer, order.id, { kind: 'refund', reason: '质量问题', amountFen: 100, items: [{ skuId, qty: 2 }] })
    expect(badLine.json.error).toEqual(expect.objectContaining({ code: 'INVALID_AFTER_SALE', details: [expect.objectContaining({ path: 'items.0' })] }))
    for (const body of [{}, { kind: 'refund', reason: 'x', amountFen: -1 }, { kind: 'exchange', reason: 'x', amountFen: 1 }, []]) {
      const res = await api.ask(buyer, order.id, body)
      expect([body, res.status, res.json.error.code]).toEqual([body, 400, 'INVALID_AFTER_SALE'])
    }
    const ok = await api.ask(buyer, order.id, { kind: 'refund', reason: '质量问题', amountFen: 100, images: [url, new URL(url).pathname] })
    expect(ok.status).toBe(201)
    expect(ok.json.afterSale.images).toEqual([url])

    expect((await shop.call('POST', `/api/v1/orders/${order.id}/after-sales`, { body: { kind: 'refund', reason: 'x', amountFen: 1 } })).status).toBe(401)
    const editor = await editorCookie(shop.t)
    expect((await api.approve(ok.json.afterSale.id, {}, editor)).status).toBe(403)
    expect((await api.queue('', editor)).status).toBe(403)
    expect((await shop.call('POST', `/api/admin/after-sales/${ok.json.afterSale.id}/approve`, { body: {} })).status).toBe(401)
    expect((await api.approve('afs_missing')).json.error.code).toBe('AFTER_SALE_NOT_FOUND')
    expect((await api.queue('?status=nope')).status).toBe(400)
  })

  it('races: two requests at once store one; a withdrawal racing an approval lets one win', async () => {
    const order = await paidOrder(shop, buyer, [{ skuId, qty: 1 }])
    const both = await Promise.all([1, 2].map((n) => api.ask(buyer, order.id, { kind: 'refund', reason: `同时申请${n}`, amountFen: 1000 })))
    expect(both.map((r) => r.status).sort()).toEqual([201, 409])
    expect(both.find((r) => r.status === 409)!.json.error.code).toBe('AFTER_SALE_OPEN')
    const id = both.find((r) => r.status === 201)!.json.afterSale.id
    const [cancelled, approved] = await Promise.all([api.cancel(buyer, id), api.approve(id)])
    const winners = [cancelled, approved].filter((r) => r.status === 200)
    expect(winners).toHaveLength(1)
    const final = await api.settled(buyer, order.id)
    const status = final.afterSale.status
    if (cancelled.status === 200) {
      expect(status).toBe('cancelled')
      expect(final.refunds).toEqual([])
    } else {
      expect(status).toBe('refunded')
      expect(final.refundedFen).toBe(1000)
    }
  })

  it('the staff queue: open requests first, oldest first, then finished ones newest first; paged across both', async () => {
    const walk = async (query: string) => {
      const all: Array<{ id: string; createdAt: string; status: string }> = []
      let cursor: string | null = ''
      do {
        const res = await api.queue(`?limit=2${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
        expect(res.status).toBe(200)
        all.push(...res.json.items)
        cursor = res.json.nextCursor
      } while (cursor)
      return all
    }
    const isOpen = (a: { status: string }) => ['requested', 'approved', 'awaiting_return', 'returned', 'refunding'].includes(a.status)
    const everything = await walk('')
    const open = everything.filter(isOpen)
    const done = everything.filter((a) => !isOpen(a))
    expect(open.length).toBeGreaterThan(1)
    expect(done.length).toBeGreaterThan(1)
    expect(everything).toEqual([...open, ...done])
    expect(new Set(everything.map((a) => a.id)).size).toBe(everything.length)
    expect([...open].sort((a, b) => a.createdAt.localeCompare(b.createdAt))).toEqual(open)
    expect([...done].sort((a, b) => b.createdAt.localeCompare(a.createdAt))).toEqual(done)
    expect(await walk('&status=all')).toEqual(everything)
    expect(await walk('&status=open')).toEqual(open)
    expect((await walk('&status=requested')).every((a) => a.status === 'requested')).toBe(true)
    expect((await api.queue('?cursor=garbage')).json.error.code).toBe('INVALID_CURSOR')
  })
})
