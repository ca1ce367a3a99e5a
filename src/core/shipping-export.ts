// Orders as CSV for finance (GET /api/admin/orders/export), formatted
// purely: RFC 4180 quoting (a field with a comma, quote or line break is
// quoted, quotes doubled), CRLF line ends, a UTF-8 BOM so Excel reads the
// Chinese, one row per order line, money in yuan with two decimals, times
// in China time. A text field starting with = + - @ is prefixed with ' so
// a spreadsheet never runs a shopper's address as a formula.
import type { Address, OrderItemDto, OrderStatus } from './contract/orders'
import { ORDER_STATUS_LABELS } from './order'
import { LOGISTICS_TYPE_LABELS } from './shipping'
import type { LogisticsType } from './contract/shipping'

export const CSV_BOM = '\uFEFF'

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  let s = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function csvLine(fields: ReadonlyArray<string | number | null | undefined>): string {
  return `${fields.map(csvField).join(',')}\r\n`
}

/** 1230 → "12.30"; negative amounts keep their sign. */
export function yuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`yuan() needs whole fen, got ${fen}`)
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** `2025-06-01 10:00:00` in China time (UTC+8), as staff read it; '' for none. */
export function chinaTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) throw new RangeError(`chinaTime() needs an ISO time, got ${iso}`)
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')
}

export type ExportOrder = {
  id: string
  outTradeNo: string
  status: OrderStatus
  createdAt: string
  paidAt: string | null
  shippedAt: string | null
  completedAt: string | null
  totalFen: number
  refundedFen: number
  items: OrderItemDto[]
  address: Address
  transactionId: string | null
  shipments: Array<{ logisticsType: string; carrierName: string | null; trackingNo: string | null; items: Array<{ skuId: string; qty: number }> }>
}

export const EXPORT_HEADER = [
  '订单号',
  '微信支付单号',
  '状态',
  '下单时间',
  '支付时间',
  '商品',
  '规格',
  'SKU',
  '单价(元)',
  '数量',
  '小计(元)',
  '订单金额(元)',
  '已退款(元)',
  '收货人',
  '电话',
  '收货地址',
  '发货方式',
  '快递公司',
  '运单号',
  '发货时间',
  '完成时间'
] as const

/** The CSV lines of one order: one per order line, each with the parcels that carried it. */
export function exportLines(o: ExportOrder): string[] {
  const a = o.address
  const place = [a.province, a.city, a.district, a.detail].filter((p) => p && p !== '').join(' ')
  return o.items.map((line) => {
    const parcels = o.shipments.filter((s) => s.items.some((i) => i.skuId === line.skuId))
    const type = parcels[0]?.logisticsType as LogisticsType | undefined
    return csvLine([
      o.outTradeNo,
      o.transactionId ?? '',
      ORDER_STATUS_LABELS[o.status],
      chinaTime(o.createdAt),
      chinaTime(o.paidAt),
      line.title,
      Object.values(line.attrs ?? {}).join('/'),
      line.skuId,
      yuan(line.priceFen),
      line.qty,
      yuan(line.priceFen * line.qty),
      yuan(o.totalFen),
      yuan(o.refundedFen),
      a.name,
      a.phone,
      place,
      type ? (LOGISTICS_TYPE_LABELS[type] ?? type) : '',
      [...new Set(parcels.map((p) => p.carrierName ?? '').filter((n) => n !== ''))].join(' / '),
      parcels.map((p) => p.trackingNo ?? '').filter((n) => n !== '').join(' / '),
      chinaTime(o.shippedAt),
      chinaTime(o.completedAt)
    ])
  })
}
