/**
 * After-sales rows → the API's AfterSaleDto (shopper and staff) and
 * AdminAfterSaleDto (the staff queue). JSON columns are parsed here only.
 */
import type { AdminAfterSaleDto, AfterSaleDto } from '@core/contract/after-sales'
import type { CartItem } from '@core/contract/shipping'
import { isAfterSaleKind, isAfterSaleStatus, type AfterSaleKind, type AfterSaleStatus } from '@core/after-sale'
import { isOrderStatus } from '@core/order'
import type { AfterSaleRow, QueueRow } from '../../db/repos/after-sale-repo'

export function kindOf(row: AfterSaleRow): AfterSaleKind {
  if (!isAfterSaleKind(row.kind)) throw new Error(`after-sale ${row.id} has unknown kind ${row.kind}`)
  return row.kind
}

export function afterSaleStatusOf(row: AfterSaleRow): AfterSaleStatus {
  if (!isAfterSaleStatus(row.status)) throw new Error(`after-sale ${row.id} has unknown status ${row.status}`)
  return row.status
}

export function linesOf(json: string | null): CartItem[] | undefined {
  return json === null ? undefined : (JSON.parse(json) as CartItem[])
}

export function toAfterSaleDto(row: AfterSaleRow): AfterSaleDto {
  const items = linesOf(row.items)
  return {
    id: row.id,
    orderId: row.orderId,
    kind: kindOf(row),
    status: afterSaleStatusOf(row),
    reason: row.reason,
    amountFen: Number(row.amountFen),
    ...(row.note ? { note: row.note } : {}),
    images: JSON.parse(row.images) as string[],
    ...(row.rejectReason ? { rejectReason: row.rejectReason } : {}),
    ...(row.returnCarrierCode && row.returnTrackingNo && row.returnShippedAt
      ? {
          returnShipment: {
            carrier: { code: row.returnCarrierCode, name: row.returnCarrierName ?? row.returnCarrierCode },
            trackingNo: row.returnTrackingNo,
            shippedAt: row.returnShippedAt
          }
        }
      : {}),
    ...(row.restock !== null ? { restock: Number(row.restock) === 1 } : {}),
    ...(items ? { items } : {}),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt
  }
}

export function toAdminAfterSaleDto(row: QueueRow): AdminAfterSaleDto {
  if (!isOrderStatus(row.orderStatus)) throw new Error(`order ${row.orderId} has unknown status ${row.orderStatus}`)
  return {
    ...toAfterSaleDto(row),
    outTradeNo: row.outTradeNo,
    orderStatus: row.orderStatus,
    totalFen: Number(row.totalFen),
    refundedFen: Number(row.orderRefundedFen)
  }
}
