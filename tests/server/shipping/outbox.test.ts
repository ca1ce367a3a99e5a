// The outbox against the real sandbox with an injected clock: WeChat's
// asynchronous ingest (10060001) retried with backoff, the first retry
// within 30 s; errcodes sorted as docs/wechat.md "Errcodes and what the outbox does" says (retry, verify with
// get_order, refuse with a Chinese problem for staff); staff retry; split
// delivery uploads every parcel with is_all_delivered only at the end.
import { describeEachDb } from '../helpers/each-db'
import type { Json } from '../helpers/test-app'
import { enqueueWechatTask } from '../../../src/server/flows/outbox/enqueue'
import { createFulfilmentShop, pushesAnswered, type FulfilmentShop } from './helpers/fulfilment'

const SEC = 1000

describeEachDb('the WeChat outbox', (dialect) => {
  let shop: FulfilmentShop
  beforeAll(async () => {
    shop = await createFulfilmentShop({ dialect })
  })
  afterAll(() => shop.closeAll())
  // Every test forces failures on one API; a task another test left pending would take some of them.
  afterEach(async () => {
    shop.sandbox.mp.setIngestDelay(0)
    await shop.t.deps.db.updateTable('wechatTasks').set({ status: 'done', nextAttemptAt: null }).where('status', '=', 'pending').execute()
  })

  const uploadsOf = (transactionId: string) =>
    shop.sandbox.mp.calls('upload_shipping_info').filter((c) => (c.body as Json)?.order_key?.transaction_id === transactionId)
  const uploadTask = async (orderId: string) => (await shop.adminOrder(orderId)).wechatTasks.find((t: Json) => t.kind === 'upload_shipping_info' && t.lastErrcode !== undefined)
  const express = (no: string) => ({ logisticsType: 'express', parcels: [{ carrierCode: 'ZTO', trackingNo: no }] })

  test('a payment WeChat has not ingested yet (10060001) is retried after 15 s, 30 s … until it lands', async () => {
    shop.sandbox.mp.setIngestDelay(60 * SEC)
    const o = await shop.paidOrder()
    expect((await shop.ship(o.id, express('ZT100'))).status).toBe(200)

    await shop.tick()
    expect(uploadsOf(o.transactionId).map((c) => c.errcode)).toEqual([10060001])
    let task = await uploadTask(o.id)
    expect(task).toEqual(expect.objectContaining({ status: 'pending', attempts: 1, lastErrcode: 10060001 }))
    const firstRetry = Date.parse(task.nextAttemptAt) - shop.clock.now().getTime()
    expect(firstRetry).toBe(15 * SEC)
    expect(task.problem).toBeUndefined()

    // Not due yet: nothing is sent.
    shop.clock.advance(14 * SEC)
    await shop.tick()
    expect(uploadsOf(o.transactionId)).toHaveLength(1)
    shop.clock.advance(1 * SEC)
    await shop.tick()
    expect(uploadsOf(o.transactionId).map((c) => c.errcode)).toEqual([10060001, 10060001])
    task = await uploadTask(o.id)
    expect(Date.parse(task.nextAttemptAt) - shop.clock.now().getTime()).toBe(30 * SEC)

    shop.clock.advance(30 * SEC)
    await shop.tick()
    expect(uploadsOf(o.transactionId).map((c) => c.errcode)).toEqual([10060001, 10060001, 10060001])
    // 45 s after payment WeChat still has not ingested it; 60 s later it has.
    task = await uploadTask(o.id)
    expect(Date.parse(task.nextAttemptAt) - shop.clock.now().getTime()).toBe(60 * SEC)
    shop.clock.advance(60 * SEC)
    await shop.tick()
    expect(uploadsOf(o.transactionId).map((c) => c.errcode)).toEqual([10060001, 10060001, 10060001, 0])
    task = await uploadTask(o.id)
    expect(task).toEqual(expect.objectContaining({ status: 'done', attempts: 4, nextAttemptAt: null }))
    expect(shop.sandbox.mp.order(o.transactionId)).toEqual(expect.objectContaining({ order_state: 2 }))
  })

  test('system errors are retried; one that keeps failing shows its problem to staff while it keeps trying', async () => {
    const o = await shop.paidOrder()
    await shop.ship(o.id, express('ZT200'))
    shop.sandbox.mp.fail('upload_shipping_info', -1, 5)
    const delays: number[] = []
    for (let i = 0; i < 5; i++) {
      await shop.tick()
      const task = await uploadTask(o.id)
      delays.push(Date.parse(task.nextAttemptAt) - shop.clock.now().getTime())
      shop.clock.advance(Date.parse(task.nextAttemptAt) - shop.clock.now().getTime())
    }
    expect(delays).toEqual([15, 30, 60, 120, 240].map((s) => s * SEC))
    const task = await uploadTask(o.id)
    expect(task).toEqual(
      expect.objectContaining({ status: 'pending', attempts: 5, lastErrcode: -1, problem: { message: expect.stringContaining('微信系统繁忙'), action: expect.stringContaining('自动重试') } })
    )
    await shop.tick()
    expect(await uploadTask(o.id)).toEqual(expect.objectContaining({ status: 'done', attempts: 6 }))
    expect((await uploadTask(o.id)).problem).toBeUndefined()
  })

  test('a refusal for good is failed with a Chinese problem and what to do; staff retry it once fixed', async () => {
    const o = await shop.paidOrder()
    await shop.ship(o.id, express('ZT300'))
    shop.sandbox.mp.fail('upload_shipping_info', 48001, 1)
    await shop.tick()
    const failed = await uploadTask(o.id)
    expect(failed).toEqual(
      expect.objectContaining({
        status: 'failed',
        attempts: 1,
        lastErrcode: 48001,
        nextAttemptAt: null,
        problem: { message: '小程序未开通发货信息管理接口权限', action: expect.stringContaining('发货信息管理服务') }
      })
    )
    // A failed task stays failed: ticks leave it alone.
    shop.clock.advance(3600 * SEC)
    await shop.tick()
    expect(uploadsOf(o.transactionId)).toHaveLength(1)

    const editorless = await shop.call('POST', `/api/admin/wechat-tasks/${failed.id}/retry`, { cookie: shop.t.adminCookie, body: {} })
    expect(editorless.status).toBe(200)
    expect(editorless.json.order.wechatTasks.find((t: { id: string }) => t.id === failed.id)).toEqual(expect.objectContaining({ status: 'pending' }))
    await shop.tick()
    expect(await uploadTask(o.id)).toEqual(expect.objectContaining({ status: 'done', attempts: 2 }))
    const twice = await shop.call('POST', `/api/admin/wechat-tasks/${failed.id}/retry`, { cookie: shop.t.adminCookie, body: {} })
    expect([twice.status, twice.json.error.code]).toEqual([409, 'TASK_NOT_FAILED'])
  })

  test('"already shipped" answers are checked with get_order: done when WeChat holds the shipment', async () => {
    const o = await shop.paidOrder()
    await shop.ship(o.id, express('ZT400'))
    await shop.tick()
    // The sandbox's shipping push makes the backend ask get_order too; let it finish before counting.
    await pushesAnswered(shop, o.transactionId)
    const sent = uploadsOf(o.transactionId)[0]!.body
    // The same upload again (as after a crash between WeChat's answer and our commit): 10060023, then get_order says 2.
    await enqueueWechatTask(shop.t.deps.db, { kind: 'upload_shipping_info', orderId: o.id, payload: sent, now: shop.clock.now() })
    const getOrdersBefore = shop.sandbox.mp.calls('get_order').length
    await shop.tick()
    expect(uploadsOf(o.transactionId).map((c) => c.errcode)).toEqual([0, 10060023])
    expect(shop.sandbox.mp.calls('get_order').length).toBe(getOrdersBefore + 1)
    const tasks = (await shop.adminOrder(o.id)).wechatTasks.filter((t: { kind: string }) => t.kind === 'upload_shipping_info')
    expect(tasks.map((t: { status: string }) => t.status)).toEqual(['done', 'done'])
  })

  test('split delivery: the order stays 待发货 until the last parcel; each upload carries every parcel so far', async () => {
    const s = await shop.paidOrder()
    const [a] = s.order.items
    const two = await shop.paidOrder({ buyer: s.buyer, items: [{ skuId: a.skuId, qty: 2 }] })
    const first = await shop.ship(two.id, { logisticsType: 'express', parcels: [{ carrierCode: 'SF', trackingNo: 'SF-A', items: [{ skuId: a.skuId, qty: 1 }] }] })
    expect(first.json.order).toEqual(expect.objectContaining({ status: 'paid', shipments: [expect.objectContaining({ trackingNo: 'SF-A' })] }))
    expect(first.json.order.shippedAt).toBeUndefined()
    expect(first.json.order.shipBy).toBeDefined()
    await shop.tick()
    shop.clock.advance(60 * SEC)
    const second = await shop.ship(two.id, { logisticsType: 'express', parcels: [{ carrierCode: 'YTO', trackingNo: 'YT-B' }] })
    expect(second.json.order).toEqual(expect.objectContaining({ status: 'shipped', shippedAt: shop.clock.now().toISOString() }))
    expect(second.json.order.shipments.map((p: { trackingNo: string; items: unknown }) => [p.trackingNo, p.items])).toEqual([
      ['SF-A', [{ skuId: a.skuId, qty: 1 }]],
      ['YT-B', [{ skuId: a.skuId, qty: 1 }]]
    ])
    await shop.tick()
    const uploads = uploadsOf(two.transactionId)
    expect(uploads.map((c) => [c.errcode, (c.body as Json).delivery_mode, (c.body as Json).is_all_delivered, (c.body as Json).shipping_list.map((p: Json) => p.tracking_no)])).toEqual([
      [0, 2, false, ['SF-A']],
      [0, 2, true, ['SF-A', 'YT-B']]
    ])
    expect(Date.parse((uploads[1]!.body as Json).upload_time)).toBeGreaterThan(Date.parse((uploads[0]!.body as Json).upload_time))
    expect(shop.sandbox.mp.order(two.transactionId)).toEqual(expect.objectContaining({ order_state: 2 }))
    const events = await shop.t.deps.db.selectFrom('events').select('type').where('orderId', '=', two.id).where('type', '=', 'order_shipped').execute()
    expect(events).toHaveLength(1)
  })

  test('a later upload replaces an earlier one still waiting (it would carry an older upload_time)', async () => {
    const o = await shop.paidOrder({ items: [{ skuId: (await shop.paidOrder()).order.items[0].skuId, qty: 2 }] })
    const sku = o.order.items[0].skuId
    shop.sandbox.mp.setIngestDelay(3600 * SEC)
    await shop.ship(o.id, { logisticsType: 'express', parcels: [{ carrierCode: 'SF', trackingNo: 'S1', items: [{ skuId: sku, qty: 1 }] }] })
    await shop.tick()
    shop.sandbox.mp.setIngestDelay(0)
    shop.clock.advance(5 * SEC)
    await shop.ship(o.id, { logisticsType: 'express', parcels: [{ carrierCode: 'SF', trackingNo: 'S2' }] })
    await shop.tick()
    const uploads = uploadsOf(o.transactionId)
    expect(uploads.map((c) => [c.errcode, (c.body as Json).shipping_list.length])).toEqual([
      [10060001, 1],
      [0, 2]
    ])
    shop.clock.advance(60 * SEC)
    await shop.tick()
    expect(uploadsOf(o.transactionId)).toHaveLength(2)
  })
})
