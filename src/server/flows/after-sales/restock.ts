/**
 * Puts a request's goods back on sale, inside the caller's transaction:
 * the lines it names (or the whole order), never more of a SKU than the
 * order had less what earlier requests put back (core's restockLines), and
 * once per request.
 */
import { restockLines } from '@core/after-sale-rules'
import type { Executor } from '../../db/database'
import { markRestocked, restockedOfOrder, type AfterSaleRow } from '../../db/repos/after-sale-repo'
import type { OrderRow } from '../../db/repos/order-repo'
import { returnStock } from '../../db/repos/stock-repo'
import { itemsOf } from '../orders/order-view'
import { linesOf } from './after-sale-view'
import { contentChanged } from '../../cache/content-changes'

export async function restockAfterSale(trx: Executor, row: AfterSaleRow, order: OrderRow, now: Date): Promise<Array<{ skuId: string; qty: number }>> {
  const already = (await restockedOfOrder(trx, order.id)).flatMap((json) => linesOf(json) ?? [])
  const lines = restockLines(itemsOf(order), linesOf(row.items), already)
  if (!(await markRestocked(trx, row.id, JSON.stringify(lines), now.toISOString()))) return []
  for (const line of lines) {
    await returnStock(trx, line.skuId, line.qty)
    await contentChanged(trx, { kind: 'stock', skuId: line.skuId })
  }
  return lines
}
