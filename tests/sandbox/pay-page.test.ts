import type { SandboxKeys } from '../../src/sandbox/keys'
import { withFlag } from '../../src/sandbox/pay-page'
import type { Sandbox } from '../../src/sandbox/sandbox'
import { postJson, startReceiver, startSandbox } from './helpers/harness'
import { decryptResource, jsapiBody, paySign, rfc3339, v3, wechatpaySignatureOk } from './helpers/merchant'

let sandbox: Sandbox
let url: string
let keys: SandboxKeys
let openid: string
let receiver: Awaited<ReturnType<typeof startReceiver>>
let clock = Date.now()

beforeAll(async () => {
  ;({ sandbox, url, keys } = await startSandbox({ now: () => clock, merchantName: '示例品牌旗舰店' }))
  receiver = await startReceiver()
  openid = sandbox.loginCode().openid
})
afterAll(async () => {
  await sandbox.close()
  await receiver.close()
})
beforeEach(() => {
  clock = Date.now()
})

async function placeOrder(extra: Record<string, unknown> = {}) {
  const body = jsapiBody(keys, openid, receiver.url, extra)
  const r = await v3(keys, url, 'POST', '/v3/pay/transactions/jsapi', body)
  expect(r.status).toBe(200)
  return { outTradeNo: body.out_trade_no as string, prepayId: r.json.prepay_id as string }
}

const form = (fields: Record<string, string>) =>
  ({ method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() }) as const

const tradeState = async (outTradeNo: string) =>
  (await v3(keys, url, 'GET', `/v3/pay/transactions/out-trade-no/${outTradeNo}?mchid=${keys.mchid}`)).json.trade_state

describe('the shopper pay page', () => {
  it('shows the merchant, the description and the amount in yuan, with 确认支付 and 取消, sized for a phone', async () => {
    const { prepayId } = await placeOrder({ description: '经典帆布包 <米白>' })
    const res = await fetch(`${url}/pay?prepay_id=${prepayId}&return=${encodeURIComponent('http://127.0.0.1:10086/#/pages/order/index?id=7')}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    const page = await res.text()
    expect(page).toContain('<html lang="zh-CN">')
    expect(page).toContain('name="viewport" content="width=device-width')
    expect(page).toContain('微信支付')
    expect(page).toContain('示例品牌旗舰店')
    expect(page).toContain('¥12.34')
    expect(page).toContain('经典帆布包 &lt;米白&gt;') // escaped, never markup
    expect(page).toContain('>确认支付</button>')
    expect(page).toContain('>取消</button>')
  })

  it('on 确认支付 marks the order paid, notifies the merchant and goes back with paid=1', async () => {
    const { outTradeNo, prepayId } = await placeOrder()
    const before = receiver.received.length
    const ret = 'http://127.0.0.1:10086/#/pages/order/index?id=7'
    const res = await fetch(`${url}/pay/confirm`, form({ prepay_id: prepayId, return: ret }))
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`${ret}&paid=1`)
    expect(await tradeState(outTradeNo)).toBe('SUCCESS')
    // The notification went out before the shopper was sent back.
    const got = receiver.received.slice(before)
    expect(got).toHaveLength(1)
    expect(wechatpaySignatureOk(keys, got[0].headers, got[0].body)).toBe(true)
    expect(decryptResource(keys, JSON.parse(got[0].body).resource).out_trade_no).toBe(outTradeNo)

    // A second tap sends nothing new; the page now says the order is paid.
    expect((await fetch(`${url}/pay/confirm`, form({ prepay_id: prepayId, return: ret }))).status).toBe(303)
    expect(receiver.received.length).toBe(before + 1)
    expect(await (await fetch(`${url}/pay?prepay_id=${prepayId}`)).text()).toContain('该订单已支付')
  })

  it('without a return URL shows 支付成功 with the amount', async () => {
    const { prepayId } = await placeOrder()
    const res = await fetch(`${url}/pay/confirm`, form({ prepay_id: prepayId }))
    expect(res.status).toBe(200)
    const page = await res.text()
    expect(page).toContain('支付成功')
    expect(page).toContain('¥12.34')
  })

  it('on 取消 goes back with cancel=1 and leaves the order NOTPAY, with no notification', async () => {
    const { outTradeNo, prepayId } = await placeOrder()
    const before = receiver.received.length
    const res = await fetch(`${url}/pay/cancel`, form({ prepay_id: prepayId, return: 'http://127.0.0.1:10086/order?id=9' }))
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('http://127.0.0.1:10086/order?id=9&cancel=1')
    expect(await tradeState(outTradeNo)).toBe('NOTPAY')
    expect(receiver.received.length).toBe(before)
  })

  it('refuses an unknown prepay_id, an expired one, an order past time_expire and a non-http return', async () => {
    expect((await fetch(`${url}/pay?prepay_id=wx000`)).status).toBe(404)
    expect((await fetch(`${url}/pay`)).status).toBe(400)
    const { prepayId } = await placeOrder()
    expect((await fetch(`${url}/pay?prepay_id=${prepayId}&return=javascript:alert(1)`)).status).toBe(400)
    clock += 2 * 3600_000 + 1000
    const expired = await fetch(`${url}/pay?prepay_id=${prepayId}`)
    expect(expired.status).toBe(410)
    expect(await expired.text()).toContain('prepay_id 已失效')
    clock = Date.now()
    const late = await placeOrder({ time_expire: rfc3339(Date.now() + 60_000) })
    clock += 61_000
    const res = await fetch(`${url}/pay/confirm`, form({ prepay_id: late.prepayId }))
    expect(res.status).toBe(410)
    expect(await tradeState(late.outTradeNo)).toBe('NOTPAY')
  })
})

describe('withFlag', () => {
  it.each([
    ['http://h/order', 'http://h/order?paid=1'],
    ['http://h/order?id=1', 'http://h/order?id=1&paid=1'],
    ['http://h/#/pages/order/index', 'http://h/#/pages/order/index?paid=1'],
    ['http://h/#/pages/order/index?id=1', 'http://h/#/pages/order/index?id=1&paid=1'],
    ['http://h/order?id=1#top', 'http://h/order?id=1&paid=1#top']
  ])('%s → %s', (input, output) => {
    expect(withFlag(input, 'paid')).toBe(output)
  })
})

describe('POST /sandbox/verify-pay-sign (what wx.requestPayment checks)', () => {
  const params = (prepayId: string, change: Record<string, unknown> = {}) => {
    const timeStamp = String(Math.floor(Date.now() / 1000))
    const nonceStr = 'n0nce' + Date.now()
    const pkg = `prepay_id=${prepayId}`
    return { appId: keys.appid, timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign: paySign(keys, keys.appid, timeStamp, nonceStr, pkg), ...change }
  }

  it('accepts a paySign made with the merchant key and points at the pay page', async () => {
    const { prepayId } = await placeOrder()
    const r = await postJson(`${url}/sandbox/verify-pay-sign`, params(prepayId))
    expect(r.status).toBe(200)
    expect(r.json).toEqual({ ok: true, prepayId, payUrl: `${url}/pay?prepay_id=${prepayId}` })
    expect(r.headers.get('access-control-allow-origin')).toBe('*')
  })

  it.each([
    ['signType left to its MD5 default', { signType: undefined }, 'signType'],
    ['another appId', { appId: 'wx0123456789abcdef' }, 'appId'],
    ['a timeStamp in milliseconds', { timeStamp: String(Date.now()) }, 'timeStamp'],
    ['a tampered paySign', { paySign: 'AAAA' }, '签名'],
    ['a package without prepay_id=', { package: 'wx123' }, 'package']
  ])('refuses %s', async (_name, change, word) => {
    const { prepayId } = await placeOrder()
    const r = await postJson(`${url}/sandbox/verify-pay-sign`, params(prepayId, change))
    expect(r.status).toBe(400)
    expect(r.json.ok).toBe(false)
    expect(r.json.errMsg).toMatch(/^requestPayment:fail /)
    expect(r.json.errMsg).toContain(word)
  })

  it('refuses a paid order', async () => {
    const { prepayId } = await placeOrder()
    await sandbox.confirmPayment(prepayId)
    const r = await postJson(`${url}/sandbox/verify-pay-sign`, params(prepayId))
    expect(r.json).toMatchObject({ ok: false })
    expect(r.json.errMsg).toContain('已支付')
  })

  it('answers the CORS preflight of the H5 preview', async () => {
    const res = await fetch(`${url}/sandbox/verify-pay-sign`, { method: 'OPTIONS', headers: { Origin: 'http://127.0.0.1:10086', 'Access-Control-Request-Method': 'POST' } })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-headers')).toContain('Content-Type')
  })
})
