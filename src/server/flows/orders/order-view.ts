/**
 * Order rows → the API's order shape (`OrderDto` of core/contract/orders.ts), and →
 * core's OrderState for transition(). JSON columns are parsed here only.
 * loadOrderDtos fills in what lives in other tables (parcels, refunds as the
 * shopper sees them, the after-sales request) for a page of orders at once.
 */
import type { AfterSaleDto, ShopperRefundDto } from '@core/contract/after-sales'
import type { Address, Attribution, OrderDto, OrderItemDto } from '@core/contract/orders'
import type { LogisticsType, ShipmentDto } from '@core/contract/shipping'
import { autoCompleteAtOf, isOrderStatus, shipByOf, type OrderState, type OrderStatus, type PaidStatus } from '@core/order'
import { itemCount } from '@core/order-summary'
import type { Executor } from '../../db/database'
import type { OrderRow } from '../../db/repos/order-repo'
import { shipmentsOfOrders, type ShipmentWithItems } from '../../db/repos/shipment-repo'
import { afterSalePartsOf } from '../after-sales/order-after-sales'

export function statusOf(row: OrderRow): OrderStatus {
  if (!isOrderStatus(row.status)) throw new Error(`order ${row.id} has unknown status ${row.status}`)
  return row.status
}

export function stateOf(row: OrderRow): OrderState {
  return {
    status: statusOf(row),
    // What the order's money moves are checked against: what WeChat Pay charged.
    totalFen: paidFenOf(row),
    refundedFen: row.refundedFen,
    ...(row.refundingFen !== null ? { refundingFen: row.refundingFen } : {}),
    ...(row.statusBeforeRefund !== null ? { statusBeforeRefund: row.statusBeforeRefund as PaidStatus } : {})
  }
}

/** What WeChat Pay charges for this order (its total less the coupon's discount). */
export function paidFenOf(row: OrderRow): number {
  return Number(row.payableFen)
}

export function itemsOf(row: OrderRow): OrderItemDto[] {
  return JSON.parse(row.items) as OrderItemDto[]
}

export function attributionOf(row: OrderRow): Attribution {
  const scene = row.attrScene === null ? null : Number(row.attrScene)
  return {
    shareId: row.attrShareId,
    sharerId: row.attrSharerUserId,
    contentSlug: row.attrContentSlug,
    depth: row.attrDepth,
    scene: scene !== null && Number.isFinite(scene) ? scene : null,
    ...(row.attrChannel ? { channel: row.attrChannel } : {}),
    ...(row.attrCampaignCode ? { campaignCode: row.attrCampaignCode } : {})
  }
}

export interface OrderParts {
  shipments?: ShipmentWithItems[]
  refunds?: ShopperRefundDto[]
  afterSale?: AfterSaleDto
}

export function toShipmentDto(s: ShipmentWithItems): ShipmentDto {
  return {
    id: s.id,
    logisticsType: s.logisticsType as LogisticsType,
    ...(s.carrierCode ? { carrier: { code: s.carrierCode, name: s.carrierName ?? s.carrierCode } } : {}),
    ...(s.trackingNo ? { trackingNo: s.trackingNo } : {}),
    items: s.items,
    shippedAt: s.shippedAt
  }
}

/** The order as the API shows it; `autoCompleteDays` is ORDER_AUTO_COMPLETE_DAYS. */
export function toOrderDto(row: OrderRow, parts: OrderParts = {}, autoCompleteDays = 10): OrderDto {
  const status = statusOf(row)
  return {
    id: row.id,
    outTradeNo: row.outTradeNo,
    status,
    totalFen: row.totalFen,
    discountFen: Number(row.discountFen),
    payableFen: paidFenOf(row),
    ...(row.couponId ? { coupon: { id: row.couponId, title: row.couponTitle ?? '' } } : {}),
    refundedFen: row.refundedFen,
    items: itemsOf(row),
    address: JSON.parse(row.address) as Address,
    attribution: attributionOf(row),
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    shipments: (parts.shipments ?? []).map(toShipmentDto),
    refunds: parts.refunds ?? [],
    ...(parts.afterSale ? { afterSale: parts.afterSale } : {}),
    ...(row.paidAt ? { paidAt: row.paidAt } : {}),
    ...(row.transactionId ? { transactionId: row.transactionId } : {}),
    ...(row.closedAt ? { closedAt: row.closedAt } : {}),
    ...(row.shippedAt ? { shippedAt: row.shippedAt } : {}),
    ...(row.completedAt ? { completedAt: row.completedAt } : {}),
    ...(status === 'paid' && row.paidAt ? { shipBy: shipByOf(row.paidAt) } : {}),
    ...(status === 'shipped' && row.shippedAt ? { autoCompleteAt: autoCompleteAtOf(row.shippedAt, autoCompleteDays) } : {})
  }
}

/** Every order of a page with its parcels, refunds and after-sales request, in a few queries. */
export async function loadOrderDtos(db: Executor, rows: OrderRow[], autoCompleteDays: number): Promise<Array<OrderDto>> {
  const ids = rows.map((r) => r.id)
  const [shipments, afterSales] = await Promise.all([shipmentsOfOrders(db, ids), afterSalePartsOf(db, ids)])
  return rows.map((r) => {
    const a = afterSales.get(r.id)
    return toOrderDto(r, { shipments: shipments.get(r.id) ?? [], refunds: a?.refunds ?? [], ...(a?.afterSale ? { afterSale: a.afterSale } : {}) }, autoCompleteDays)
  })
}

export async function loadOrderDto(db: Executor, row: OrderRow, autoCompleteDays: number): Promise<OrderDto> {
  const [dto] = await loadOrderDtos(db, [row], autoCompleteDays)
  return dto as OrderDto
}

/** What WeChat Pay shows the shopper as the purchase (at most 127 characters, trimmed by the client). */
export function payDescription(row: OrderRow): string {
  const items = itemsOf(row)
  const first = items[0]?.title ?? '订单'
  const units = itemCount(items)
  return items.length > 1 ? `${first} 等${units}件商品` : first
}
