/**
 * The batch-shipping CSV (header row, then 订单号, 快递公司编码, 运单号) →
 * rows to preview and send. The carrier may be written as WeChat's code
 * (`SF`) or its Chinese name (`顺丰速运`, or a part of it that names one
 * carrier only); rows with a problem are shown and not sent.
 */
import type { BatchShipRow, Carrier } from '@core/contract/shipping'
import type { LocalErrorCode } from '@core/error-codes'
import { err, ok, type Result } from '@core/result'
import { parseCsv } from './csv'

export const MAX_BATCH_ROWS = 500

export type BatchLine = {
  /** Row number in the file as Excel shows it (the header is row 1). */
  row: number
  orderId: string
  carrierText: string
  carrier: Carrier | null
  trackingNo: string
  /** Why this row will not be sent, in Chinese; null when it is fine. */
  problem: string | null
}

const HEADERS = {
  orderId: ['订单号', '订单编号', '商户订单号', '订单id', 'orderid'],
  carrier: ['快递公司编码', '快递公司', '快递公司名称', '物流公司', '快递编码', 'carriercode'],
  trackingNo: ['运单号', '快递单号', '物流单号', 'trackingno']
} as const
const COLUMN_NAMES = { orderId: '订单号', carrier: '快递公司编码', trackingNo: '运单号' } as const
const HEADER_HINT = '第一行应是表头：订单号,快递公司编码,运单号'

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, '')

export function findCarrier(text: string, carriers: readonly Carrier[]): Result<Carrier, LocalErrorCode> {
  const t = text.trim()
  const byCode = carriers.find((c) => c.code.toLowerCase() === t.toLowerCase())
  if (byCode) return ok(byCode)
  const byName = carriers.find((c) => c.name === t)
  if (byName) return ok(byName)
  const partial = carriers.filter((c) => c.name.includes(t))
  if (partial.length === 1) return ok(partial[0] as Carrier)
  if (partial.length > 1) {
    return err('AMBIGUOUS_CARRIER', `「${t}」对应多家快递公司（${partial.map((c) => c.name).join('、')}），请写完整名称或编码`)
  }
  return err('UNKNOWN_CARRIER', `快递公司「${t}」不在微信的快递公司列表里，请写编码（如 SF）或完整名称`)
}

export function readBatchFile(text: string, carriers: readonly Carrier[]): Result<BatchLine[], LocalErrorCode> {
  if (text.includes('\uFFFD')) return err('NOT_UTF8', '文件不是 UTF-8 编码：请在 Excel 里「另存为」选「CSV UTF-8（逗号分隔）」后再上传')
  const parsed = parseCsv(text)
  if (!parsed.ok) return parsed
  const [header, ...body] = parsed.value
  if (!header) return err('EMPTY_FILE', `文件是空的。${HEADER_HINT}`)
  const names = header.map(norm)
  const index = {} as Record<keyof typeof HEADERS, number>
  for (const key of Object.keys(HEADERS) as Array<keyof typeof HEADERS>) {
    const i = names.findIndex((n) => (HEADERS[key] as readonly string[]).includes(n))
    if (i === -1) return err('MISSING_COLUMN', `表头缺少「${COLUMN_NAMES[key]}」列。${HEADER_HINT}`)
    index[key] = i
  }
  if (body.length === 0) return err('EMPTY_FILE', '文件里只有表头，没有要发货的订单')
  if (body.length > MAX_BATCH_ROWS) return err('TOO_MANY_ROWS', `一次最多 ${MAX_BATCH_ROWS} 行，这个文件有 ${body.length} 行，请分成几个文件`)

  const firstRowOf = new Map<string, number>()
  return ok(
    body.map((cells, i) => {
      const row = i + 2
      const cell = (k: keyof typeof HEADERS) => (cells[index[k]] ?? '').trim()
      const orderId = cell('orderId')
      const carrierText = cell('carrier')
      const trackingNo = cell('trackingNo')
      const found = carrierText ? findCarrier(carrierText, carriers) : null
      const earlier = orderId ? firstRowOf.get(orderId) : undefined
      if (orderId && earlier === undefined) firstRowOf.set(orderId, row)
      let problem: string | null = null
      if (!orderId) problem = '缺少订单号'
      else if (earlier !== undefined) problem = `订单号与第 ${earlier} 行重复：一个订单只写一行（分包裹发货请在订单详情里操作）`
      else if (!carrierText) problem = '缺少快递公司'
      else if (found && !found.ok) problem = found.error.message
      else if (!trackingNo) problem = '缺少运单号'
      return { row, orderId, carrierText, carrier: found?.ok ? found.value : null, trackingNo, problem }
    })
  )
}

/** The rows to send: only those without a problem. */
export function rowsToSend(lines: readonly BatchLine[]): BatchShipRow[] {
  return lines
    .filter((l) => l.problem === null && l.carrier)
    .map((l) => ({ orderId: l.orderId, carrierCode: (l.carrier as Carrier).code, trackingNo: l.trackingNo }))
}
