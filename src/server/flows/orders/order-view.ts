/**
 * Order rows → the API's order shape (`OrderDto` of core/api-types), and →
 * core's OrderState for transition(). JSON columns are parsed here only.
 */
import type { Address, Attribution, OrderDto, OrderItemDto } from '@core/api-types'
import { isOrderStatus, type OrderState, type OrderStatus, type PaidStatus } from '@core/order'
import type { OrderRow } from '../../db/repos/order-repo'

export function statusOf(row: OrderRow): OrderStatus {
  if (!isOrderStatus(row.status)) throw new Error(`order ${row.id} has unknown status ${row.status}`)
  return row.status
}

export function stateOf(row: OrderRow): OrderState {
  return {
    status: statusOf(row),
    totalFen: row.totalFen,
    refundedFen: row.refundedFen,
    ...(row.refundingFen !== null ? { refundingFen: row.refundingFen } : {}),
    ...(row.statusBeforeRefund !== null ? { statusBeforeRefund: row.statusBeforeRefund as PaidStatus } : {})
  }
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
    scene: scene !== null && Number.isFinite(scene) ? scene : null
  }
}

export function toOrderDto(row: OrderRow): OrderDto & { closedAt?: string } {
  return {
    id: row.id,
    outTradeNo: row.outTradeNo,
    status: statusOf(row),
    totalFen: row.totalFen,
    refundedFen: row.refundedFen,
    items: itemsOf(row),
    address: JSON.parse(row.address) as Address,
    attribution: attributionOf(row),
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    shipments: [],
    refunds: [],
    ...(row.paidAt ? { paidAt: row.paidAt } : {}),
    ...(row.closedAt ? { closedAt: row.closedAt } : {})
  }
}

/** What WeChat Pay shows the shopper as the purchase (at most 127 characters, trimmed by the client). */
export function payDescription(row: OrderRow): string {
  const items = itemsOf(row)
  const first = items[0]?.title ?? '订单'
  const units = items.reduce((n, i) => n + i.qty, 0)
  return items.length > 1 ? `${first} 等${units}件商品` : first
}
