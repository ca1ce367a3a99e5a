/**
 * What the order DTO carries about after-sales: `afterSale` (the open
 * request, else the last one) and `refunds` as the shopper sees them
 * (processing / succeeded / failed, oldest first). Loaded for a page of
 * orders in two queries; order-view's loader calls this.
 */
import type { AfterSaleDto, ShopperRefundDto, ShopperRefundStatus } from '@core/contract/after-sales'
import { isOpenAfterSale } from '@core/after-sale'
import type { Executor } from '../../db/database'
import { afterSalesOfOrders } from '../../db/repos/after-sale-repo'
import { refundsOfOrders, type RefundRow } from '../../db/repos/refund-repo'
import { afterSaleStatusOf, toAfterSaleDto } from './after-sale-view'

const SHOPPER_STATUS: Record<string, ShopperRefundStatus> = {
  processing: 'processing',
  // WeChat may still settle an abnormal refund: to the shopper it is still under way.
  abnormal: 'processing',
  success: 'succeeded',
  closed: 'failed',
  failed: 'failed'
}

export function toShopperRefundDto(r: RefundRow): ShopperRefundDto {
  return { id: r.id, amountFen: r.amountFen, status: SHOPPER_STATUS[r.status] ?? 'processing', createdAt: r.createdAt, settledAt: r.settledAt }
}

export interface AfterSaleParts {
  afterSale?: AfterSaleDto
  refunds: ShopperRefundDto[]
}

export async function afterSalePartsOf(db: Executor, orderIds: readonly string[]): Promise<Map<string, AfterSaleParts>> {
  const [requests, refunds] = await Promise.all([afterSalesOfOrders(db, orderIds), refundsOfOrders(db, orderIds)])
  const parts = new Map<string, AfterSaleParts>(orderIds.map((id) => [id, { refunds: [] }]))
  for (const r of refunds) parts.get(r.orderId)?.refunds.push(toShopperRefundDto(r))
  // Oldest first: a later request replaces an earlier one unless the earlier one is still open.
  for (const row of requests) {
    const p = parts.get(row.orderId)
    if (!p) continue
    if (p.afterSale && isOpenAfterSale(p.afterSale.status) && !isOpenAfterSale(afterSaleStatusOf(row))) continue
    p.afterSale = toAfterSaleDto(row)
  }
  return parts
}
