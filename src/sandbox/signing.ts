import { createSign, createVerify, type KeyObject } from 'node:crypto'
import { alnum } from './ids'
import type { ResolvedOptions } from './options'

export const SIGNATURE_TYPE = 'WECHATPAY2-SHA256-RSA2048'
/** WeChat's clock window for signed messages, in seconds. */
export const MAX_CLOCK_OFFSET_S = 300

export function rsaSign(key: KeyObject, message: string): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(key, 'base64')
}

export function rsaVerify(key: KeyObject, message: string, signatureBase64: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(message, 'utf8').verify(key, signatureBase64, 'base64')
  } catch {
    // A malformed signature is simply a wrong one.
    return false
  }
}

/** The Wechatpay-* headers over `timestamp\nnonce\nbody\n`, for answers and notifications alike. */
export function wechatpayHeaders(o: ResolvedOptions, body: string): Record<string, string> {
  const timestamp = String(Math.floor(o.now() / 1000))
  const nonce = alnum(32)
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': rsaSign(o.wechatpayPrivateKey, `${timestamp}\n${nonce}\n${body}\n`),
    'Wechatpay-Serial': o.wechatpayPublicKeyId,
    'Wechatpay-Signature-Type': SIGNATURE_TYPE
  }
}

export interface Authorization {
  mchid: string
  serial_no: string
  timestamp: string
  nonce_str: string
  signature: string
}

/** Parses `WECHATPAY2-SHA256-RSA2048 k="v",…` in any attribute order; null when it is not that shape. */
export function parseAuthorization(header: string | undefined): Authorization | null {
  if (!header) return null
  const space = header.indexOf(' ')
  if (space < 0 || header.slice(0, space) !== SIGNATURE_TYPE) return null
  const attrs: Record<string, string> = {}
  const pattern = /\s*([a-z_]+)="([^"]*)"\s*(?:,|$)/gy
  const rest = header.slice(space + 1)
  let match: RegExpExecArray | null
  let consumed = 0
  while ((match = pattern.exec(rest)) !== null && match[0] !== '') {
    attrs[match[1]] = match[2]
    consumed = pattern.lastIndex
  }
  if (consumed !== rest.length) return null
  const names = ['mchid', 'serial_no', 'timestamp', 'nonce_str', 'signature'] as const
  if (names.some((n) => !attrs[n])) return null
  return { mchid: attrs.mchid, serial_no: attrs.serial_no, timestamp: attrs.timestamp, nonce_str: attrs.nonce_str, signature: attrs.signature }
}

/** Why a merchant request's Authorization fails, in WeChat's words; null when it passes. */
export function checkMerchantSignature(
  o: ResolvedOptions,
  req: { method: string; rawUrl: string; body: string; authorization: string | undefined }
): string | null {
  const auth = parseAuthorization(req.authorization)
  if (!auth) return `Authorization 缺失或格式错误，应为 ${SIGNATURE_TYPE} mchid="…",serial_no="…",timestamp="…",nonce_str="…",signature="…"`
  if (auth.mchid !== o.mchid) return `Authorization 中的 mchid ${auth.mchid} 不存在`
  if (auth.serial_no !== o.merchantSerialNo) return `商户证书序列号 serial_no 有误：${auth.serial_no}`
  if (!/^\d{10}$/.test(auth.timestamp)) return 'timestamp 应为 10 位秒级时间戳'
  const offset = Math.abs(Math.floor(o.now() / 1000) - Number(auth.timestamp))
  if (offset > MAX_CLOCK_OFFSET_S) return `timestamp 与当前时间相差 ${offset} 秒，超过 ${MAX_CLOCK_OFFSET_S} 秒`
  const message = `${req.method}\n${req.rawUrl}\n${auth.timestamp}\n${auth.nonce_str}\n${req.body}\n`
  if (!rsaVerify(o.merchantPublicKey, message, auth.signature)) return '错误的签名，验签失败'
  return null
}

export interface PaymentParams {
  appId?: unknown
  timeStamp?: unknown
  nonceStr?: unknown
  package?: unknown
  signType?: unknown
  paySign?: unknown
}

/** What WeChat's client checks in wx.requestPayment; returns the prepay_id or the failure text. */
export function checkPaySign(o: ResolvedOptions, p: PaymentParams): { prepayId: string } | { error: string } {
  const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)
  const [appId, timeStamp, nonceStr, pkg, paySign] = [p.appId, p.timeStamp, p.nonceStr, p.package, p.paySign].map(str)
  if (!appId || !timeStamp || !nonceStr || !pkg || !paySign) return { error: '缺少参数：appId、timeStamp、nonceStr、package、paySign 均为必填' }
  // NOTE: wx.requestPayment defaults signType to MD5 (API v2); v3 orders need 'RSA' spelled out.
  if (p.signType !== 'RSA') return { error: `signType 应为 RSA（API v3），收到 ${String(p.signType ?? '（缺省，即 MD5）')}` }
  if (appId !== o.appid) return { error: `appId ${appId} 与下单时的 appid 不一致` }
  if (!/^\d{10}$/.test(timeStamp)) return { error: 'timeStamp 应为 10 位秒级时间戳字符串' }
  if (nonceStr.length > 32) return { error: 'nonceStr 不能超过 32 个字符' }
  const m = /^prepay_id=(\S+)$/.exec(pkg)
  if (!m) return { error: 'package 应为 prepay_id=…' }
  if (!rsaVerify(o.merchantPublicKey, `${appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`, paySign)) return { error: '支付验证签名失败' }
  return { prepayId: m[1] }
}
