/**
 * A shopper's own orders: the list (newest first), one order (with
 * `sync`, a pending order is first checked against WeChat Pay's query API,
 * for the moment right after requestPayment succeeds on the phone), and
 * cancel. Another shopper's order is simply not found.
 * `sync` asks WeChat Pay at most once per order every SYNC_INTERVAL_MS (the
 * stored check time, claimed with one conditional update): reads in between
 * answer the stored order, so a shopper's client cannot relay a flood of
 * signed queries to WeChat.
 */
import type { OrderDto } from '@core/contract/orders'
import { err, ok, type Result } from '@core/result'
import { decodeCursor, page } from '../../cursor'
import { addMs } from '../../clock'
import { claimPayCheck, findOrder, listOrderRows, type OrderRow } from '../../db/repos/order-repo'
import type { Deps } from '../../deps'
import { syncAndReload } from '../payments/sync-order-payment'
import { closeUnpaidOrder } from './close-unpaid-order'
import { loadOrderDto, loadOrderDtos } from './order-view'

async function ownOrder(deps: Deps, userId: string, id: string): Promise<Result<OrderRow>> {
  const row = await findOrder(deps.db, id)
  return row && row.userId === userId ? ok(row) : err('ORDER_NOT_FOUND', `No order ${id}`)
}

export async function listMyOrders(
  deps: Deps,
  userId: string,
  q: { cursor?: string; limit: number }
): Promise<Result<{ items: OrderDto[]; nextCursor: string | null }>> {
  const after = decodeCursor(q.cursor)
  if (!after.ok) return after
  const rows = await listOrderRows(deps.db, { userId, limit: q.limit + 1, after: after.value })
  const { items, nextCursor } = page(rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }))
  return ok({ items: await loadOrderDtos(deps.db, items, deps.config.orderAutoCompleteDays), nextCursor })
}

export const SYNC_INTERVAL_MS = 5000

export interface MyOrder {
  order: OrderDto
  /** Why the WeChat Pay check could not be made, when it could not (the order is then as we last knew it). */
  syncError?: string
}

export async function getMyOrder(deps: Deps, userId: string, id: string, sync: boolean): Promise<Result<MyOrder>> {
  const own = await ownOrder(deps, userId, id)
  if (!own.ok) return own
  if (!sync || own.value.status !== 'pending_payment') return ok({ order: await loadOrderDto(deps.db, own.value, deps.config.orderAutoCompleteDays) })
  const now = deps.clock.now()
  if (!(await claimPayCheck(deps.db, id, now.toISOString(), addMs(now, -SYNC_INTERVAL_MS).toISOString()))) {
    return ok({ order: await loadOrderDto(deps.db, own.value, deps.config.orderAutoCompleteDays) })
  }
  const synced = await syncAndReload(deps, own.value)
  return ok({
    order: await loadOrderDto(deps.db, synced.order, deps.config.orderAutoCompleteDays),
    ...(synced.sync.ok ? {} : { syncError: `${synced.sync.error.code}: ${synced.sync.error.message}` })
  })
}

export async function cancelMyOrder(deps: Deps, userId: string, id: string): Promise<Result<OrderDto>> {
  const own = await ownOrder(deps, userId, id)
  if (!own.ok) return own
  const closed = await closeUnpaidOrder(deps, own.value)
  if (!closed.ok) return closed
  if (closed.value === 'paid') return err('ALREADY_PAID', 'This order was paid just now; it can no longer be cancelled')
  const row = await findOrder(deps.db, id)
  if (!row) throw new Error(`order ${id} vanished while cancelling`)
  return ok(await loadOrderDto(deps.db, row, deps.config.orderAutoCompleteDays))
}
