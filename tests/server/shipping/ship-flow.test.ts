// The whole life of an express order against the real sandbox: the 待发货
// queue, the carrier list, shipping, the upload WeChat receives through the
// outbox, the shopper's view, confirm receipt checked with get_order, events.
import { describeEachDb } from '../helpers/each-db'
import { createTestApp, type Json, type TestApp } from '../helpers/test-app'
import { HOUR } from '../helpers/test-clock'
import { editorCookie } from '../helpers/seed'
import { createFulfilmentShop, type FulfilmentShop } from './helpers/fulfilment'

describeEachDb('message push switched off', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ dialect })
  })
  afterAll(() => t.close())

  test('without WECHAT_MESSAGE_TOKEN nothing can be checked, so every push is refused', async () => {
    const get = await t.call('GET', '/api/v1/wechat/message?signature=x&timestamp=1&nonce=2&echostr=abc')
    expect([get.status, get.json.error.code]).toEqual([401, 'MESSAGE_PUSH_OFF'])
    const post = await t.call('POST', '/api/v1/wechat/message?signature=x&timestamp=1&nonce=2', { body: { Event: 'trade_manage_order_settlement' } })
    expect(post.status).toBe(401)
  })
})

describeEachDb('shipping an order', (dialect) => {
  let shop: FulfilmentShop
  beforeAll(async () => {
    shop = await createFulfilmentShop({ dialect })
  })
  afterAll(() => shop.closeAll())

  test('carriers come from WeChat’s list, cached in the database', async () => {
    const res = await shop.call('GET', '/api/admin/carriers', { cookie: shop.t.adminCookie })
    expect(res.status).toBe(200)
    expect(res.json.items.length).toBeGreaterThanOrEqual(20)
    expect(res.json.items).toEqual(expect.arrayContaining([{ code: 'SF', name: '顺丰速运' }, { code: 'YTO', name: '圆通速递' }]))
    const before = shop.sandbox.mp.calls('get_delivery_list').length
    const buyer = await shop.shopper()
    const again = await shop.call('GET', '/api/v1/carriers', { token: buyer.token })
    expect(again.json.items).toEqual(res.json.items)
    expect(shop.sandbox.mp.calls('get_delivery_list')).toHaveLength(before)
    expect((await shop.call('GET', '/api/v1/carriers')).status).toBe(401)
  })

  test('pay → 待发货 queue oldest first → ship by SF → WeChat receives the upload → shopper confirms → completed', async () => {
    const first = await shop.paidOrder()
    shop.clock.advance(60_000)
    const second = await shop.paidOrder()

    const queue = await shop.call('GET', '/api/admin/orders?status=paid&sort=oldest', { cookie: shop.t.adminCookie })
    expect(queue.status).toBe(200)
    const ids = queue.json.items.map((o: { id: string }) => o.id)
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id))
    const queued = queue.json.items.find((o: { id: string }) => o.id === first.id)
    expect(queued.shipBy).toBe(new Date(new Date(queued.paidAt).getTime() + 48 * HOUR).toISOString())
    expect(queued.shipments).toEqual([])

    const res = await shop.ship(first.id, { logisticsType: 'express', parcels: [{ carrierCode: 'SF', trackingNo: 'SF1234567890' }] })
    expect(res.status).toBe(200)
    const shippedAt = shop.clock.now().toISOString()
    expect(res.json.order).toEqual(
      expect.objectContaining({
        id: first.id,
        status: 'shipped',
        shippedAt,
        autoCompleteAt: new Date(shop.clock.now().getTime() + 10 * 24 * HOUR).toISOString(),
        shipments: [
          {
            id: expect.any(String),
            logisticsType: 'express',
            carrier: { code: 'SF', name: '顺丰速运' },
            trackingNo: 'SF1234567890',
            items: [{ skuId: first.order.items[0].skuId, qty: 1 }],
            shippedAt
          }
        ],
        wechatTasks: expect.arrayContaining([expect.objectContaining({ kind: 'upload_shipping_info', status: 'pending', attempts: 0 })])
      })
    )
    expect(res.json.order.shipBy).toBeUndefined()
    // Nothing reached WeChat yet: the upload waits in the outbox for the jobs tick.
    expect(shop.sandbox.mp.calls('upload_shipping_info')).toHaveLength(0)

    const tick = await shop.tick()
    expect(tick.outbox?.done.length).toBeGreaterThanOrEqual(2)
    const uploads = shop.sandbox.mp.calls('upload_shipping_info')
    expect(uploads).toHaveLength(1)
    expect(uploads[0]).toEqual(expect.objectContaining({ errcode: 0 }))
    const body = uploads[0]!.body as Json
    expect(body).toEqual({
      order_key: { order_number_type: 2, transaction_id: first.transactionId },
      logistics_type: 1,
      delivery_mode: 1,
      shipping_list: [{ tracking_no: 'SF1234567890', express_company: 'SF', item_desc: '亚麻衬衫(白/M)*1', contact: { receiver_contact: '138****8000' } }],
      upload_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$/),
      payer: { openid: first.buyer.openid }
    })
    expect(Date.parse(body.upload_time)).toBe(Date.parse(shippedAt))
    expect(shop.sandbox.mp.order(first.transactionId)).toEqual(expect.objectContaining({ order_state: 2 }))
    const jump = shop.sandbox.mp.calls('set_msg_jump_path')
    expect(jump.map((c) => c.body)).toEqual([{ path: 'pkg-orders/detail/index' }])

    const staff = await shop.adminOrder(first.id)
    expect(staff.wechatTasks.find((t: { kind: string }) => t.kind === 'upload_shipping_info')).toEqual(
      expect.objectContaining({ status: 'done', attempts: 1, lastErrcode: null })
    )
    expect(staff.wechatTasks.some((t: { problem?: unknown }) => t.problem)).toBe(false)

    // The shopper sees the parcel.
    const mine = await shop.call('GET', `/api/v1/orders/${first.id}`, { token: first.buyer.token })
    expect(mine.json.order).toEqual(expect.objectContaining({ status: 'shipped', shippedAt, shipments: res.json.order.shipments }))
    expect(mine.json.order.wechatTasks).toBeUndefined()
    const found = await shop.call('GET', `/api/v1/orders/lookup?transaction_id=${first.transactionId}`, { token: first.buyer.token })
    expect(found.json.order.id).toBe(first.id)
    const byNo = await shop.call('GET', `/api/v1/orders/lookup?merchant_trade_no=${first.outTradeNo}`, { token: first.buyer.token })
    expect(byNo.json.order.id).toBe(first.id)
    const other = await shop.shopper()
    expect((await shop.call('GET', `/api/v1/orders/lookup?transaction_id=${first.transactionId}`, { token: other.token })).status).toBe(404)
    expect((await shop.call('GET', '/api/v1/orders/lookup', { token: other.token })).status).toBe(400)

    // The component's "success" is not proof: WeChat must say received.
    const early = await shop.call('POST', `/api/v1/orders/${first.id}/confirm-receipt`, { token: first.buyer.token })
    expect(early.status).toBe(409)
    expect(early.json.error.code).toBe('RECEIPT_NOT_CONFIRMED')
    expect((await shop.call('POST', `/api/v1/orders/${first.id}/confirm-receipt`, { token: other.token })).status).toBe(404)
    shop.sandbox.mp.confirmReceipt(first.transactionId)
    const confirmed = await shop.call('POST', `/api/v1/orders/${first.id}/confirm-receipt`, { token: first.buyer.token })
    expect(confirmed.status).toBe(200)
    expect(confirmed.json.order).toEqual(expect.objectContaining({ status: 'completed', completedAt: shop.clock.now().toISOString() }))
    expect(confirmed.json.order.autoCompleteAt).toBeUndefined()
    // Confirming again is harmless.
    expect((await shop.call('POST', `/api/v1/orders/${first.id}/confirm-receipt`, { token: first.buyer.token })).json.order.status).toBe('completed')

    const events = await shop.t.deps.db.selectFrom('events').select(['type', 'totalFen']).where('orderId', '=', first.id).orderBy('ts').execute()
    expect(events.map((e) => e.type)).toEqual(['order_created', 'order_paid', 'order_shipped', 'order_completed'])
  })

  test('refusals: unpaid, already shipped, bad carrier, editors and strangers', async () => {
    const buyer = await shop.shopper()
    const paid = await shop.paidOrder({ buyer })
    const unpaidRes = await shop.call('POST', '/api/v1/orders', {
      token: buyer.token,
      headers: { 'idempotency-key': `unpaid-${Date.now()}` },
      body: { items: paid.order.items.map((i: { skuId: string }) => ({ skuId: i.skuId, qty: 1 })), address: paid.order.address }
    })
    const unpaid = unpaidRes.json.order
    const express = { logisticsType: 'express', parcels: [{ carrierCode: 'YTO', trackingNo: 'YT1' }] }

    const notPaid = await shop.ship(unpaid.id, express)
    expect([notPaid.status, notPaid.json.error.code]).toEqual([409, 'ORDER_NOT_PAID'])
    const badCarrier = await shop.ship(paid.id, { logisticsType: 'express', parcels: [{ carrierCode: 'NOPE', trackingNo: '1' }] })
    expect([badCarrier.status, badCarrier.json.error.code]).toEqual([400, 'INVALID_SHIPMENT'])
    expect(badCarrier.json.error.details).toEqual([{ path: 'parcels.0.carrierCode', message: expect.stringContaining('NOPE') }])
    const noTracking = await shop.ship(paid.id, { logisticsType: 'express', parcels: [{ carrierCode: 'YTO' }] })
    expect(noTracking.json.error.code).toBe('INVALID_SHIPMENT')
    const tooMany = await shop.ship(paid.id, { logisticsType: 'express', parcels: Array.from({ length: 11 }, () => ({ carrierCode: 'YTO', trackingNo: '1' })) })
    expect([tooMany.status, tooMany.json.error.code]).toEqual([400, 'VALIDATION_FAILED'])
    const splitPickup = await shop.ship(paid.id, { logisticsType: 'pickup', parcels: [{}, {}] })
    expect(splitPickup.json.error.code).toBe('INVALID_SHIPMENT')

    const editor = await editorCookie(shop.t)
    expect((await shop.ship(paid.id, express, editor)).status).toBe(403)
    expect((await shop.call('POST', `/api/admin/orders/${paid.id}/ship`, { body: express })).status).toBe(401)
    expect((await shop.call('GET', '/api/admin/carriers', { cookie: editor })).status).toBe(403)
    expect((await shop.ship('ord_missing', express)).status).toBe(404)

    // Nothing of the refused attempts was stored.
    expect(await shop.t.deps.db.selectFrom('shipments').select('id').where('orderId', '=', paid.id).execute()).toEqual([])
    expect((await shop.ship(paid.id, express)).status).toBe(200)
    const again = await shop.ship(paid.id, express)
    expect([again.status, again.json.error.code]).toEqual([409, 'ORDER_NOT_SHIPPABLE'])
  })

  test('two staff shipping one order at once: one wins, the other is told it is no longer shippable', async () => {
    const o = await shop.paidOrder()
    const [a, b] = await Promise.all([
      shop.ship(o.id, { logisticsType: 'express', parcels: [{ carrierCode: 'JD', trackingNo: 'JD-1' }] }),
      shop.ship(o.id, { logisticsType: 'express', parcels: [{ carrierCode: 'JD', trackingNo: 'JD-2' }] })
    ])
    expect([a.status, b.status].sort()).toEqual([200, 409])
    expect((a.status === 409 ? a : b).json.error.code).toBe('ORDER_NOT_SHIPPABLE')
    const parcels = await shop.t.deps.db.selectFrom('shipments').select('trackingNo').where('orderId', '=', o.id).execute()
    expect(parcels).toHaveLength(1)
    const uploads = await shop.t.deps.db.selectFrom('wechatTasks').select('id').where('orderId', '=', o.id).where('kind', '=', 'upload_shipping_info').execute()
    expect(uploads).toHaveLength(1)
  })

  test('virtual goods ship without a carrier; WeChat gets logistics_type 3', async () => {
    const o = await shop.paidOrder()
    const res = await shop.ship(o.id, { logisticsType: 'virtual' })
    expect(res.status).toBe(200)
    expect(res.json.order.shipments).toEqual([expect.objectContaining({ logisticsType: 'virtual', items: [{ skuId: o.order.items[0].skuId, qty: 1 }] })])
    expect(res.json.order.shipments[0].carrier).toBeUndefined()
    await shop.tick()
    const upload = shop.sandbox.mp.calls('upload_shipping_info').find((c) => (c.body as Json).order_key.transaction_id === o.transactionId)
    expect(upload?.errcode).toBe(0)
    expect(upload?.body).toEqual(expect.objectContaining({ logistics_type: 3, delivery_mode: 1, shipping_list: [{ item_desc: '亚麻衬衫(白/M)*1' }] }))
  })
})
