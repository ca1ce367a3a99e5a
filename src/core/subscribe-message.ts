// Subscription-message values (subscribeMessage.send `data`) fitted to the
// template keyword types WeChat checks. A template's keys are named by type
// and position (`thing2`, `amount3`); a value that breaks its type's rule
// fails the whole send with 47003, so every value is fitted here first:
//
//   thing             ≤ 20 characters (汉字, digits, letters, symbols)
//   character_string  ≤ 32 digits, letters or ASCII symbols
//   number            ≤ 32 digits, may carry a decimal point
//   letter            ≤ 32 letters;  symbol ≤ 5 symbols
//   phrase            ≤ 5 汉字
//   name              ≤ 10 汉字 or ≤ 20 letters
//   amount            a currency sign or 元 and ≤ 10 digits, e.g. 12.30元
//   date / time       e.g. 2019年10月1日 15:01 (China time)
//   phone_number      ≤ 17 digits and symbols;  car_number ≤ 8 characters
//
// Empty values are refused by WeChat too, so each has a fallback.
import type { AfterSaleKind, AfterSaleStatus } from './contract/after-sales'
import { type Instant, requireEpochMs } from './time'

export const TEMPLATE_VALUE_TYPES = [
  'thing',
  'character_string',
  'number',
  'letter',
  'symbol',
  'phrase',
  'name',
  'amount',
  'date',
  'time',
  'phone_number',
  'car_number'
] as const
export type TemplateValueType = (typeof TEMPLATE_VALUE_TYPES)[number]

/** `thing12` → thing; null for a key WeChat would not know. */
export function keyType(key: string): TemplateValueType | null {
  const m = /^([a-z_]+?)(\d+)$/.exec(key)
  const type = m?.[1]
  return type && (TEMPLATE_VALUE_TYPES as readonly string[]).includes(type) ? (type as TemplateValueType) : null
}

const chars = (s: string): string[] => Array.from(s)

/** Characters, not UTF-16 units: an emoji counts once, as WeChat counts it. */
function cut(s: string, max: number, ellipsis = true): string {
  const list = chars(s)
  if (list.length <= max) return s
  return ellipsis ? `${list.slice(0, max - 1).join('')}…` : list.slice(0, max).join('')
}

function clean(s: string): string {
  // Control characters and line breaks are refused; runs of spaces look broken on the card.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  return s.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim()
}

const HAN = /\p{Script=Han}/u

/** A value fitted to its type, ready for `data[key] = {value}`. Strings only: amounts and times have their own formatters. */
export function fitTemplateValue(type: TemplateValueType, raw: string): string {
  const s = clean(raw)
  switch (type) {
    case 'thing':
      return cut(s, 20) || '无'
    case 'character_string':
      return cut(s.replace(/[^\x21-\x7e]/g, ''), 32, false) || '-'
    case 'number': {
      const m = /\d+(\.\d+)?/.exec(s.replace(/,/g, ''))
      return m ? cut(m[0], 32, false) : '0'
    }
    case 'letter':
      return cut(s.replace(/[^A-Za-z]/g, ''), 32, false) || 'NA'
    case 'symbol':
      return cut(s.replace(/[A-Za-z0-9\s\p{Script=Han}]/gu, ''), 5, false) || '-'
    case 'phrase':
      return cut(chars(s).filter((c) => HAN.test(c)).join(''), 5, false) || '无'
    case 'name': {
      const han = chars(s).filter((c) => HAN.test(c)).join('')
      if (han.length > 0) return cut(han, 10, false)
      return cut(s.replace(/[^A-Za-z ]/g, '').trim(), 20, false) || '顾客'
    }
    // Amounts and times come from amountValue and timeValue; anything else is a bug, not a value to guess.
    case 'amount':
      if (!/^\d{1,10}(\.\d{1,2})?元$/.test(s)) throw new RangeError(`an amount value must look like 12.30元 (use amountValue), got "${s}"`)
      return s
    case 'date':
    case 'time':
      if (!/^\d{4}年\d{1,2}月\d{1,2}日( \d{2}:\d{2})?$/.test(s)) throw new RangeError(`a ${type} value must look like 2025年6月1日 10:00 (use timeValue), got "${s}"`)
      return s
    case 'phone_number':
      return cut(s.replace(/[^\d+\-()]/g, ''), 17, false) || '-'
    case 'car_number':
      return cut(s.replace(/\s/g, ''), 8, false) || '-'
  }
}

/** `1230` → `12.30元`. */
export function amountValue(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`fen must be a non-negative whole number, got ${String(fen)}`)
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}元`
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000

/** An instant as China time, `2025年6月1日 10:00` (or the date alone). */
export function timeValue(at: Instant, opts: { withTime?: boolean } = {}): string {
  const d = new Date(requireEpochMs(at, 'at') + CHINA_OFFSET_MS)
  const date = `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
  if (opts.withTime === false) return date
  return `${date} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`
}

export type TemplateData = Record<string, { value: string }>

/** Fits every value by its key's type; a key of no known type is a programming error. */
export function templateData(values: Record<string, string>): TemplateData {
  const out: TemplateData = {}
  for (const [key, raw] of Object.entries(values)) {
    const type = keyType(key)
    if (!type) throw new RangeError(`template key ${key} has no known type (thing1, amount2, …)`)
    out[key] = { value: fitTemplateValue(type, raw) }
  }
  return out
}

// The messages the shop sends, each as the keywords of the template the
// operator picks in the public library (订阅消息 → 公共模板库) and names in
// WECHAT_SUBSCRIBE_TEMPLATES. Keys are the template's own, in its order.

export type ShippedMessage = { outTradeNo: string; goods: string; carrierName: string; trackingNo: string; shippedAt: Instant }
/** 订单发货通知: 订单号, 商品名称, 快递公司, 快递单号, 发货时间. */
export function shippedMessage(m: ShippedMessage): TemplateData {
  return templateData({
    character_string1: m.outTradeNo,
    thing2: m.goods,
    thing3: m.carrierName || '商家配送',
    character_string4: m.trackingNo || '-',
    time5: timeValue(m.shippedAt)
  })
}

export type RefundMessage = { outTradeNo: string; amountFen: number; succeeded: boolean; at: Instant; note: string }
/** 退款结果通知: 订单号, 退款金额, 退款状态, 处理时间, 备注. */
export function refundMessage(m: RefundMessage): TemplateData {
  return templateData({
    character_string1: m.outTradeNo,
    amount2: amountValue(m.amountFen),
    phrase3: m.succeeded ? '退款成功' : '退款失败',
    time4: timeValue(m.at),
    thing5: m.note || (m.succeeded ? '退款已原路退回，请留意到账' : '请联系客服处理')
  })
}

const AFTER_SALE_RESULT: Partial<Record<AfterSaleStatus, string>> = {
  approved: '已同意',
  awaiting_return: '请寄回',
  returned: '已收货',
  refunding: '退款中',
  refunded: '已退款',
  rejected: '已拒绝'
}

export type AfterSaleMessage = { outTradeNo: string; kind: AfterSaleKind; status: AfterSaleStatus; at: Instant; note: string }
/** 售后结果通知: 订单号, 售后类型, 处理结果, 处理时间, 备注. */
export function afterSaleMessage(m: AfterSaleMessage): TemplateData {
  return templateData({
    character_string1: m.outTradeNo,
    phrase2: m.kind === 'refund' ? '仅退款' : '退货退款',
    phrase3: AFTER_SALE_RESULT[m.status] ?? '已处理',
    time4: timeValue(m.at),
    thing5: m.note || '点击查看售后详情'
  })
}
