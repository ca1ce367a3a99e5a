import { poll } from '../helpers/poll'
import type { SandboxKeys } from '../../src/sandbox/keys'
import type { Sandbox } from '../../src/sandbox/sandbox'
import { postJson, startReceiver, startSandbox } from './helpers/harness'
import { decryptResource, jsapiBody, v3, wechatpaySignatureOk } from './helpers/merchant'

let sandbox: Sandbox
let url: string
let keys: SandboxKeys
let openid: string
let payNotify: Awaited<ReturnType<typeof startReceiver>>
let refundNotify: Awaited<ReturnType<typeof startReceiver>>

beforeAll(async () => {
  ;({ sandbox, url, keys } = await startSandbox({ refundDelayMs: 30 }))
  payNotify = await startReceiver()
  refundNotify = await startReceiver()
  openid = sandbox.loginCode().openid
})
afterAll(async () => {
  await sandbox.close()
  await payNotify.close()
  await refundNotify.close()
})

async function paidOrder(totalFen = 10000): Promise<string> {
  const body = jsapiBody(keys, openid, payNotify.url, { amount: { total: totalFen, currency: 'CNY' } })
  const { prepay_id } = (await v3(keys, url, 'POST', '/v3/pay/transactions/jsapi', body)).json
  await sandbox.confirmPayment(prepay_id)
  return body.out_trade_no as string
}

let refundSeq = 0
const refund = (outTradeNo: string, refundFen: number, extra: Record<string, unknown> = {}) =>
  v3(keys, url, 'POST', '/v3/refund/domestic/refunds', {
    out_trade_no: outTradeNo,
    out_refund_no: `R${Date.now()}${refundSeq++}`,
    reason: '商品缺货',
    notify_url: refundNotify.url,
    amount: { refund: refundFen, total: 10000, currency: 'CNY' },
    ...extra
  })

const notificationsFor = (outRefundNo: string) =>
  refundNotify.received.filter((r) => decryptResource(keys, JSON.parse(r.body).resource).out_refund_no === outRefundNo)

describe('refunds', () => {
  it('answers PROCESSING, then settles to SUCCESS and sends a signed, encrypted REFUND.SUCCESS', async () => {
    const outTradeNo = await paidOrder()
    const r = await refund(outTradeNo, 3000)
    expect(r.status).toBe(200)
    expect(wechatpaySignatureOk(keys, r.headers, r.text)).toBe(true)
    expect(r.json).toMatchObject({ out_trade_no: outTradeNo, status: 'PROCESSING', amount: { refund: 3000, total: 10000, currency: 'CNY' } })
    expect(r.json.refund_id).toMatch(/^\d{29}$/)

    const [got] = await poll(() => notificationsFor(r.json.out_refund_no).length === 1 && notificationsFor(r.json.out_refund_no), { what: 'refund notification' })
    expect(wechatpaySignatureOk(keys, got.headers, got.body)).toBe(true)
    const envelope = JSON.parse(got.body)
    expect(envelope).toMatchObject({ event_type: 'REFUND.SUCCESS', summary: '退款成功', resource: { associated_data: 'refund', original_type: 'refund' } })
    expect(decryptResource(keys, envelope.resource)).toMatchObject({
      mchid: keys.mchid,
      out_trade_no: outTradeNo,
      refund_id: r.json.refund_id,
      refund_status: 'SUCCESS',
      amount: { total: 10000, refund: 3000, payer_total: 10000, payer_refund: 3000 }
    })

    const q = await v3(keys, url, 'GET', `/v3/refund/domestic/refunds/${r.json.out_refund_no}`)
    expect(q.json).toMatchObject({ status: 'SUCCESS', refund_id: r.json.refund_id })
    expect(q.json.success_time).toMatch(/\+08:00$/)
    const order = await v3(keys, url, 'GET', `/v3/pay/transactions/out-trade-no/${outTradeNo}?mchid=${keys.mchid}`)
    expect(order.json.trade_state).toBe('REFUND')
  })

  it('refunds once per out_refund_no: a repeat gets the same refund back', async () => {
    const outTradeNo = await paidOrder()
    const first = await refund(outTradeNo, 2000, { out_refund_no: 'RF-idem-0001' })
    const again = await refund(outTradeNo, 2000, { out_refund_no: 'RF-idem-0001' })
    expect(again.json.refund_id).toBe(first.json.refund_id)
    const changed = await refund(outTradeNo, 2500, { out_refund_no: 'RF-idem-0001' })
    expect([changed.status, changed.json.code]).toEqual([400, 'INVALID_REQUEST'])
    await poll(() => notificationsFor('RF-idem-0001').length === 1, { what: 'one notification' })
  })

  it('refuses more than is left to refund', async () => {
    const outTradeNo = await paidOrder()
    expect((await refund(outTradeNo, 6000)).status).toBe(200)
    const over = await refund(outTradeNo, 4001)
    expect([over.status, over.json.code]).toEqual([400, 'INVALID_REQUEST'])
    expect((await refund(outTradeNo, 4000)).status).toBe(200)
  })

  it('refuses an unpaid or unknown order, a wrong total and bad fields', async () => {
    const body = jsapiBody(keys, openid, payNotify.url, { amount: { total: 10000 } })
    await v3(keys, url, 'POST', '/v3/pay/transactions/jsapi', body)
    const unpaid = await refund(body.out_trade_no as string, 100)
    expect([unpaid.status, unpaid.json.code]).toEqual([400, 'INVALID_REQUEST'])
    const unknown = await refund('NoSuchOrder99', 100)
    expect([unknown.status, unknown.json.code]).toEqual([404, 'RESOURCE_NOT_EXISTS'])

    const outTradeNo = await paidOrder()
    const wrongTotal = await refund(outTradeNo, 100, { amount: { refund: 100, total: 9999, currency: 'CNY' } })
    expect([wrongTotal.status, wrongTotal.json.code]).toEqual([400, 'INVALID_REQUEST'])
    const fractional = await refund(outTradeNo, 100, { amount: { refund: 1.5, total: 10000, currency: 'CNY' } })
    expect([fractional.status, fractional.json.detail.field]).toEqual([400, '/amount/refund'])
    const noCurrency = await refund(outTradeNo, 100, { amount: { refund: 100, total: 10000 } })
    expect(noCurrency.json.detail.field).toBe('/amount/currency')
    const badUrl = await refund(outTradeNo, 100, { notify_url: 'https://x.example.com/n?a=1' })
    expect(badUrl.json.detail.field).toBe('/notify_url')
    const missing = await v3(keys, url, 'GET', '/v3/refund/domestic/refunds/NoSuchRefund')
    expect([missing.status, missing.json.code]).toEqual([404, 'RESOURCE_NOT_EXISTS'])
  })

  it('finds the order by transaction_id too', async () => {
    const outTradeNo = await paidOrder()
    const tx = (await v3(keys, url, 'GET', `/v3/pay/transactions/out-trade-no/${outTradeNo}?mchid=${keys.mchid}`)).json.transaction_id
    const r = await refund(outTradeNo, 100, { out_trade_no: undefined, transaction_id: tx })
    expect(r.json).toMatchObject({ out_trade_no: outTradeNo, transaction_id: tx })
  })

  it.each(['ABNORMAL', 'CLOSED'] as const)('makes the next refund %s when told, then goes back to SUCCESS', async (outcome) => {
    const outTradeNo = await paidOrder()
    expect((await postJson(`${url}/sandbox/notify-options`, { nextRefundOutcome: outcome })).json.nextRefundOutcome).toBe(outcome)
    const r = await refund(outTradeNo, 10000)
    const [got] = await poll(() => notificationsFor(r.json.out_refund_no).length === 1 && notificationsFor(r.json.out_refund_no), { what: 'refund notification' })
    const envelope = JSON.parse(got.body)
    expect(envelope.event_type).toBe(`REFUND.${outcome}`)
    expect(decryptResource(keys, envelope.resource)).toMatchObject({ refund_status: outcome })
    expect(decryptResource(keys, envelope.resource)).not.toHaveProperty('success_time')
    expect((await v3(keys, url, 'GET', `/v3/refund/domestic/refunds/${r.json.out_refund_no}`)).json.status).toBe(outcome)
    // A CLOSED refund gives its amount back; an ABNORMAL one still holds it.
    const retry = await refund(outTradeNo, 10000)
    expect(retry.status).toBe(outcome === 'CLOSED' ? 200 : 400)
    if (retry.status === 200) {
      await poll(() => notificationsFor(retry.json.out_refund_no).length === 1, { what: 'second refund' })
      expect(JSON.parse(notificationsFor(retry.json.out_refund_no)[0].body).event_type).toBe('REFUND.SUCCESS')
    }
  })

  it('sends no notification when the refund named no notify_url', async () => {
    const outTradeNo = await paidOrder()
    const r = await refund(outTradeNo, 100, { notify_url: undefined })
    await new Promise((done) => setTimeout(done, 120))
    expect((await v3(keys, url, 'GET', `/v3/refund/domestic/refunds/${r.json.out_refund_no}`)).json.status).toBe('SUCCESS')
    expect(sandbox.deliveries().filter((x) => x.outRefundNo === r.json.out_refund_no)).toHaveLength(0)
  })
})
