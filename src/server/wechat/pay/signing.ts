/**
 * WeChat Pay API v3 signatures (docs/wechat.md "Signing our requests" and
 * "Verifying WeChat Pay's answers and notifications"):
 * our requests and paySign are SHA256withRSA with the merchant private key;
 * WeChat's answers and notifications are checked against the WeChat Pay
 * public key named by `Wechatpay-Serial` (`PUB_KEY_ID_…`), over the raw
 * bytes, within 300 s of our clock.
 */
import { createSign, createVerify, randomInt, sign as oneShotSign, type KeyObject } from 'node:crypto'
import { err, ok, type Result } from '@core/result'

export const SIGNATURE_TYPE = 'WECHATPAY2-SHA256-RSA2048'
export const MAX_CLOCK_OFFSET_S = 300

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

export function nonceStr(length = 32): string {
  let out = ''
  for (let i = 0; i < length; i++) out += ALNUM[randomInt(ALNUM.length)]
  return out
}

export function rsaSign(key: KeyObject, message: string): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(key, 'base64')
}

/**
 * The same SHA256withRSA signature, computed on libuv's thread pool: an
 * RSA-2048 signature is most of a millisecond of CPU, and on the event loop
 * it holds up every other request for that long (two of them per order + pay).
 */
export function rsaSignAsync(key: KeyObject, message: string): Promise<string> {
  return new Promise((resolve, reject) =>
    oneShotSign('sha256', Buffer.from(message, 'utf8'), key, (e, signature) => (e ? reject(e) : resolve(signature.toString('base64'))))
  )
}

/** Lines joined by `\n`, each ending in `\n`, the last one included: WeChat's signing message. */
export function signingMessage(...lines: string[]): string {
  return lines.map((l) => `${l}\n`).join('')
}

export async function authorizationHeader(
  m: { mchId: string; serialNo: string; privateKey: KeyObject },
  req: { method: string; canonicalUrl: string; body: string; timestamp: string; nonce: string }
): Promise<string> {
  const signature = await rsaSignAsync(m.privateKey, signingMessage(req.method, req.canonicalUrl, req.timestamp, req.nonce, req.body))
  return `${SIGNATURE_TYPE} mchid="${m.mchId}",serial_no="${m.serialNo}",timestamp="${req.timestamp}",nonce_str="${req.nonce}",signature="${signature}"`
}

export type SignedHeaders = Record<string, string | string[] | undefined>

export type VerifyCode = 'SIGNATURE_MISSING' | 'UNKNOWN_SERIAL' | 'STALE_TIMESTAMP' | 'BAD_SIGNATURE'

function header(headers: SignedHeaders | Headers, name: string): string | undefined {
  const v = headers instanceof Headers ? headers.get(name) : headers[name.toLowerCase()]
  return Array.isArray(v) ? v[0] : (v ?? undefined)
}

/** Checks the Wechatpay-* headers of an answer or notification over its raw body bytes. */
export function verifyWechatpaySignature(
  wechatpay: { publicKey: KeyObject; publicKeyId: string },
  headers: SignedHeaders | Headers,
  body: Buffer,
  nowMs: number
): Result<void, VerifyCode> {
  const timestamp = header(headers, 'wechatpay-timestamp')
  const nonce = header(headers, 'wechatpay-nonce')
  const signature = header(headers, 'wechatpay-signature')
  const serial = header(headers, 'wechatpay-serial')
  const type = header(headers, 'wechatpay-signature-type')
  if (!timestamp || !nonce || !signature || !serial) {
    return err('SIGNATURE_MISSING', 'the Wechatpay-Timestamp/Nonce/Signature/Serial headers are missing')
  }
  if (type !== undefined && type !== SIGNATURE_TYPE) return err('BAD_SIGNATURE', `unsupported signature type ${type}`)
  if (serial !== wechatpay.publicKeyId) {
    return err('UNKNOWN_SERIAL', `signed with ${serial}, but WECHATPAY_PUBLIC_KEY_ID is ${wechatpay.publicKeyId}`)
  }
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(Math.floor(nowMs / 1000) - Number(timestamp)) > MAX_CLOCK_OFFSET_S) {
    return err('STALE_TIMESTAMP', `Wechatpay-Timestamp ${timestamp} is more than ${MAX_CLOCK_OFFSET_S} s from our clock`)
  }
  const message = Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`, 'utf8'), body, Buffer.from('\n')])
  let good = false
  try {
    good = createVerify('RSA-SHA256').update(message).verify(wechatpay.publicKey, signature, 'base64')
  } catch {
    good = false // a malformed signature is a wrong one
  }
  return good ? ok(undefined) : err('BAD_SIGNATURE', 'Wechatpay-Signature does not verify with the WeChat Pay public key')
}
