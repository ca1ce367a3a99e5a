// What 申请售后 may offer for an order, by core's rules. The app does not know the
// shop's AFTER_SALE_DAYS, so a completed order is offered until the server says
// the window closed (AFTER_SALE_EXPIRED, shown to the shopper as such).
import type { AfterSaleKind } from '@core/contract/after-sales'
import type { OrderDto } from '@core/contract/orders'
import { isOpenAfterSale } from '@core/after-sale'
import { afterSaleKindsAllowed } from '@core/after-sale-rules'
import { refundableFenOfOrder, refundableInputOf } from '@core/refundable'

const WINDOW_UNKNOWN_DAYS = 3650

type WireOrder = OrderDto & { payableFen?: number }

export function refundableOf(order: WireOrder): number {
  return refundableFenOfOrder(order)
}

export function hasOpenAfterSale(order: OrderDto): boolean {
  return Boolean(order.afterSale && isOpenAfterSale(order.afterSale.status))
}

export function afterSaleKindsFor(order: WireOrder, now: number): AfterSaleKind[] {
  if (hasOpenAfterSale(order)) return []
  try {
    return afterSaleKindsAllowed(
      { ...refundableInputOf(order), completedAt: order.completedAt ?? null },
      now,
      WINDOW_UNKNOWN_DAYS
    )
  } catch (e) {
    // A completed order without completedAt (or amounts that do not add up): offer nothing rather than crash.
    console.error('after-sale: cannot work out the kinds offered', e)
    return []
  }
}
