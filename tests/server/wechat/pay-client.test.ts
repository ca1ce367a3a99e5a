/**
 * The WeChat Pay client trusts no answer it cannot verify: unsigned, signed
 * with another key or key id, stale, or changed after signing is an error
 * (PAY_BAD_ANSWER), whatever the status says. Requests carry a signature
 * over exactly what was sent. A stand-in WeChat here plays each case.
 */
import { createSign, createVerify, generateKeyPairSync, randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../../../src/server/config'
import { createPayClient, type PayClient } from '../../../src/server/wechat/pay/client'
import { backendEnvFor, generateSandboxKeys, writeKeysDir } from '../../../src/sandbox/keys'
import { TestClock } from '../helpers/test-clock'

type Answer = { status: number; body: string; sign?: { key?: string; serial?: string; skewS?: number; signedBody?: string } | false }

const keys = generateSandboxKeys()
const clock = new TestClock(new Date())
let server: Server
let dir: string
let client: PayClient
let next: Answer
let seen: { req: IncomingMessage; body: string } | undefined

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      seen = { req, body: Buffer.concat(chunks).toString('utf8') }
      const headers: Record<string, string> = { 'content-type': 'application/json', 'request-id': 'req-1' }
      if (next.sign !== false) {
        const ts = String(Math.floor(clock.now().getTime() / 1000) + (next.sign?.skewS ?? 0))
        const nonce = randomBytes(8).toString('hex')
        headers['wechatpay-timestamp'] = ts
        headers['wechatpay-nonce'] = nonce
        headers['wechatpay-serial'] = next.sign?.serial ?? keys.wechatpayPublicKeyId
        headers['wechatpay-signature'] = createSign('RSA-SHA256')
          .update(`${ts}\n${nonce}\n${next.sign?.signedBody ?? next.body}\n`)
          .sign(next.sign?.key ?? keys.wechatpayPrivateKeyPem, 'base64')
      }
      res.writeHead(next.status, headers).end(next.body)
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as { port: number }
  dir = mkdtempSync(join(tmpdir(), 'pay-client-'))
  writeKeysDir(dir, keys)
  const config = loadConfig({ ...backendEnvFor(dir, `http://127.0.0.1:${port}`), PUBLIC_BASE_URL: 'https://shop.example' })
  client = createPayClient(config.wechatPay!, keys.appid, clock, { timeoutMs: 500 })
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((r) => server.close(r))
  rmSync(dir, { recursive: true, force: true })
})

const order = { description: '羊绒围巾 🧣', outTradeNo: 'ORDER_1', timeExpire: new Date('2025-06-01T02:15:00.400Z'), notifyUrl: 'https://shop.example/api/v1/wechatpay/notify', attach: 'ord_1', totalFen: 100, openid: 'o1' }
const prepay = JSON.stringify({ prepay_id: 'wx201410272009395522657a690389285100' })
const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey

test('signs the request over exactly the bytes sent, and accepts a verified answer', async () => {
  next = { status: 200, body: prepay }
  expect(await client.createJsapiOrder(order)).toEqual({ ok: true, value: { prepayId: 'wx201410272009395522657a690389285100' } })
  const auth = /^WECHATPAY2-SHA256-RSA2048 mchid="(\d+)",serial_no="(\w+)",timestamp="(\d+)",nonce_str="(\w+)",signature="([^"]+)"$/.exec(String(seen!.req.headers.authorization))!
  expect(auth[1]).toBe(keys.mchid)
  expect(auth[2]).toBe(keys.merchantSerialNo)
  const message = `POST\n/v3/pay/transactions/jsapi\n${auth[3]}\n${auth[4]}\n${seen!.body}\n`
  expect(createVerify('RSA-SHA256').update(message).verify(keys.merchantPublicKeyPem, auth[5]!, 'base64')).toBe(true)
  expect(JSON.parse(seen!.body)).toEqual(
    expect.objectContaining({ description: '羊绒围巾 ', time_expire: '2025-06-01T10:15:00+08:00', notify_url: order.notifyUrl, amount: { total: 100, currency: 'CNY' } })
  )
})

test.each<[string, Answer]>([
  ['unsigned', { status: 200, body: prepay, sign: false }],
  ['signed with another key', { status: 200, body: prepay, sign: { key: otherKey } }],
  ['signed under another key id', { status: 200, body: prepay, sign: { serial: 'PUB_KEY_ID_0000' } }],
  ['signed 301 s ago', { status: 200, body: prepay, sign: { skewS: -301 } }],
  ['changed after signing', { status: 200, body: prepay, sign: { signedBody: JSON.stringify({ prepay_id: 'wx_other' }) } }],
  ['an unsigned error', { status: 400, body: '{"code":"PARAM_ERROR"}', sign: false }],
  ['signed but not JSON', { status: 200, body: 'ok' }]
])('refuses an answer %s', async (_name, answer) => {
  next = answer
  const r = await client.createJsapiOrder(order)
  expect(r).toEqual({ ok: false, error: expect.objectContaining({ code: 'PAY_BAD_ANSWER' }) })
})

test("keeps WeChat's code on a verified refusal, and calls 5xx and silence unavailable", async () => {
  next = { status: 404, body: JSON.stringify({ code: 'ORDER_NOT_EXIST', message: '订单不存在' }) }
  expect(await client.queryOrder('ORDER_1')).toEqual({ ok: false, error: expect.objectContaining({ code: 'PAY_REJECTED', details: expect.objectContaining({ status: 404, wechatCode: 'ORDER_NOT_EXIST', requestId: 'req-1' }) }) })
  expect(seen!.req.url).toBe(`/v3/pay/transactions/out-trade-no/ORDER_1?mchid=${keys.mchid}`)
  next = { status: 502, body: 'bad gateway', sign: false }
  expect(await client.closeOrder('ORDER_1')).toEqual({ ok: false, error: expect.objectContaining({ code: 'PAY_UNAVAILABLE' }) })
  next = { status: 204, body: '' }
  expect(await client.closeOrder('ORDER_1')).toEqual({ ok: true, value: undefined })
  const dead = createPayClient({ ...loadConfig({ ...backendEnvFor(dir, 'http://127.0.0.1:9') }).wechatPay! }, keys.appid, clock)
  expect(await dead.queryOrder('ORDER_1')).toEqual({ ok: false, error: expect.objectContaining({ code: 'PAY_UNAVAILABLE' }) })
})

test('makes requestPayment parameters whose paySign verifies with the merchant public key', async () => {
  const p = await client.requestPayment('wx2014')
  expect(p).toEqual({ timeStamp: String(Math.floor(clock.now().getTime() / 1000)), nonceStr: expect.stringMatching(/^[A-Za-z0-9]{32}$/), package: 'prepay_id=wx2014', signType: 'RSA', paySign: expect.any(String) })
  const message = `${keys.appid}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`
  expect(createVerify('RSA-SHA256').update(message).verify(keys.merchantPublicKeyPem, p.paySign, 'base64')).toBe(true)
})
