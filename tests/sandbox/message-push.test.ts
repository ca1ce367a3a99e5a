import { poll } from '../helpers/poll'
import { sandboxOptionsFromKeys } from '../../src/sandbox/keys'
import { createSandbox } from '../../src/sandbox/sandbox'
import { postJson, testKeys } from './helpers/harness'
import { expressUpload, startMp, type MpHarness } from './helpers/mp'
import { startPushReceiver } from './helpers/push-receiver'

const TOKEN = 'PushToken2026'
// 43 characters of [A-Za-z0-9], as the MP admin generates them.
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'

async function shippedOrder(h: MpHarness) {
  const o = await h.paidOrder()
  expect((await h.call('/wxa/sec/order/upload_shipping_info', expressUpload(o, h.clock.now()))).errcode).toBe(0)
  return o
}

describe.each([
  ['plain mode', undefined],
  ['safe mode', AES_KEY]
])('message pushes to the backend, %s', (_mode, aesKey) => {
  let h: MpHarness
  let receiver: Awaited<ReturnType<typeof startPushReceiver>>
  beforeAll(async () => {
    receiver = await startPushReceiver(TOKEN, aesKey)
    h = await startMp({ messagePushUrl: receiver.url, messageToken: TOKEN, ...(aesKey ? { messageAesKey: aesKey } : {}) })
  })
  afterAll(async () => {
    await h.close()
    await receiver.close()
  })

  const pushesFor = (transactionId: string) => receiver.received.filter((r) => r.message.transaction_id === transactionId)

  it('shipping a whole order sends trade_manage_order_settlement with the estimated settlement; settle sends it again with the confirmation', async () => {
    const o = await shippedOrder(h)
    const shippedAt = Math.floor(h.clock.now() / 1000)
    const [shipped] = await poll(() => pushesFor(o.transactionId).length === 1 && pushesFor(o.transactionId), { what: 'the shipping push' })
    expect(shipped.signatureOk).toBe(true)
    expect(shipped.message).toEqual({
      ToUserName: expect.stringMatching(/^gh_[0-9a-f]{12}$/),
      FromUserName: o.openid,
      CreateTime: shippedAt,
      MsgType: 'event',
      Event: 'trade_manage_order_settlement',
      transaction_id: o.transactionId,
      merchant_id: h.keys.mchid,
      sub_merchant_id: '',
      merchant_trade_no: o.outTradeNo,
      pay_time: expect.any(Number),
      shipped_time: shippedAt,
      estimated_settlement_time: shippedAt + 10 * 86_400
    })
    h.clock.advance(86_400_000)
    expect((await postJson(`${h.url}/sandbox/mp/orders/${o.transactionId}/confirm-receipt`, {})).status).toBe(200)
    h.clock.advance(60_000)
    const settled = await postJson(`${h.url}/sandbox/mp/orders/${o.transactionId}/settle`, {})
    expect(settled.json.push.state).toBe('delivered')
    const second = pushesFor(o.transactionId)[1]
    expect(second.signatureOk).toBe(true)
    expect(second.message).toMatchObject({
      Event: 'trade_manage_order_settlement',
      shipped_time: shippedAt,
      confirm_receive_method: 2,
      confirm_receive_time: shippedAt + 86_400,
      settlement_time: shippedAt + 86_460
    })
    expect(second.message.estimated_settlement_time).toBeUndefined()
    expect((await h.call('/wxa/sec/order/get_order', { transaction_id: o.transactionId })).order.order_state).toBe(4)
  })

  it('settling a shipped order the shopper never confirmed reports the automatic confirmation (method 1)', async () => {
    const o = await shippedOrder(h)
    await poll(() => pushesFor(o.transactionId).length === 1, { what: 'the shipping push' })
    await h.sandbox.mp.settle(o.transactionId)
    expect(pushesFor(o.transactionId)[1].message.confirm_receive_method).toBe(1)
  })

  it('remind-shipping sends trade_manage_remind_shipping for an unshipped order only', async () => {
    const o = await h.paidOrder()
    const r = await postJson(`${h.url}/sandbox/mp/orders/${o.transactionId}/remind-shipping`, {})
    expect(r.status).toBe(200)
    const [push] = pushesFor(o.transactionId)
    expect(push.signatureOk).toBe(true)
    expect(push.message).toMatchObject({ MsgType: 'event', Event: 'trade_manage_remind_shipping', merchant_trade_no: o.outTradeNo, msg: expect.stringContaining('48') })
    const shipped = await shippedOrder(h)
    expect((await postJson(`${h.url}/sandbox/mp/orders/${shipped.transactionId}/remind-shipping`, {})).status).toBe(409)
  })

  it('signs each push with the token in the query' + (aesKey ? ', and encrypts the body (msg_signature, appid at the end)' : ', body in plain JSON'), () => {
    const push = receiver.received[0]
    expect(push.query.get('timestamp')).toMatch(/^\d{10}$/)
    expect(push.query.get('nonce')).toMatch(/^\d+$/)
    if (aesKey) {
      expect(push.query.get('encrypt_type')).toBe('aes')
      expect(push.msgSignatureOk).toBe(true)
      expect(push.appid).toBe(h.keys.appid)
      expect(Object.keys(JSON.parse(push.raw)).sort()).toEqual(['Encrypt', 'ToUserName'])
    } else {
      expect(push.query.get('encrypt_type')).toBeNull()
      expect(JSON.parse(push.raw).Event).toBe('trade_manage_order_settlement')
    }
  })
})

describe('push delivery', () => {
  it('POST /sandbox/mp/verify-push-url plays the URL check: GET with a signed echostr the backend must echo', async () => {
    const receiver = await startPushReceiver(TOKEN)
    const good = await startMp({ messagePushUrl: receiver.url, messageToken: TOKEN })
    const wrong = await startMp({ messagePushUrl: receiver.url, messageToken: 'OtherToken1' })
    try {
      expect((await postJson(`${good.url}/sandbox/mp/verify-push-url`, {})).json).toMatchObject({ ok: true, status: 200 })
      expect(await wrong.sandbox.mp.verifyPushUrl()).toMatchObject({ ok: false, status: 401 })
    } finally {
      await good.close()
      await wrong.close()
      await receiver.close()
    }
  })

  it('retries a push the backend did not answer with 200, three more times at most', async () => {
    const receiver = await startPushReceiver(TOKEN, undefined, (n) => (n === 1 ? 500 : 200))
    const h = await startMp({ messagePushUrl: receiver.url, messageToken: TOKEN })
    try {
      const o = await h.paidOrder()
      const first = await h.sandbox.mp.remindShipping(o.transactionId)
      expect(first.push.attempts[0].status).toBe(500)
      await poll(() => first.push.state === 'delivered', { what: 'the retry' })
      expect(first.push.attempts.map((a) => a.status)).toEqual([500, 200])
      expect(receiver.received.every((r) => r.signatureOk)).toBe(true)
    } finally {
      await h.close()
      await receiver.close()
    }
  })

  it('gives up after the fourth failed attempt', async () => {
    const receiver = await startPushReceiver(TOKEN, undefined, () => 503)
    const h = await startMp({ messagePushUrl: receiver.url, messageToken: TOKEN })
    try {
      const o = await h.paidOrder()
      const { push } = await h.sandbox.mp.remindShipping(o.transactionId)
      await poll(() => push.state === 'gave_up', { what: 'giving up' })
      expect(push.attempts).toHaveLength(4)
      expect((await (await fetch(`${h.url}/sandbox/mp/pushes`)).json()).items[0]).toMatchObject({ event: 'trade_manage_remind_shipping', state: 'gave_up' })
    } finally {
      await h.close()
      await receiver.close()
    }
  })

  it.each([
    ['a push URL without a token', { messagePushUrl: 'http://127.0.0.1:9/api/v1/wechat/message' }, /messageToken is required/],
    ['an EncodingAESKey of 42 characters', { messageToken: TOKEN, messageAesKey: AES_KEY.slice(1) }, /messageAesKey/],
    ['a token with symbols', { messageToken: 'to ken!' }, /messageToken/],
    ['a push URL that is not http', { messagePushUrl: 'ftp://x', messageToken: TOKEN }, /messagePushUrl/]
  ])('fails at construction on %s', (_name, change, message) => {
    expect(() => createSandbox({ ...sandboxOptionsFromKeys(testKeys()), ...change })).toThrow(message)
  })
})
