// A staff member's ship request checked against the order, as a pure
// function: the server loads the order, what was shipped before and
// WeChat's carrier list, and gets back either the parcels to store or an
// INVALID_SHIPMENT / ORDER_NOT_PAID / ORDER_NOT_SHIPPABLE refusal.
// Rules (WeChat's and ours, docs/wechat.md "Order shipping management"):
//   - only a paid order ships; a split delivery is only for express;
//   - at most MAX_PARCELS parcels over the order's life;
//   - express: every parcel has a carrier code from the list and a tracking number;
//   - the items of the parcels never exceed what was ordered minus what already shipped;
//     one parcel without items carries everything still to ship;
//   - the order is all delivered when nothing is left, or when staff say so.
import type { CartItem, LogisticsType, ShipRequest } from './contract/shipping'
import { shipRefusal, type OrderStatus } from './order'
import { err, ok, type Result } from './result'

export const LOGISTICS_TYPES = ['express', 'same_city', 'virtual', 'pickup'] as const satisfies readonly LogisticsType[]
export const MAX_PARCELS = 10
export const MAX_TRACKING_NO = 128
const TRACKING_NO = /^[A-Za-z0-9-]{1,128}$/

export const LOGISTICS_TYPE_LABELS: Record<LogisticsType, string> = {
  express: '快递',
  same_city: '同城配送',
  virtual: '虚拟发货',
  pickup: '用户自提'
}

export type ShipCode = 'ORDER_NOT_PAID' | 'ORDER_NOT_SHIPPABLE' | 'INVALID_SHIPMENT'

export type ShipContext = {
  status: OrderStatus
  /** What was ordered: skuId and quantity per line. */
  items: CartItem[]
  /** Parcels already sent for this order (all of one logistics type). */
  shipped: Array<{ logisticsType: LogisticsType; items: CartItem[] }>
  /** WeChat's carrier codes (get_delivery_list). */
  carrierCodes: ReadonlySet<string>
}

export type PlannedParcel = { carrierCode?: string; trackingNo?: string; items: CartItem[] }
export type ShipPlan = { logisticsType: LogisticsType; parcels: PlannedParcel[]; allDelivered: boolean }

type Issue = { path: string; message: string }

function invalid(message: string, issues: Issue[]): Result<never, ShipCode> {
  return err('INVALID_SHIPMENT', message, issues)
}

/** Quantity per SKU. */
export function qtyBySku(items: readonly CartItem[]): Map<string, number> {
  const m = new Map<string, number>()
  for (const i of items) m.set(i.skuId, (m.get(i.skuId) ?? 0) + i.qty)
  return m
}

/** What is still to ship: ordered minus shipped, per SKU, in the order's line order. */
export function remainingItems(ordered: readonly CartItem[], shipped: ReadonlyArray<{ items: CartItem[] }>): CartItem[] {
  const sent = qtyBySku(shipped.flatMap((s) => s.items))
  const left: CartItem[] = []
  for (const [skuId, qty] of qtyBySku(ordered)) {
    const rest = qty - (sent.get(skuId) ?? 0)
    if (rest > 0) left.push({ skuId, qty: rest })
  }
  return left
}

export function validateShipRequest(ctx: ShipContext, req: ShipRequest): Result<ShipPlan, ShipCode> {
  const refusal = shipRefusal(ctx.status)
  if (refusal === 'ORDER_NOT_PAID') return err(refusal, 'This order is not paid yet; only paid orders can be shipped', { status: ctx.status })
  if (refusal) return err(refusal, `This order is ${ctx.status}; only paid orders waiting for shipping can be shipped`, { status: ctx.status })

  const type = req.logisticsType
  if (!(LOGISTICS_TYPES as readonly string[]).includes(type)) {
    return invalid('logisticsType must be express, same_city, virtual or pickup', [{ path: 'logisticsType', message: 'unknown' }])
  }
  const previous = ctx.shipped[0]?.logisticsType
  if (previous !== undefined && previous !== type) {
    return invalid(`The earlier parcels went by ${previous}; the rest of the order must go the same way`, [{ path: 'logisticsType', message: `must be ${previous}` }])
  }
  const parcels = req.parcels === undefined || req.parcels.length === 0 ? [{}] : req.parcels
  if (type !== 'express' && (parcels.length > 1 || ctx.shipped.length > 0)) {
    return invalid('Only express deliveries can be split into several parcels', [{ path: 'parcels', message: 'one parcel only' }])
  }
  if (ctx.shipped.length + parcels.length > MAX_PARCELS) {
    return invalid(`An order has at most ${MAX_PARCELS} parcels (${ctx.shipped.length} sent already)`, [{ path: 'parcels', message: 'too many' }])
  }

  const issues: Issue[] = []
  const left = remainingItems(ctx.items, ctx.shipped)
  if (left.length === 0) return err('ORDER_NOT_SHIPPABLE', 'Every item of this order has been shipped already')
  const leftBySku = qtyBySku(left)
  const orderedSkus = qtyBySku(ctx.items)
  const withItems = parcels.filter((p) => p.items !== undefined).length
  if (parcels.length > 1 && withItems !== parcels.length) {
    issues.push({ path: 'parcels', message: 'with several parcels, name the items of each' })
  }

  const planned: PlannedParcel[] = parcels.map((p, i) => {
    const at = `parcels.${i}`
    if (type === 'express') {
      if (!p.carrierCode) issues.push({ path: `${at}.carrierCode`, message: 'an express parcel needs a carrier' })
      else if (!ctx.carrierCodes.has(p.carrierCode)) issues.push({ path: `${at}.carrierCode`, message: `${p.carrierCode} is not in WeChat's carrier list` })
      if (!p.trackingNo) issues.push({ path: `${at}.trackingNo`, message: 'an express parcel needs a tracking number' })
    } else if (p.carrierCode && !ctx.carrierCodes.has(p.carrierCode)) {
      issues.push({ path: `${at}.carrierCode`, message: `${p.carrierCode} is not in WeChat's carrier list` })
    }
    const trackingNo = p.trackingNo?.trim()
    if (trackingNo !== undefined && trackingNo !== '' && !TRACKING_NO.test(trackingNo)) {
      issues.push({ path: `${at}.trackingNo`, message: `letters, digits and - only, at most ${MAX_TRACKING_NO}` })
    }
    if (p.items !== undefined && p.items.length === 0) issues.push({ path: `${at}.items`, message: 'a parcel carries at least one item' })
    for (const [j, item] of (p.items ?? []).entries()) {
      if (!orderedSkus.has(item.skuId)) issues.push({ path: `${at}.items.${j}.skuId`, message: 'not in this order' })
      if (!Number.isSafeInteger(item.qty) || item.qty <= 0) issues.push({ path: `${at}.items.${j}.qty`, message: 'a positive whole number' })
    }
    return {
      ...(p.carrierCode ? { carrierCode: p.carrierCode } : {}),
      ...(trackingNo ? { trackingNo } : {}),
      items: p.items ? [...qtyBySku(p.items)].map(([skuId, qty]) => ({ skuId, qty })) : left
    }
  })
  if (issues.length > 0) return invalid('The shipment is not valid', issues)

  const sending = qtyBySku(planned.flatMap((p) => p.items))
  for (const [skuId, qty] of sending) {
    const can = leftBySku.get(skuId) ?? 0
    if (qty > can) issues.push({ path: 'parcels', message: `${skuId}: ${qty} sent but only ${can} left to ship` })
  }
  if (issues.length > 0) return invalid('The parcels carry more than the order has left to ship', issues)

  const nothingLeft = remainingItems(ctx.items, [...ctx.shipped, ...planned]).length === 0
  if (req.allDelivered === false && nothingLeft) {
    return invalid('Every item is in these parcels, so the order is all delivered', [{ path: 'allDelivered', message: 'must be true' }])
  }
  return ok({ logisticsType: type, parcels: planned, allDelivered: nothingLeft || req.allDelivered === true })
}
