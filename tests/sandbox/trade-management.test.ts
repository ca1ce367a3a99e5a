import { poll } from '../helpers/poll'
import { postJson } from './helpers/harness'
import { v3 } from './helpers/merchant'
import { expressUpload, startMp, type MpHarness } from './helpers/mp'

let h: MpHarness
beforeAll(async () => {
  h = await startMp()
})
afterAll(() => h.close())

const upload = (body: unknown) => h.call('/wxa/sec/order/upload_shipping_info', body)
const getOrder = (transactionId: string) => h.call('/wxa/sec/order/get_order', { transaction_id: transactionId })
const state = async (transactionId: string) => (await getOrder(transactionId)).order?.order_state
const control = (path: string, body: unknown = {}) => postJson(h.url + path, body)
const ship = async (o: { transactionId: string; openid: string }, extra: Record<string, unknown> = {}) => {
  const r = await upload(expressUpload(o, h.clock.now(), extra))
  expect(r.errcode).toBe(0)
}

describe('asynchronous ingest (POST /sandbox/mp/ingest-delay)', () => {
  afterEach(() => control('/sandbox/mp/ingest-delay', { ms: 0 }))

  it('a paid order is unknown (10060001) to the shipping APIs for the delay after payment, on the sandbox clock', async () => {
    expect((await control('/sandbox/mp/ingest-delay', { ms: 60_000 })).json).toEqual({ ms: 60_000 })
    const o = await h.paidOrder()
    expect((await upload(expressUpload(o, h.clock.now()))).errcode).toBe(10060001)
    expect((await getOrder(o.transactionId)).errcode).toBe(10060001)
    // The control API sees it all along.
    expect((await fetch(`${h.url}/sandbox/mp/orders/${o.transactionId}`)).status).toBe(200)
    h.clock.advance(59_999)
    expect((await upload(expressUpload(o, h.clock.now()))).errcode).toBe(10060001)
    h.clock.advance(1)
    expect((await upload(expressUpload(o, h.clock.now()))).errcode).toBe(0)
    expect(await state(o.transactionId)).toBe(2)
  })

  it('refuses a negative delay', async () => {
    const r = await control('/sandbox/mp/ingest-delay', { ms: -1 })
    expect([r.status, r.json.error.code]).toEqual([400, 'BAD_MS'])
  })
})

describe('POST /sandbox/mp/fail and GET /sandbox/mp/calls', () => {
  it('the next `times` calls of an API answer the forced errcode and change nothing; every call is logged in order', async () => {
    const o = await h.paidOrder()
    expect((await control('/sandbox/mp/fail', { api: 'upload_shipping_info', errcode: -1, times: 2 })).status).toBe(200)
    expect((await upload(expressUpload(o, h.clock.now()))).errcode).toBe(-1)
    expect(await state(o.transactionId)).toBe(1)
    expect((await upload(expressUpload(o, h.clock.now()))).errcode).toBe(-1)
    expect((await upload(expressUpload(o, h.clock.now()))).errcode).toBe(0)
    const calls = (await (await fetch(`${h.url}/sandbox/mp/calls?api=upload_shipping_info`)).json()).items
    const mine = calls.filter((c: { body: { order_key?: { transaction_id?: string } } }) => c.body.order_key?.transaction_id === o.transactionId)
    expect(mine.map((c: { errcode: number }) => c.errcode)).toEqual([-1, -1, 0])
    expect(mine[0]).toMatchObject({ api: 'upload_shipping_info', body: { logistics_type: 1 } })
    expect(Date.parse(mine[0].at)).toBe(h.clock.now())
  })

  it('can force an invalid-token answer, and keeps the secret out of the log', async () => {
    await control('/sandbox/mp/fail', { api: 'get_delivery_list', errcode: 40001 })
    expect((await h.call('/cgi-bin/express/delivery/open_msg/get_delivery_list', {})).errcode).toBe(40001)
    expect((await h.call('/cgi-bin/express/delivery/open_msg/get_delivery_list', {})).errcode).toBe(0)
    const tokens = (await (await fetch(`${h.url}/sandbox/mp/calls?api=stable_token`)).json()).items
    expect(tokens.length).toBeGreaterThan(0)
    for (const c of tokens) expect(c.body.secret).toBe('***')
  })

  it.each([
    [{ api: 'nope', errcode: -1 }, 'BAD_API'],
    [{ api: 'get_order', errcode: 0 }, 'BAD_ERRCODE'],
    [{ api: 'get_order', errcode: -1, times: 0 }, 'BAD_TIMES']
  ])('refuses %j with %s', async (body, code) => {
    const r = await control('/sandbox/mp/fail', body)
    expect([r.status, r.json.error.code]).toEqual([400, code])
  })
})

describe('the order states: paid 1 → shipped 2 → received 3 → settled 4; refunded 5', () => {
  it('GET /sandbox/mp/orders/:id answers as get_order; unknown ids are 404', async () => {
    const o = await h.paidOrder()
    const viaControl = (await (await fetch(`${h.url}/sandbox/mp/orders/${o.transactionId}`)).json()).order
    expect(viaControl).toEqual((await getOrder(o.transactionId)).order)
    const missing = await fetch(`${h.url}/sandbox/mp/orders/4200000000000000000000000000`)
    expect(missing.status).toBe(404)
  })

  it('confirm-receipt needs a shipped order; settle needs a shipped or received one', async () => {
    const o = await h.paidOrder()
    const early = await control(`/sandbox/mp/orders/${o.transactionId}/confirm-receipt`)
    expect([early.status, early.json.error.code]).toEqual([409, 'NOT_SHIPPED'])
    expect((await control(`/sandbox/mp/orders/${o.transactionId}/settle`)).status).toBe(409)
    await ship(o)
    const confirmed = await control(`/sandbox/mp/orders/${o.transactionId}/confirm-receipt`)
    expect([confirmed.status, confirmed.json.order.order_state]).toEqual([200, 3])
    const settled = await control(`/sandbox/mp/orders/${o.transactionId}/settle`)
    expect([settled.status, settled.json.order.order_state]).toEqual([200, 4])
    // No push URL configured here: the push is recorded, not sent.
    expect(settled.json.push).toMatchObject({ event: 'trade_manage_order_settlement', state: 'not_configured' })
    expect((await control(`/sandbox/mp/orders/${o.transactionId}/settle`)).status).toBe(409)
  })

  it('a full refund makes the order 已退款 (5); a partial one does not', async () => {
    const refund = (outTradeNo: string, fen: number, n: number) => v3(h.keys, h.url, 'POST', '/v3/refund/domestic/refunds', {
      out_trade_no: outTradeNo, out_refund_no: `R${outTradeNo}${n}`, amount: { refund: fen, total: 12900, currency: 'CNY' }
    }, { timestamp: Math.floor(h.clock.now() / 1000) })
    const o = await h.paidOrder()
    expect((await refund(o.outTradeNo, 2900, 1)).status).toBe(200)
    await poll(() => h.sandbox.store.refunds.get(`R${o.outTradeNo}1`)?.status === 'SUCCESS', { what: 'the partial refund' })
    expect(await state(o.transactionId)).toBe(1)
    expect((await refund(o.outTradeNo, 10000, 2)).status).toBe(200)
    await poll(() => h.sandbox.store.refunds.get(`R${o.outTradeNo}2`)?.status === 'SUCCESS', { what: 'the rest refunded' })
    expect(await state(o.transactionId)).toBe(5)
    expect((await upload(expressUpload(o, h.clock.now()))).errcode).toBe(10060004)
  })
})

describe('POST /wxa/sec/order/get_order', () => {
  it('needs transaction_id or merchant_id + merchant_trade_no (10060014)', async () => {
    expect((await h.call('/wxa/sec/order/get_order', { merchant_id: h.keys.mchid })).errcode).toBe(10060014)
  })
})

describe('POST /wxa/sec/order/notify_confirm_receive', () => {
  const remind = (body: Record<string, unknown>) => h.call('/wxa/sec/order/notify_confirm_receive', body)
  const now = () => Math.floor(h.clock.now() / 1000)

  it('reminds once for a shipped express order with a received_time after shipping', async () => {
    const o = await h.paidOrder()
    expect((await remind({ transaction_id: o.transactionId, received_time: now() })).errcode).toBe(10060028)
    await ship(o)
    h.clock.advance(3 * 86_400_000)
    expect((await remind({ transaction_id: o.transactionId, received_time: now() - 4 * 86_400 })).errcode).toBe(10060029)
    expect((await remind({ transaction_id: o.transactionId, received_time: now() + 3600 })).errcode).toBe(10060029)
    expect((await remind({ transaction_id: o.transactionId, received_time: String(now()) })).errcode).toBe(10060029)
    expect((await remind({ merchant_id: h.keys.mchid, merchant_trade_no: o.outTradeNo, received_time: now() - 3600 })).errcode).toBe(0)
    expect((await remind({ transaction_id: o.transactionId, received_time: now() })).errcode).toBe(10060030)
    expect(await state(o.transactionId)).toBe(2)
  })

  it('answers 10060032 for a non-express order and 10060001 for an unknown one', async () => {
    const o = await h.paidOrder()
    await ship(o, { logistics_type: 4, shipping_list: [{ item_desc: '门店自提*1' }] })
    expect((await remind({ transaction_id: o.transactionId, received_time: now() })).errcode).toBe(10060032)
    expect((await remind({ transaction_id: '4200000000000000000000000001', received_time: now() })).errcode).toBe(10060001)
  })
})

describe('POST /wxa/sec/order/set_msg_jump_path and is_trade_managed', () => {
  it('keeps the jump path of the service messages', async () => {
    expect((await h.call('/wxa/sec/order/set_msg_jump_path', { path: 'pages/order/detail?from=wechat' })).errcode).toBe(0)
    expect(await (await fetch(`${h.url}/sandbox/mp/msg-jump-path`)).json()).toEqual({ path: 'pages/order/detail?from=wechat' })
    expect((await h.call('/wxa/sec/order/set_msg_jump_path', { path: 3 })).errcode).toBe(47001)
  })

  it('says the appid is trade-managed; 40097 without an appid, 40013 for another', async () => {
    expect(await h.call('/wxa/sec/order/is_trade_managed', { appid: h.keys.appid })).toEqual({ errcode: 0, errmsg: 'ok', is_trade_managed: true })
    expect((await h.call('/wxa/sec/order/is_trade_managed', {})).errcode).toBe(40097)
    expect((await h.call('/wxa/sec/order/is_trade_managed', { appid: 'wx1111111111111111' })).errcode).toBe(40013)
  })

  it.each(['/wxa/sec/order/get_order', '/wxa/sec/order/set_msg_jump_path', '/wxa/sec/order/notify_confirm_receive', '/wxa/sec/order/is_trade_managed', '/cgi-bin/message/subscribe/send', '/wxa/sec/order/upload_shipping_info'])(
    '%s checks the access_token', async (path) => {
      expect((await h.call(path, {}, 'bogus')).errcode).toBe(40001)
      expect((await h.call(path, {}, null)).errcode).toBe(41001)
    }
  )
})
