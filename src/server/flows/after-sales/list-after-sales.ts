/**
 * GET /api/admin/after-sales?status= (admins): the queue.
 * - no status (or `all`): every request, the open ones first, oldest first
 *   (the work waiting longest comes first), then the finished ones, newest
 *   first (history);
 * - `open`, or one open status: those, oldest first;
 * - a finished status (refunded, rejected, cancelled): those, newest first.
 * The cursor names the segment it stopped in, so a page may run from the
 * open segment into the finished one.
 */
import type { AdminAfterSaleDto, AfterSaleQueueFilter, AfterSaleStatus } from '@core/contract/after-sales'
import { isFinalAfterSale, isOpenAfterSale, OPEN_AFTER_SALE_STATUSES, AFTER_SALE_STATUSES } from '@core/after-sale'
import { ok, type Result } from '@core/result'
import { decodeCursor, encodeCursor, type Position } from '../../cursor'
import { listAfterSaleQueue, type QueueRow } from '../../db/repos/after-sale-repo'
import type { Deps } from '../../deps'
import { toAdminAfterSaleDto } from './after-sale-view'

type Segment = { name: 'open' | 'done'; statuses: readonly AfterSaleStatus[]; oldestFirst: boolean }

const OPEN: Segment = { name: 'open', statuses: OPEN_AFTER_SALE_STATUSES, oldestFirst: true }
const DONE: Segment = { name: 'done', statuses: AFTER_SALE_STATUSES.filter(isFinalAfterSale), oldestFirst: false }

function segmentsOf(filter: AfterSaleQueueFilter): Segment[] {
  if (filter === 'all') return [OPEN, DONE]
  if (filter === 'open') return [OPEN]
  return [{ name: isOpenAfterSale(filter) ? 'open' : 'done', statuses: [filter], oldestFirst: isOpenAfterSale(filter) }]
}

/** The cursor's time carries the segment: `open|2025-…`. */
function cursorOf(segment: Segment, row: QueueRow): string {
  return encodeCursor({ at: `${segment.name}|${row.createdAt}`, id: row.id })
}

function positionIn(segment: Segment, after: Position | undefined): { skip: boolean; after?: Position } {
  if (!after) return { skip: false }
  const [name, at] = after.at.split('|')
  if (name === segment.name && at) return { skip: false, after: { at, id: after.id } }
  // A cursor in the finished segment has left the open one behind.
  return { skip: name === 'done' && segment.name === 'open' }
}

export async function listAfterSales(
  deps: Deps,
  q: { status?: AfterSaleQueueFilter; cursor?: string; limit: number }
): Promise<Result<{ items: AdminAfterSaleDto[]; nextCursor: string | null }>> {
  const decoded = decodeCursor(q.cursor)
  if (!decoded.ok) return decoded
  const items: QueueRow[] = []
  let nextCursor: string | null = null
  for (const segment of segmentsOf(q.status ?? 'all')) {
    const pos = positionIn(segment, decoded.value)
    if (pos.skip) continue
    const want = q.limit - items.length
    const rows = await listAfterSaleQueue(deps.db, { statuses: segment.statuses, oldestFirst: segment.oldestFirst, limit: want + 1, after: pos.after })
    items.push(...rows.slice(0, want))
    if (rows.length > want) {
      const last = items[items.length - 1]
      nextCursor = last ? cursorOf(segment, last) : null
      break
    }
    if (items.length === q.limit) {
      // Exactly full: the next page starts at the next segment (possibly empty).
      const last = items[items.length - 1]
      nextCursor = segment === OPEN && segmentsOf(q.status ?? 'all').includes(DONE) && last ? cursorOf(segment, last) : null
      break
    }
  }
  return ok({ items: items.map(toAdminAfterSaleDto), nextCursor })
}
