import { z } from 'zod'
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

/** A string field: required (or, when optional, non-empty if given), at most max characters, no 4-byte characters. */
function text(max: number, required: boolean) {
  const missing = required ? '为必填字符串' : '应为非空字符串'
  return z
    .string({ error: missing })
    .min(1, missing)
    .refine((v) => [...v].length <= max, `长度不能超过 ${max}`)
    .refine((v) => !FOUR_BYTE.test(v), '含有不支持的 4 字节字符（如 emoji）')
}

/** Missing or not an object reads as {}, so the problem is named at the field inside (/payer/openid). */
const objectOrEmpty = (v: unknown) => (isObject(v) ? v : {})

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

/** POST /v3/pay/transactions/jsapi's body, fields in the order WeChat Pay reports them. */
export function jsapiSchema(nowMs: number) {
  return z.object({
    appid: text(32, true),
    mchid: text(32, true),
    description: text(127, true),
    out_trade_no: text(32, true).regex(OUT_TRADE_NO, '须为 6-32 位数字、大小写字母、_ 或 -'),
    attach: text(128, false).optional(),
    time_expire: z
      .string({ error: RFC3339_MESSAGE })
      .refine((t) => RFC3339.test(t) && !Number.isNaN(Date.parse(t)), RFC3339_MESSAGE)
      .refine((t) => Date.parse(t) > nowMs, '早于当前时间')
      .optional(),
    notify_url: z.unknown().superRefine((v, ctx) => {
      const issue = notifyUrlIssue(v)
      if (issue) ctx.addIssue({ code: 'custom', message: issue })
    }).transform((v) => v as string),
    amount: z.object(
      {
        total: z.number({ error: TOTAL_MESSAGE }).int(TOTAL_MESSAGE).positive(TOTAL_MESSAGE),
        currency: z.literal('CNY', { error: '境内商户仅支持 CNY' }).default('CNY')
      },
      { error: '为必填对象' }
    ),
    payer: z.preprocess(objectOrEmpty, z.object({ openid: z.string({ error: '为必填字符串' }).min(1, '为必填字符串') }))
  })
}

const RFC3339_MESSAGE = '须为 RFC 3339 格式，如 2018-06-08T10:34:56+08:00'
const TOTAL_MESSAGE = '须为大于 0 的整数（单位：分）'

/** WeChat Pay answers one problem at a time: the first issue as PARAM_ERROR, with the field as a JSON pointer and its value. */
export function firstParamError(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>, body: unknown): Reply {
  const issue = issues[0]
  const path = issue?.path ?? []
  const value = path.reduce<unknown>((v, key) => (isObject(v) ? v[String(key)] : undefined), body)
  return paramError(`/${path.map(String).join('/')}`, value ?? null, issue?.message ?? '参数错误')
}

/** The field checks of POST /v3/pay/transactions/jsapi, answering PARAM_ERROR with WeChat's `detail`. */
export function validateJsapi(body: Record<string, unknown>, nowMs: number): { ok: JsapiRequest } | { error: Reply } {
  const parsed = jsapiSchema(nowMs).safeParse(body)
  if (!parsed.success) return { error: firstParamError(parsed.error.issues, body) }
  const { attach, time_expire: timeExpire, ...rest } = parsed.data
  return { ok: { ...rest, ...(timeExpire !== undefined ? { time_expire: timeExpire } : {}), ...(attach !== undefined ? { attach } : {}) } }
}
