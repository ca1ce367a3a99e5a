/**
 * GET /api/admin/after-sales?status= (admins): the queue. Without a status,
 * every open request, oldest first (the work waiting longest comes first);
 * an open status alone is oldest first too; finished ones (refunded,
 * rejected, cancelled) and `all` read as history, newest first.
 */
import type { AdminAfterSaleDto, AfterSaleStatus } from '@core/api-types'
import { isOpenAfterSale, OPEN_AFTER_SALE_STATUSES, AFTER_SALE_STATUSES } from '@core/after-sale'
import { ok, type Result } from '@core/result'
import { decodeCursor, page } from '../../cursor'
import { listAfterSaleQueue } from '../../db/repos/after-sale-repo'
import type { Deps } from '../../deps'
import { toAdminAfterSaleDto } from './after-sale-view'

export type QueueFilter = AfterSaleStatus | 'open' | 'all'

export async function listAfterSales(
  deps: Deps,
  q: { status?: QueueFilter; cursor?: string; limit: number }
): Promise<Result<{ items: AdminAfterSaleDto[]; nextCursor: string | null }>> {
  const after = decodeCursor(q.cursor)
  if (!after.ok) return after
  const filter = q.status ?? 'open'
  const statuses = filter === 'open' ? OPEN_AFTER_SALE_STATUSES : filter === 'all' ? AFTER_SALE_STATUSES : [filter]
  const oldestFirst = filter === 'open' || (filter !== 'all' && isOpenAfterSale(filter))
  const rows = await listAfterSaleQueue(deps.db, { statuses, oldestFirst, limit: q.limit + 1, after: after.value })
  const { items, nextCursor } = page(rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }))
  return ok({ items: items.map(toAdminAfterSaleDto), nextCursor })
}
