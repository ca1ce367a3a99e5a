import type { Deps } from './deps'
import { wxError, type WxError } from './mp-errors'
import type { Parcel, Shipping, TradeOrder } from './mp-store'
import { validateShipping, type ShippingRequest } from './shipping-validate'
import { pushShipped } from './trade-pushes'
import { findTradeOrder, ingested } from './trade-orders'

const MAX_PARCELS = 10
const sameParcel = (a: Parcel, b: Parcel): boolean => a.expressCompany === b.expressCompany && a.trackingNo === b.trackingNo

function finish(d: Deps, order: TradeOrder, s: Shipping): void {
  s.finished = true
  if (order.state === 1) order.state = 2
  if (s.shippedAt === undefined) {
    s.shippedAt = d.o.now()
    void pushShipped(d, order)
  }
}

function fresh(req: ShippingRequest, finishCount: number, shippedAt?: number): Shipping {
  return {
    deliveryMode: req.deliveryMode,
    logisticsType: req.logisticsType,
    finished: false,
    finishCount,
    parcels: req.parcels,
    lastPayload: req.payload,
    lastUploadMs: req.uploadMs,
    ...(shippedAt !== undefined ? { shippedAt } : {})
  }
}

/**
 * The rules of 发货信息管理 once the fields are valid: a first upload, more parcels of an open split
 * delivery, the one re-shipment (a changed mode or type, or any change after full shipping), and
 * nothing after the shopper confirmed receipt or the money went back.
 */
export function uploadShipping(d: Deps, body: Record<string, unknown>): Record<string, unknown> | WxError {
  const req = validateShipping(body)
  if ('errcode' in req) return req
  const order = findTradeOrder(d, 'transactionId' in req.key ? req.key : { mchid: req.key.mchid, outTradeNo: req.key.outTradeNo })
  if (!order || !ingested(d, order)) return wxError(10060001)
  if (req.openid !== order.openid) return wxError(10060031)
  if (order.state >= 3) return wxError(10060004, `order_state is ${order.state}`)
  const s = order.shipping
  if (!s) {
    order.shipping = fresh(req, req.isAllDelivered ? 1 : 0)
    if (req.isAllDelivered) finish(d, order, order.shipping)
    return {}
  }
  if (req.payload === s.lastPayload) return wxError(10060023)
  if (req.uploadMs <= s.lastUploadMs) return wxError(10060014, 'upload_time must be later than the previous upload of this order')
  const sameKind = req.deliveryMode === s.deliveryMode && req.logisticsType === s.logisticsType
  if (!s.finished && sameKind) {
    // More parcels of an open split delivery: added to the ones already uploaded.
    const added = req.parcels.filter((p) => !s.parcels.some((q) => sameParcel(p, q)))
    if (s.parcels.length + added.length > MAX_PARCELS) return wxError(10060024, `an order has at most ${MAX_PARCELS} parcels`)
    s.parcels = s.parcels.map((q) => req.parcels.find((p) => sameParcel(p, q)) ?? q).concat(added)
    s.lastPayload = req.payload
    s.lastUploadMs = req.uploadMs
    if (req.isAllDelivered) {
      s.finishCount = 1
      finish(d, order, s)
    }
    return {}
  }
  if (s.finished && sameKind && req.deliveryMode === 2 && !req.isAllDelivered) return wxError(10060002)
  if (order.reshipUsed) return wxError(10060003)
  order.reshipUsed = true
  const next = fresh(req, req.isAllDelivered ? Math.min(2, s.finishCount + 1) : s.finishCount, s.shippedAt)
  order.shipping = next
  if (req.isAllDelivered) finish(d, order, next)
  return {}
}
