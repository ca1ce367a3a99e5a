/** An order row as the after-sales rules in core see it. */
import type { AfterSaleOrderFacts } from '@core/after-sale-rules'
import { OPEN_AFTER_SALE_STATUSES } from '@core/after-sale'
import type { Executor } from '../../db/database'
import { hasOpenAfterSale } from '../../db/repos/after-sale-repo'
import type { OrderRow } from '../../db/repos/order-repo'
import { paidFenOf, statusOf } from '../orders/order-view'

export function afterSaleFactsOf(order: OrderRow): AfterSaleOrderFacts {
  return {
    status: statusOf(order),
    paidFen: paidFenOf(order),
    refundedFen: order.refundedFen,
    inFlightFen: order.refundingFen ?? 0,
    completedAt: order.completedAt
  }
}

/** True while the order has a request staff or the shopper must still act on (the auto-complete job waits for it). */
export function orderInAfterSales(db: Executor, orderId: string): Promise<boolean> {
  return hasOpenAfterSale(db, orderId, OPEN_AFTER_SALE_STATUSES)
}
