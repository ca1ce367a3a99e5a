/**
 * Closes an unpaid order in our database and returns its stock, in one
 * transaction. The conditional UPDATE on pending_payment means only one of
 * (cancel, close job, reconciliation) returns the stock, and never for an
 * order a notification has just marked paid.
 */
import { markClosed } from '../../db/repos/order-repo'
import type { OrderRow } from '../../db/repos/order-repo'
import { returnStock } from '../../db/repos/stock-repo'
import type { Deps } from '../../deps'
import { freeOrderCoupon } from '../coupons/order-coupon'
import { itemsOf } from './order-view'
import { contentChanged } from '../../cache/content-changes'

export async function closeLocally(deps: Deps, order: OrderRow): Promise<boolean> {
  const at = deps.clock.now().toISOString()
  return deps.db.transaction().execute(async (trx) => {
    if (!(await markClosed(trx, order.id, at))) return false
    const items = [...itemsOf(order)].sort((a, b) => (a.skuId < b.skuId ? -1 : 1))
    for (const item of items) {
      await returnStock(trx, item.skuId, item.qty)
      await contentChanged(trx, { kind: 'stock', skuId: item.skuId })
    }
    await freeOrderCoupon(trx, order.id)
    return true
  })
}
