// Completion from WeChat's side, against the real sandbox: its signed
// message pushes (plain and safe mode) reach the backend, settlement
// completes an order after get_order agrees, a shipping reminder flags the
// order for staff, a forged push changes nothing; and the auto-complete job.
import { createHash } from 'node:crypto'
import { describeEachDb } from '../helpers/each-db'
import { ADMIN } from '../helpers/test-app'
import { createFulfilmentShop, pushesAnswered, PUSH_TOKEN, type FulfilmentShop } from './helpers/fulfilment'

const DAY = 24 * 3600_000
const sign = (...v: string[]) => createHash('sha1').update([...v].sort().join('')).digest('hex')

for (const safeMode of [false, true]) {
  describeEachDb(`WeChat message push (${safeMode ? 'safe mode' : 'plain'})`, (dialect) => {
    let shop: FulfilmentShop
    beforeAll(async () => {
      shop = await createFulfilmentShop({ dialect, safeMode })
    })
    afterAll(() => shop.closeAll())

    test('the URL check echoes echostr; a wrong signature is 401', async () => {
      expect(await shop.sandbox.mp.verifyPushUrl()).toEqual(expect.objectContaining({ ok: true, status: 200 }))
      const ts = '1700000000'
      const good = await shop.call('GET', `/api/v1/wechat/message?signature=${sign(PUSH_TOKEN, ts, 'n1')}&timestamp=${ts}&nonce=n1&echostr=hello123`)
      expect([good.status, good.text]).toEqual([200, 'hello123'])
      const bad = await shop.call('GET', `/api/v1/wechat/message?signature=${sign('other', ts, 'n1')}&timestamp=${ts}&nonce=n1&echostr=hello123`)
      expect(bad.status).toBe(401)
      expect(bad.text).not.toContain('hello123')
    })

    test('settlement completes a shipped order once WeChat says so; the shipping push alone does not', async () => {
      const o = await shop.paidOrder()
      await shop.ship(o.id, { logisticsType: 'express', parcels: [{ carrierCode: 'STO', trackingNo: 'ST1' }] })
      await shop.tick()
      await pushesAnswered(shop, o.transactionId)
      // The push sent when the order was fully shipped (order_state 2) completed nothing.
      expect(shop.sandbox.mp.pushes().filter((p) => p.transactionId === o.transactionId).map((p) => p.state)).toEqual(['delivered'])
      expect((await shop.adminOrder(o.id)).status).toBe('shipped')
      const { push } = await shop.sandbox.mp.settle(o.transactionId)
      expect(push.state).toBe('delivered')
      expect(push.attempts.at(-1)).toEqual(expect.objectContaining({ status: 200, answer: 'success' }))
      const mine = await shop.call('GET', `/api/v1/orders/${o.id}`, { token: o.buyer.token })
      expect(mine.json.order).toEqual(expect.objectContaining({ status: 'completed', completedAt: shop.clock.now().toISOString() }))
      const events = await shop.t.deps.db.selectFrom('events').select('props').where('orderId', '=', o.id).where('type', '=', 'order_completed').execute()
      expect(events.map((e) => JSON.parse(e.props ?? '{}').via)).toEqual(['wechat_settlement'])
    })

    test('a shipping reminder flags the paid order for staff', async () => {
      const o = await shop.paidOrder()
      const { push } = await shop.sandbox.mp.remindShipping(o.transactionId)
      expect(push.state).toBe('delivered')
      const staff = await shop.adminOrder(o.id)
      expect(staff).toEqual(expect.objectContaining({ status: 'paid', shippingReminderAt: shop.clock.now().toISOString() }))
      const queue = await shop.call('GET', '/api/admin/orders?status=paid&sort=oldest&limit=100', { cookie: shop.t.adminCookie })
      expect(queue.json.items.find((x: { id: string }) => x.id === o.id).shippingReminderAt).toBe(shop.clock.now().toISOString())
    })

    test('a forged push answers 401 and changes nothing', async () => {
      const o = await shop.paidOrder()
      await shop.ship(o.id, { logisticsType: 'express', parcels: [{ carrierCode: 'STO', trackingNo: 'ST2' }] })
      await shop.tick()
      await pushesAnswered(shop, o.transactionId)
      expect((await shop.adminOrder(o.id)).status).toBe('shipped')
      // WeChat now says received: a genuine settlement push would complete the order.
      shop.sandbox.mp.confirmReceipt(o.transactionId)
      const msg = { ToUserName: 'gh_x', FromUserName: o.buyer.openid, CreateTime: 1, MsgType: 'event', Event: 'trade_manage_order_settlement', transaction_id: o.transactionId }
      const ts = String(Math.floor(shop.clock.now().getTime() / 1000))
      const forged = await shop.call('POST', `/api/v1/wechat/message?signature=${sign('guess', ts, 'n')}&timestamp=${ts}&nonce=n`, { body: msg })
      expect(forged.status).toBe(401)
      const unsigned = await shop.call('POST', '/api/v1/wechat/message', { body: msg })
      expect(unsigned.status).toBe(401)
      if (safeMode) {
        // Right outer signature, but the message is not encrypted with our key.
        const plain = await shop.call('POST', `/api/v1/wechat/message?signature=${sign(PUSH_TOKEN, ts, 'n')}&timestamp=${ts}&nonce=n`, { body: msg })
        expect(plain.status).toBe(400)
        const badMsgSig = await shop.call('POST', `/api/v1/wechat/message?signature=${sign(PUSH_TOKEN, ts, 'n')}&timestamp=${ts}&nonce=n&encrypt_type=aes&msg_signature=${'0'.repeat(40)}`, {
          body: { ToUserName: 'gh_x', Encrypt: 'AAAA' }
        })
        expect(badMsgSig.status).toBe(401)
      }
      expect((await shop.adminOrder(o.id)).status).toBe('shipped')
    })
  })
}

describeEachDb('auto-complete', (dialect) => {
  let shop: FulfilmentShop
  beforeAll(async () => {
    shop = await createFulfilmentShop({ dialect, env: { ORDER_AUTO_COMPLETE_DAYS: '10' } })
  })
  afterAll(() => shop.closeAll())

  test('a shipped order completes 10 days after shipping, unless in after-sales or unknown to WeChat as shipped', async () => {
    const plain = await shop.paidOrder()
    const disputed = await shop.paidOrder()
    const notUploaded = await shop.paidOrder()
    // Tracking numbers are letters and digits: a slice of a random order id may hold '_' or '-' and be refused.
    for (const [i, o] of [plain, disputed].entries()) {
      expect((await shop.ship(o.id, { logisticsType: 'express', parcels: [{ carrierCode: 'EMS', trackingNo: `E10000${i}` }] })).status).toBe(200)
    }
    await shop.tick()
    shop.sandbox.mp.fail('upload_shipping_info', 48001, 1)
    expect((await shop.ship(notUploaded.id, { logisticsType: 'express', parcels: [{ carrierCode: 'EMS', trackingNo: 'E100009' }] })).status).toBe(200)
    await shop.tick()
    expect(shop.sandbox.mp.order(notUploaded.transactionId)).toEqual(expect.objectContaining({ order_state: 1 }))

    const asked = await shop.call('POST', `/api/v1/orders/${disputed.id}/after-sales`, {
      token: disputed.buyer.token,
      body: { kind: 'refund', reason: '质量问题', amountFen: 100 }
    })
    expect(asked.status).toBe(201)

    const shipped = await shop.call('GET', `/api/v1/orders/${plain.id}`, { token: plain.buyer.token })
    expect(Date.parse(shipped.json.order.autoCompleteAt)).toBe(shop.clock.now().getTime() + 10 * DAY)
    shop.clock.advance(10 * DAY - 60_000)
    expect((await shop.tick()).autoComplete).toBeUndefined()

    shop.clock.advance(60_000)
    const tick = await shop.tick()
    shop.t.adminCookie = await shop.t.login(ADMIN.email, ADMIN.password)
    expect(tick.autoComplete?.completed).toEqual([plain.id])
    expect(tick.autoComplete?.waiting.sort()).toEqual([disputed.id, notUploaded.id].sort())
    expect((await shop.adminOrder(plain.id)).status).toBe('completed')
    expect((await shop.adminOrder(disputed.id)).status).toBe('shipped')
    expect((await shop.adminOrder(notUploaded.id)).status).toBe('shipped')
    // Waiting orders are asked again an hour later, not on every tick.
    const getOrders = shop.sandbox.mp.calls('get_order').length
    expect((await shop.tick()).autoComplete).toBeUndefined()
    expect(shop.sandbox.mp.calls('get_order').length).toBe(getOrders)
  })
})
