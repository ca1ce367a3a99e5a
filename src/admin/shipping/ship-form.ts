/**
 * The ship dialog's values ↔ the ship request, checked before sending by
 * core's own ship rules (the ones the server applies), with each problem
 * said in Chinese by where it is. Parcels name their items only in a split
 * or partial delivery; one parcel without items carries everything left.
 */
import type { Carrier, CartItem, LogisticsType, ShipRequest, ShipmentDto } from '@core/contract/shipping'
import { LOGISTICS_TYPE_LABELS, MAX_PARCELS, MAX_TRACKING_NO, remainingItems, validateShipRequest } from '@core/shipping'
import type { OrderStatus } from '@core/order'
import type { FieldIssue } from '@core/result'
import { messageForCode } from '../api/api-error'
import type { OrderItem } from '@core/contract/admin-orders'

export { LOGISTICS_TYPE_LABELS, MAX_PARCELS }

export type ParcelValues = { carrierCode?: string; trackingNo?: string; qty?: Record<string, number | null | undefined> }
export type ShipValues = { logisticsType: LogisticsType; parcels: ParcelValues[]; allDelivered: boolean }

/** The order's lines with what is still to ship (core's count), for the dialog to show by title. */
export function unshippedItems(items: readonly OrderItem[], shipments: readonly ShipmentDto[] = []): OrderItem[] {
  const left = new Map(remainingItems(items, shipments).map((i) => [i.skuId, i.qty]))
  return items.filter((i) => left.has(i.skuId)).map((i) => ({ ...i, qty: left.get(i.skuId) as number }))
}

export function needsItems(v: Pick<ShipValues, 'logisticsType' | 'parcels' | 'allDelivered'>): boolean {
  return v.logisticsType === 'express' && (v.parcels.length > 1 || !v.allDelivered)
}

function itemsOf(p: ParcelValues): CartItem[] {
  return Object.entries(p.qty ?? {})
    .filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0)
    .map(([skuId, qty]) => ({ skuId, qty }))
}

/** True when the parcels' items add up to everything still to ship. */
export function coversAll(parcels: readonly ParcelValues[], left: readonly OrderItem[]): boolean {
  return left.every((i) => parcels.reduce((n, p) => n + (p.qty?.[i.skuId] ?? 0), 0) === i.qty)
}

export function toShipRequest(v: ShipValues): ShipRequest {
  if (v.logisticsType !== 'express') return { logisticsType: v.logisticsType, allDelivered: v.allDelivered }
  const withItems = needsItems(v)
  return {
    logisticsType: 'express',
    parcels: v.parcels.map((p) => ({
      carrierCode: p.carrierCode,
      trackingNo: p.trackingNo?.trim(),
      ...(withItems ? { items: itemsOf(p) } : {})
    })),
    allDelivered: v.allDelivered
  }
}

/** A ship problem in Chinese: the server's Chinese words when it has them, else by the field it names. */
export function shipIssueText(issue: FieldIssue): string {
  if (/[\u4e00-\u9fff]/.test(issue.message)) return issue.message
  const p = issue.path
  if (/\.carrierCode$/.test(p)) return '请从微信的快递公司列表里选择快递公司'
  if (/\.trackingNo$/.test(p)) return `运单号只能是字母、数字和 -，最多 ${MAX_TRACKING_NO} 位`
  if (/\.items(\.|$)/.test(p)) return '这个包裹还没选商品，或选了订单里没有的商品'
  if (p === 'allDelivered') return '所有待发商品都在这次的包裹里，「全部发完」要打开'
  if (p === 'logisticsType') return '之前的包裹用的是另一种物流方式，剩下的商品要用同一种方式发'
  if (p === 'parcels') {
    if (issue.message.includes('too many')) return `一个订单最多 ${MAX_PARCELS} 个包裹（包括之前发出的）`
    if (issue.message.includes('one parcel only')) return '只有快递可以分多个包裹发'
    if (issue.message.includes('name the items')) return '分包裹发货时，每个包裹都要选商品'
    if (issue.message.includes('left to ship')) return '包裹里的商品超过了还没发的数量'
  }
  return issue.message
}

/** Core's ship rules on the dialog's values, before anything is sent: [] when the server would take it. */
export function checkShip(
  order: { status: OrderStatus; items: readonly OrderItem[]; shipments?: readonly ShipmentDto[] },
  v: ShipValues,
  carriers: readonly Carrier[]
): FieldIssue[] {
  const checked = validateShipRequest(
    {
      status: order.status,
      items: order.items.map((i) => ({ skuId: i.skuId, qty: i.qty })),
      shipped: (order.shipments ?? []).map((s) => ({ logisticsType: s.logisticsType, items: s.items })),
      carrierCodes: new Set(carriers.map((c) => c.code))
    },
    toShipRequest(v)
  )
  if (checked.ok) return []
  const details = checked.error.details
  const issues = Array.isArray(details) ? (details as FieldIssue[]) : [{ path: '', message: messageForCode(checked.error.code, checked.error.message) }]
  return issues.map((i) => ({ path: i.path, message: shipIssueText(i) }))
}
