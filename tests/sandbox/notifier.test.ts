import type { Delivery } from '../../src/sandbox/notifier'
import { RETRY_SCHEDULE_S } from '../../src/sandbox/notifier'
import { poll } from '../helpers/poll'
import { postJson, startReceiver, startSandbox } from './helpers/harness'
import { manualTimers, type ManualTimers } from './helpers/manual-timers'
import { decryptResource, jsapiBody, v3, wechatpaySignatureOk, type Resource } from './helpers/merchant'

type Started = Awaited<ReturnType<typeof startSandbox>>
type Receiver = Awaited<ReturnType<typeof startReceiver>>
const cleanup: Array<() => Promise<void>> = []
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!()
})

async function setup(statusFor?: (n: number) => number, extra: Parameters<typeof startSandbox>[0] = {}): Promise<Started & { receiver: Receiver; openid: string }> {
  const started = await startSandbox(extra)
  const receiver = await startReceiver(statusFor)
  cleanup.push(() => receiver.close(), () => started.sandbox.close())
  return { ...started, receiver, openid: started.sandbox.loginCode().openid }
}

async function placeOrder(s: Started & { receiver: Receiver; openid: string }, extra: Record<string, unknown> = {}) {
  const body = jsapiBody(s.keys, s.openid, s.receiver.url, extra)
  const r = await v3(s.keys, s.url, 'POST', '/v3/pay/transactions/jsapi', body)
  expect(r.status).toBe(200)
  return { body, prepayId: r.json.prepay_id as string }
}

/** Fires the waiting retry and waits for that attempt's outcome: delivered, given up, or the next retry scheduled. */
async function runRetry(timers: ManualTimers, d: Delivery): Promise<void> {
  const n = d.attempts.length + 1
  timers.runNext()
  await poll(() => d.state !== 'pending' || timers.pending() > 0, { what: `the outcome of attempt ${n}` })
}

describe('TRANSACTION.SUCCESS notification', () => {
  it('reaches notify_url signed with the WeChat Pay key and decrypts (tag checked) to the paid transaction', async () => {
    const s = await setup()
    const { body, prepayId } = await placeOrder(s, { attach: 'sh=abc' })
    const confirm = await postJson(`${s.url}/sandbox/pay/${prepayId}/confirm`, {})
    expect(confirm.status).toBe(200)
    expect(confirm.json.deliveries[0]).toMatchObject({ state: 'delivered', eventType: 'TRANSACTION.SUCCESS' })

    expect(s.receiver.received).toHaveLength(1)
    const got = s.receiver.received[0]
    expect(got.headers['content-type']).toBe('application/json')
    expect(got.headers['wechatpay-serial']).toBe(s.keys.wechatpayPublicKeyId)
    expect(wechatpaySignatureOk(s.keys, got.headers, got.body)).toBe(true)
    expect(wechatpaySignatureOk(s.keys, got.headers, got.body.replace('TRANSACTION', 'TRANSACTIOM'))).toBe(false)

    const envelope = JSON.parse(got.body)
    expect(envelope).toMatchObject({ event_type: 'TRANSACTION.SUCCESS', resource_type: 'encrypt-resource', summary: '支付成功' })
    expect(envelope.create_time).toMatch(/\+08:00$/)
    expect(envelope.resource).toMatchObject({ algorithm: 'AEAD_AES_256_GCM', associated_data: 'transaction', original_type: 'transaction' })
    expect(envelope.resource.nonce).toMatch(/^[A-Za-z0-9]{12}$/)

    const tx = decryptResource(s.keys, envelope.resource)
    expect(tx).toMatchObject({
      mchid: s.keys.mchid,
      appid: s.keys.appid,
      out_trade_no: body.out_trade_no,
      trade_type: 'JSAPI',
      trade_state: 'SUCCESS',
      attach: 'sh=abc',
      payer: { openid: s.openid },
      amount: { total: 1234, payer_total: 1234, currency: 'CNY' }
    })
    expect(tx.transaction_id).toMatch(/^\d{28}$/)
    expect(tx.success_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/)

    // The GCM tag covers ciphertext and associated_data: flip either and decryption fails.
    const raw = Buffer.from(envelope.resource.ciphertext, 'base64')
    raw[0] ^= 1
    expect(() => decryptResource(s.keys, { ...envelope.resource, ciphertext: raw.toString('base64') })).toThrow()
    expect(() => decryptResource(s.keys, { ...(envelope.resource as Resource), associated_data: 'refund' })).toThrow()
  })

  it('retries a non-2xx answer on WeChat\'s schedule (15 s, 15 s, 30 s) until it gets a 204', async () => {
    const timers = manualTimers()
    const s = await setup((n) => (n <= 3 ? 500 : 204), { timeFactor: 1, schedule: timers.schedule })
    const { body, prepayId } = await placeOrder(s)
    const [d] = await s.sandbox.confirmPayment(prepayId)
    while (d.state === 'pending') await runRetry(timers, d)
    expect(timers.delays).toEqual([15_000, 15_000, 30_000])
    expect(timers.delays).toEqual(RETRY_SCHEDULE_S.slice(0, 3).map((seconds) => seconds * 1000))
    expect(timers.pending()).toBe(0)
    expect(s.receiver.received).toHaveLength(4)
    // Every attempt is signed afresh and carries the same event.
    const ids = new Set(s.receiver.received.map((r) => JSON.parse(r.body).id))
    expect(ids.size).toBe(1)
    for (const r of s.receiver.received) expect(wechatpaySignatureOk(s.keys, r.headers, r.body)).toBe(true)

    const log = await (await fetch(`${s.url}/sandbox/notifications?out_trade_no=${body.out_trade_no}`)).json() as { items: Delivery[] }
    expect(log.items).toHaveLength(1)
    expect(log.items[0].state).toBe('delivered')
    expect(log.items[0].attempts.map((a) => a.status)).toEqual([500, 500, 500, 204])
  })

  it('counts 200 as delivered and any other status (202, 400) as a failure', async () => {
    const s = await setup((n) => (n === 1 ? 202 : n === 2 ? 400 : 200))
    const { prepayId } = await placeOrder(s)
    const [d] = await s.sandbox.confirmPayment(prepayId)
    await poll(() => d.state, { until: (state) => state !== 'pending', what: 'the delivery to end' })
    expect(d.state).toBe('delivered')
    expect(d.attempts.map((a) => a.status)).toEqual([202, 400, 200])
  })

  it('retries when nobody listens, recording the error', async () => {
    const s = await setup()
    const { prepayId } = await placeOrder(s, { notify_url: 'http://127.0.0.1:9/notify' })
    const [d] = await s.sandbox.confirmPayment(prepayId)
    await poll(() => d.attempts.length >= 2, { what: 'a retry' })
    expect(d.attempts[0]).toMatchObject({ status: null })
    expect(d.attempts[0].error).toBeTruthy()
  })

  it('gives up after the last step of the schedule (16 attempts in all) and schedules nothing more', async () => {
    const timers = manualTimers()
    const s = await setup(() => 503, { timeFactor: 1, schedule: timers.schedule })
    const { prepayId } = await placeOrder(s)
    const [d] = await s.sandbox.confirmPayment(prepayId)
    while (d.state === 'pending') await runRetry(timers, d)
    expect(d.state).toBe('gave_up')
    // 24 h 4 min of waits in all, each step as WeChat documents it.
    expect(timers.delays).toEqual(RETRY_SCHEDULE_S.map((seconds) => seconds * 1000))
    expect(timers.delays.reduce((a, b) => a + b, 0)).toBe((24 * 60 + 4) * 60_000)
    expect(d.attempts).toHaveLength(RETRY_SCHEDULE_S.length + 1)
    // No timer is left, so no later attempt can come.
    expect(timers.pending()).toBe(0)
    expect(s.receiver.received).toHaveLength(RETRY_SCHEDULE_S.length + 1)
  })

  it('stops pending retries on close()', async () => {
    const timers = manualTimers()
    const s = await setup(() => 500, { timeFactor: 1, schedule: timers.schedule })
    const { prepayId } = await placeOrder(s)
    const [d] = await s.sandbox.confirmPayment(prepayId)
    expect(d.state).toBe('pending')
    expect(timers.delays).toEqual([15_000])
    expect(timers.pending()).toBe(1)
    await s.sandbox.close()
    expect(d.state).toBe('cancelled')
    expect(timers.pending()).toBe(0)
    expect(s.receiver.received).toHaveLength(1)
  })

  it('sends N copies of one event when told to send duplicates', async () => {
    const s = await setup()
    const options = await postJson(`${s.url}/sandbox/notify-options`, { duplicates: 3 })
    expect(options.json).toEqual({ duplicates: 3, nextRefundOutcome: 'SUCCESS' })
    const { prepayId } = await placeOrder(s)
    const deliveries = await s.sandbox.confirmPayment(prepayId)
    expect(deliveries.map((x) => x.copy)).toEqual([1, 2, 3])
    expect(s.receiver.received).toHaveLength(3)
    const envelopes = s.receiver.received.map((r) => JSON.parse(r.body))
    expect(new Set(envelopes.map((e) => e.id)).size).toBe(1)
    for (const r of s.receiver.received) expect(wechatpaySignatureOk(s.keys, r.headers, r.body)).toBe(true)
    expect((await postJson(`${s.url}/sandbox/notify-options`, { duplicates: 0 })).status).toBe(400)
  })

  it('takes duplicates as a start option too', async () => {
    const s = await setup(undefined, { duplicates: 2 })
    const { prepayId } = await placeOrder(s)
    await s.sandbox.confirmPayment(prepayId)
    expect(s.receiver.received).toHaveLength(2)
  })
})
