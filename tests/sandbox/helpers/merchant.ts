// The merchant's half of the protocol, written here from WeChat Pay's published rules (docs/wechat.md) with node:crypto only,
// so the sandbox is checked against an independent reading of WeChat Pay v3 (not its own code).
import { createDecipheriv, createPrivateKey, createSign, createVerify, randomBytes } from 'node:crypto'
import type { SandboxKeys } from '../../../src/sandbox/keys'

export interface SignOptions {
  timestamp?: number
  nonce?: string
  serialNo?: string
  mchid?: string
  privateKeyPem?: string
  /** Sign this body instead of the one sent (to show that tampering is caught). */
  signedBody?: string
}

export function authorization(keys: SandboxKeys, method: string, canonicalUrl: string, body: string, opt: SignOptions = {}): string {
  const timestamp = String(opt.timestamp ?? Math.floor(Date.now() / 1000))
  const nonce = opt.nonce ?? randomBytes(16).toString('hex')
  const message = `${method}\n${canonicalUrl}\n${timestamp}\n${nonce}\n${opt.signedBody ?? body}\n`
  const signature = createSign('RSA-SHA256').update(message).sign(createPrivateKey(opt.privateKeyPem ?? keys.merchantPrivateKeyPem), 'base64')
  return `WECHATPAY2-SHA256-RSA2048 mchid="${opt.mchid ?? keys.mchid}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${opt.serialNo ?? keys.merchantSerialNo}"`
}

/** A parsed JSON answer; tests read into it freely and let the assertions do the checking. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>

export interface PayAnswer {
  status: number
  headers: Headers
  text: string
  json: Json
}

/** One signed call to the sandbox's /v3 API, as the backend would make it. */
export async function v3(
  keys: SandboxKeys,
  base: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  opt: SignOptions & { headers?: Record<string, string | undefined> } = {}
): Promise<PayAnswer> {
  const text = body === undefined ? '' : JSON.stringify(body)
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'User-Agent': 'brand-storefront-test/1.0',
    Authorization: authorization(keys, method, path, text, opt)
  }
  if (method === 'POST') headers['Content-Type'] = 'application/json'
  for (const [k, v] of Object.entries(opt.headers ?? {})) {
    if (v === undefined) delete headers[k]
    else headers[k] = v
  }
  const res = await fetch(base + path, { method, headers, ...(method === 'POST' ? { body: text } : {}) })
  const answer = await res.text()
  return { status: res.status, headers: res.headers, text: answer, json: answer ? JSON.parse(answer) : {} }
}

/** Checks Wechatpay-* headers over `timestamp\nnonce\nbody\n` with the WeChat Pay public key. */
export function wechatpaySignatureOk(keys: SandboxKeys, headers: Headers | Record<string, string | string[] | undefined>, body: string): boolean {
  const get = (name: string): string => {
    const v = headers instanceof Headers ? headers.get(name) : headers[name.toLowerCase()]
    return Array.isArray(v) ? v[0] : (v ?? '')
  }
  if (get('Wechatpay-Serial') !== keys.wechatpayPublicKeyId) return false
  const ts = get('Wechatpay-Timestamp')
  if (Math.abs(Date.now() / 1000 - Number(ts)) > 300) return false
  return createVerify('RSA-SHA256')
    .update(`${ts}\n${get('Wechatpay-Nonce')}\n${body}\n`)
    .verify(keys.wechatpayPublicKeyPem, get('Wechatpay-Signature'), 'base64')
}

export interface Resource {
  algorithm: string
  ciphertext: string
  nonce: string
  associated_data: string
  original_type: string
}

/** AEAD_AES_256_GCM decryption; final() throws when the tag does not match. */
export function decryptResource(keys: SandboxKeys, r: Resource): Json {
  const data = Buffer.from(r.ciphertext, 'base64')
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(keys.apiV3Key, 'utf8'), Buffer.from(r.nonce, 'utf8'))
  decipher.setAuthTag(data.subarray(data.length - 16))
  decipher.setAAD(Buffer.from(r.associated_data, 'utf8'))
  const plain = Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()])
  return JSON.parse(plain.toString('utf8'))
}

/** paySign for wx.requestPayment: `appId\ntimeStamp\nnonceStr\npackage\n`, merchant key. */
export function paySign(keys: SandboxKeys, appId: string, timeStamp: string, nonceStr: string, pkg: string): string {
  return createSign('RSA-SHA256').update(`${appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`).sign(keys.merchantPrivateKeyPem, 'base64')
}

/** `time_expire` as WeChat documents it: whole seconds and an offset (`2018-06-08T10:34:56+08:00`). */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00')
}

export function jsapiBody(keys: SandboxKeys, openid: string, notifyUrl: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    appid: keys.appid,
    mchid: keys.mchid,
    description: '品牌小店-经典帆布包',
    out_trade_no: 'T' + randomBytes(8).toString('hex'),
    time_expire: rfc3339(Date.now() + 15 * 60_000),
    notify_url: notifyUrl,
    amount: { total: 1234, currency: 'CNY' },
    payer: { openid },
    ...extra
  }
}
