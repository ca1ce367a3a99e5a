import { generateKeyPairSync } from 'node:crypto'
import { request } from 'node:http'
import type { SandboxKeys } from '../../src/sandbox/keys'
import type { Sandbox } from '../../src/sandbox/sandbox'
import { startReceiver, startSandbox } from './helpers/harness'
import { authorization, jsapiBody, rfc3339, v3, wechatpaySignatureOk } from './helpers/merchant'

let sandbox: Sandbox
let url: string
let keys: SandboxKeys
let openid: string
let receiver: Awaited<ReturnType<typeof startReceiver>>

beforeAll(async () => {
  ;({ sandbox, url, keys } = await startSandbox())
  receiver = await startReceiver()
  openid = sandbox.loginCode().openid
})
afterAll(async () => {
  await sandbox.close()
  await receiver.close()
})

const order = (extra: Record<string, unknown> = {}) => jsapiBody(keys, openid, receiver.url, extra)
const create = (body: Record<string, unknown>, opt = {}) => v3(keys, url, 'POST', '/v3/pay/transactions/jsapi', body, opt)
const query = (no: string) => v3(keys, url, 'GET', `/v3/pay/transactions/out-trade-no/${no}?mchid=${keys.mchid}`)

describe('POST /v3/pay/transactions/jsapi', () => {
  it('answers a correctly signed order with a prepay_id, signed with the WeChat Pay key', async () => {
    const r = await create(order())
    expect(r.status).toBe(200)
    expect(r.json.prepay_id).toMatch(/^wx\d{14}[0-9a-f]{22}$/)
    expect(r.headers.get('Wechatpay-Serial')).toBe(keys.wechatpayPublicKeyId)
    expect(r.headers.get('Wechatpay-Signature-Type')).toBe('WECHATPAY2-SHA256-RSA2048')
    expect(r.headers.get('Request-ID')).toBeTruthy()
    expect(wechatpaySignatureOk(keys, r.headers, r.text)).toBe(true)
    // One changed byte of the body and the signature no longer holds.
    expect(wechatpaySignatureOk(keys, r.headers, r.text.replace('wx', 'wy'))).toBe(false)
  })

  it('hands back the same prepay_id for the same order, and refuses the number with other terms', async () => {
    const body = order()
    const first = await create(body)
    const again = await create({ ...body, time_expire: rfc3339(Date.now() + 30 * 60_000) })
    expect(again.json.prepay_id).toBe(first.json.prepay_id)
    const other = await create({ ...body, amount: { total: 999, currency: 'CNY' } })
    expect([other.status, other.json.code]).toEqual([403, 'OUT_TRADE_NO_USED'])
  })

  describe('refuses a request whose signature does not hold, with 401 SIGN_ERROR', () => {
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey
    it.each([
      ['signed with another key', { privateKeyPem: otherKey }],
      ['a wrong serial_no', { serialNo: 'ABCDEF0123456789ABCDEF0123456789ABCDEF01' }],
      ['another mchid', { mchid: '1900000109' }],
      ['a timestamp 6 minutes old', { timestamp: Math.floor(Date.now() / 1000) - 360 }],
      ['a timestamp 6 minutes ahead', { timestamp: Math.floor(Date.now() / 1000) + 360 }],
      ['a body changed after signing', { signedBody: '{"changed":true}' }],
      ['no Authorization', { headers: { Authorization: undefined } }],
      ['another scheme', { headers: { Authorization: 'Bearer abc' } }]
    ])('%s', async (_name, opt) => {
      const body = order()
      const r = await create(body, opt)
      expect(r.status).toBe(401)
      expect(r.json.code).toBe('SIGN_ERROR')
      expect(typeof r.json.message).toBe('string')
      // Errors are signed like any answer.
      expect(wechatpaySignatureOk(keys, r.headers, r.text)).toBe(true)
      expect((await query(body.out_trade_no as string)).status).toBe(404)
    })

    it('accepts a timestamp 4 minutes off', async () => {
      expect((await create(order(), { timestamp: Math.floor(Date.now() / 1000) - 240 })).status).toBe(200)
    })
  })

  it('refuses a call without Accept or User-Agent', async () => {
    // fetch always adds both, so this goes through node:http to leave them out.
    const body = JSON.stringify(order())
    const path = '/v3/pay/transactions/jsapi'
    const answer = await new Promise<{ status: number; text: string; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
      const req = request(url + path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: authorization(keys, 'POST', path, body) }
      }, (res) => {
        let text = ''
        res.on('data', (c) => (text += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }))
      })
      req.on('error', reject)
      req.end(body)
    })
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.text)).toMatchObject({ code: 'PARAM_ERROR', message: 'Http头缺少Accept或User-Agent' })
    expect(wechatpaySignatureOk(keys, answer.headers, answer.text)).toBe(true)
  })

  it.each([
    ['out_trade_no too short', { out_trade_no: 'abc12' }, '/out_trade_no'],
    ['out_trade_no with other characters', { out_trade_no: 'ORDER#000001' }, '/out_trade_no'],
    ['out_trade_no longer than 32', { out_trade_no: 'A'.repeat(33) }, '/out_trade_no'],
    ['no description', { description: undefined }, '/description'],
    ['an emoji in description', { description: '帆布包👜' }, '/description'],
    ['description over 127 characters', { description: '包'.repeat(128) }, '/description'],
    ['a fractional amount', { amount: { total: 12.5, currency: 'CNY' } }, '/amount/total'],
    ['a zero amount', { amount: { total: 0 } }, '/amount/total'],
    ['an amount in a string', { amount: { total: '1234' } }, '/amount/total'],
    ['another currency', { amount: { total: 100, currency: 'USD' } }, '/amount/currency'],
    ['notify_url with a query', { notify_url: 'https://shop.example.com/notify?order=1' }, '/notify_url'],
    ['notify_url not http(s)', { notify_url: 'ftp://shop.example.com/notify' }, '/notify_url'],
    ['notify_url relative', { notify_url: '/notify' }, '/notify_url'],
    ['time_expire not RFC 3339', { time_expire: '2030-01-01 10:00:00' }, '/time_expire'],
    ['time_expire with milliseconds', { time_expire: '2030-01-01T10:00:00.000+08:00' }, '/time_expire'],
    ['time_expire in the past', { time_expire: '2020-01-01T10:00:00+08:00' }, '/time_expire'],
    ['no payer', { payer: undefined }, '/payer/openid'],
    ['no appid', { appid: undefined }, '/appid']
  ])('refuses %s with 400 PARAM_ERROR naming the field', async (_name, change, field) => {
    const r = await create(order(change))
    expect([r.status, r.json.code]).toEqual([400, 'PARAM_ERROR'])
    expect(r.json.detail).toMatchObject({ field, location: 'body' })
    expect(wechatpaySignatureOk(keys, r.headers, r.text)).toBe(true)
  })

  it('refuses an appid not bound to the merchant, and an openid this appid never issued', async () => {
    const wrongApp = await create(order({ appid: 'wx0123456789abcdef' }))
    expect([wrongApp.status, wrongApp.json.code]).toEqual([400, 'APPID_MCHID_NOT_MATCH'])
    const strangeOpenid = await create(order({ payer: { openid: 'oMadeUpOpenid00000000000000' } }))
    expect([strangeOpenid.status, strangeOpenid.json.code]).toEqual([400, 'PARAM_ERROR'])
    expect(strangeOpenid.json.message).toContain('openid和appid不匹配')
    const mchMismatch = await create(order({ mchid: '1900000109' }))
    expect([mchMismatch.status, mchMismatch.json.code]).toEqual([400, 'PARAM_ERROR'])
  })

  it('refuses a body that is not JSON', async () => {
    const r = await v3(keys, url, 'POST', '/v3/pay/transactions/jsapi', undefined, { headers: {} })
    expect([r.status, r.json.code]).toEqual([400, 'PARAM_ERROR'])
  })
})

describe('query and close', () => {
  it('queries an unpaid order as NOTPAY and a paid one as SUCCESS, by out_trade_no and by transaction_id', async () => {
    const body = order({ attach: 'share:abc' })
    const { prepay_id } = (await create(body)).json
    const unpaid = await query(body.out_trade_no as string)
    expect(unpaid.status).toBe(200)
    expect(wechatpaySignatureOk(keys, unpaid.headers, unpaid.text)).toBe(true)
    expect(unpaid.json).toMatchObject({ trade_state: 'NOTPAY', out_trade_no: body.out_trade_no, amount: { total: 1234 } })
    expect(unpaid.json).not.toHaveProperty('transaction_id')
    expect(unpaid.json).not.toHaveProperty('attach')

    await sandbox.confirmPayment(prepay_id)
    const paid = await query(body.out_trade_no as string)
    expect(paid.json).toMatchObject({
      appid: keys.appid,
      mchid: keys.mchid,
      trade_type: 'JSAPI',
      trade_state: 'SUCCESS',
      attach: 'share:abc',
      payer: { openid },
      amount: { total: 1234, payer_total: 1234, currency: 'CNY' }
    })
    expect(paid.json.transaction_id).toMatch(/^\d{28}$/)
    expect(paid.json.success_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/)
    const byId = await v3(keys, url, 'GET', `/v3/pay/transactions/id/${paid.json.transaction_id}?mchid=${keys.mchid}`)
    expect(byId.json.out_trade_no).toBe(body.out_trade_no)

    expect((await create(body)).json.code).toBe('ORDERPAID')
    const closePaid = await v3(keys, url, 'POST', `/v3/pay/transactions/out-trade-no/${body.out_trade_no}/close`, { mchid: keys.mchid })
    expect([closePaid.status, closePaid.json.code]).toEqual([403, 'ORDERPAID'])
  })

  it('answers an unknown order with 404 ORDER_NOT_EXIST and a query without mchid with 400', async () => {
    const missing = await query('NoSuchOrder123')
    expect([missing.status, missing.json.code]).toEqual([404, 'ORDER_NOT_EXIST'])
    const noMchid = await v3(keys, url, 'GET', '/v3/pay/transactions/out-trade-no/NoSuchOrder123')
    expect([noMchid.status, noMchid.json.code]).toEqual([400, 'PARAM_ERROR'])
  })

  it('closes an unpaid order with a signed 204, after which it cannot be paid or re-ordered', async () => {
    const body = order()
    const { prepay_id } = (await create(body)).json
    const closed = await v3(keys, url, 'POST', `/v3/pay/transactions/out-trade-no/${body.out_trade_no}/close`, { mchid: keys.mchid })
    expect(closed.status).toBe(204)
    expect(closed.text).toBe('')
    expect(wechatpaySignatureOk(keys, closed.headers, '')).toBe(true)
    expect((await query(body.out_trade_no as string)).json.trade_state).toBe('CLOSED')
    const reorder = await create(body)
    expect([reorder.status, reorder.json.code]).toEqual([400, 'ORDER_CLOSED'])
    await expect(sandbox.confirmPayment(prepay_id)).rejects.toThrow(/ORDER_CLOSED/)
    // Closing twice is harmless.
    expect((await v3(keys, url, 'POST', `/v3/pay/transactions/out-trade-no/${body.out_trade_no}/close`, { mchid: keys.mchid })).status).toBe(204)
  })

  it('refuses a close without the mchid in the body', async () => {
    const body = order()
    await create(body)
    const r = await v3(keys, url, 'POST', `/v3/pay/transactions/out-trade-no/${body.out_trade_no}/close`, {})
    expect([r.status, r.json.code]).toEqual([400, 'PARAM_ERROR'])
  })

  it('answers an unknown /v3 path with a signed 404', async () => {
    const r = await v3(keys, url, 'GET', '/v3/certificates')
    expect(r.status).toBe(404)
    expect(wechatpaySignatureOk(keys, r.headers, r.text)).toBe(true)
  })
})
