import type { Reply } from './http'
import { paramError } from './pay-errors'

export interface JsapiRequest {
  appid: string
  mchid: string
  description: string
  out_trade_no: string
  time_expire?: string
  attach?: string
  notify_url: string
  amount: { total: number; currency: string }
  payer: { openid: string }
}

export const OUT_TRADE_NO = /^[0-9A-Za-z_-]{6,32}$/
// NOTE: the documented shape is yyyy-MM-DDTHH:mm:ss+TIMEZONE; fractional seconds are refused.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/
// NOTE: WeChat Pay takes UTF-8 characters of 1-3 bytes only; 4-byte ones (emoji) are refused.
const FOUR_BYTE = /[\u{10000}-\u{10FFFF}]/u

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

function text(body: Record<string, unknown>, field: string, max: number, required: boolean): Reply | null {
  const v = body[field]
  if (v === undefined && !required) return null
  if (typeof v !== 'string' || v === '') return paramError(`/${field}`, v ?? null, required ? '为必填字符串' : '应为非空字符串')
  if ([...v].length > max) return paramError(`/${field}`, v, `长度不能超过 ${max}`)
  if (FOUR_BYTE.test(v)) return paramError(`/${field}`, v, '含有不支持的 4 字节字符（如 emoji）')
  return null
}

/** Whether notify_url is absolute http(s) without a query; the sandbox allows http because it runs locally. */
export function notifyUrlIssue(v: unknown): string | null {
  if (typeof v !== 'string' || v === '') return '为必填字符串'
  if (v.length > 255) return '长度不能超过 255'
  let url: URL
  try {
    url = new URL(v)
  } catch {
    return '不是合法的 URL'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return '须为 https（沙箱也接受 http）地址'
  if (url.search !== '' || v.includes('?')) return '不能携带查询参数'
  if (url.hash !== '') return '不能携带 # 片段'
  return null
}

/** The field checks of POST /v3/pay/transactions/jsapi, answering PARAM_ERROR with WeChat's `detail`. */
export function validateJsapi(body: Record<string, unknown>, nowMs: number): { ok: JsapiRequest } | { error: Reply } {
  for (const [field, max] of [['appid', 32], ['mchid', 32], ['description', 127], ['out_trade_no', 32]] as const) {
    const issue = text(body, field, max, true)
    if (issue) return { error: issue }
  }
  const attachIssue = text(body, 'attach', 128, false)
  if (attachIssue) return { error: attachIssue }
  if (!OUT_TRADE_NO.test(body.out_trade_no as string)) {
    return { error: paramError('/out_trade_no', body.out_trade_no, '须为 6-32 位数字、大小写字母、_ 或 -') }
  }
  if (body.time_expire !== undefined) {
    const t = body.time_expire
    if (typeof t !== 'string' || !RFC3339.test(t) || Number.isNaN(Date.parse(t))) {
      return { error: paramError('/time_expire', t, '须为 RFC 3339 格式，如 2018-06-08T10:34:56+08:00') }
    }
    if (Date.parse(t) <= nowMs) return { error: paramError('/time_expire', t, '早于当前时间') }
  }
  const urlIssue = notifyUrlIssue(body.notify_url)
  if (urlIssue) return { error: paramError('/notify_url', body.notify_url ?? null, urlIssue) }
  const amount = body.amount
  if (!isObject(amount)) return { error: paramError('/amount', amount ?? null, '为必填对象') }
  if (typeof amount.total !== 'number' || !Number.isInteger(amount.total) || amount.total <= 0) {
    return { error: paramError('/amount/total', amount.total ?? null, '须为大于 0 的整数（单位：分）') }
  }
  const currency = amount.currency ?? 'CNY'
  if (currency !== 'CNY') return { error: paramError('/amount/currency', currency, '境内商户仅支持 CNY') }
  const payer = body.payer
  if (!isObject(payer) || typeof payer.openid !== 'string' || payer.openid === '') {
    return { error: paramError('/payer/openid', isObject(payer) ? (payer.openid ?? null) : null, '为必填字符串') }
  }
  return {
    ok: {
      appid: body.appid as string,
      mchid: body.mchid as string,
      description: body.description as string,
      out_trade_no: body.out_trade_no as string,
      ...(body.time_expire !== undefined ? { time_expire: body.time_expire as string } : {}),
      ...(body.attach !== undefined ? { attach: body.attach as string } : {}),
      notify_url: body.notify_url as string,
      amount: { total: amount.total, currency },
      payer: { openid: payer.openid }
    }
  }
}
